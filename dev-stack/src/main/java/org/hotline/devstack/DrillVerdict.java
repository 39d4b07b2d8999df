package org.hotline.devstack;

import java.time.Duration;

/**
 * The outcome of one fault drill, printed as one line:
 * {@code VERDICT <drill>: PASS|FAIL accepted=N inLedger=N duplicates=N lost=N <more> (<seconds> s)}.
 *
 * @param accepted what the drill put in: cases intake took (201), or for the poison drill the poison records
 *        times the groups that read them
 * @param inLedger of those, how many arrived where they belong: in the ledger, or in the dead-letter topic
 * @param duplicates anything counted or fired twice (a case opened twice, KPIs above the cases taken, a timer
 *        fired twice, a record dead-lettered twice)
 * @param lost anything that did not arrive (a case not in the ledger or missing from the KPIs, an emergency timer
 *        that never fired, a poison record not dead-lettered, a partition that did not go on)
 * @param more the drill's own counts and the reasons for a FAIL
 */
record DrillVerdict(String drill, boolean pass, long accepted, long inLedger, long duplicates, long lost,
                    String more, Duration took) {

    String line() {
        return String.format("VERDICT %s: %s accepted=%d inLedger=%d duplicates=%d lost=%d%s (%.0f s)", drill,
                pass ? "PASS" : "FAIL", accepted, inLedger, duplicates, lost, more.isBlank() ? "" : " " + more,
                took.toMillis() / 1000.0);
    }
}
