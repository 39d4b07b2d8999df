package org.hotline.reporting.kpi;

import static org.hotline.reporting.ledger.CaseFacts.Counter.*;

import java.util.List;
import java.util.Map;

import org.hotline.reporting.ledger.CaseFacts;
import org.hotline.reporting.ledger.CaseFacts.Counter;

/** The KPIs from the summed counters of some buckets. Plain Java. */
final class KpiFormulas {

    private KpiFormulas() {
    }

    static Kpis of(Map<String, Long> counters) {
        Sums n = new Sums(counters);
        return new Kpis(n.get(OPENED), n.get(RESOLVED), n.get(CLOSED), n.get(BACKLOG), n.get(OVERDUE),
                n.get(EMERGENCIES), n.get(ESCALATIONS), n.get(BOUNCES), n.get(REOPENS),
                n.rate(ANSWERED_IN_TIME, ANSWER_TIMED), n.rate(HANDLED_RIGHT, RESOLVED),
                n.rate(ACCEPTED_ON_TIME, ACCEPTANCE_DUE), n.rate(RESOLVED_ON_TIME, RESOLUTION_DUE),
                n.rate(FEEDBACK_ON_TIME, FEEDBACK_DUE), n.rate(CALLED_BACK, CALLBACK_DUE), n.rate(SATISFIED, RATED),
                n.get(SCORED) == 0 ? null : (double) n.get(SCORE_SUM) / n.get(SCORED), n.rate(REOPENED, OPENED),
                n.rate(RESPONDED, RESPONSE_DUE), n.rate(SOLVED_FOR_CALLER, RATED), handlingTime(n));
    }

    private static Kpis.HandlingTime handlingTime(Sums n) {
        long resolved = 0;
        long[] bins = new long[CaseFacts.HANDLING_BINS_HOURS.size() + 1];
        for (int i = 0; i < bins.length; i++) {
            bins[i] = n.get(Counter.values()[H0.ordinal() + i]);
            resolved += bins[i];
        }
        if (resolved == 0) {
            return new Kpis.HandlingTime(0, null, null);
        }
        return new Kpis.HandlingTime(resolved, n.get(HANDLING_SECONDS) / 3600.0 / resolved,
                percentile(bins, CaseFacts.HANDLING_BINS_HOURS, 0.9));
    }

    /** A percentile from histogram bins, interpolated linearly inside its bin. */
    static double percentile(long[] bins, List<Integer> upperBounds, double p) {
        long total = 0;
        for (long b : bins) {
            total += b;
        }
        double target = p * total;
        long before = 0;
        for (int i = 0; i < bins.length; i++) {
            if (bins[i] > 0 && before + bins[i] >= target) {
                double lower = i == 0 ? 0 : upperBounds.get(i - 1);
                if (i == upperBounds.size()) {
                    return lower;
                }
                double upper = upperBounds.get(i);
                return lower + (target - before) / bins[i] * (upper - lower);
            }
            before += bins[i];
        }
        return upperBounds.get(upperBounds.size() - 1);
    }

    private record Sums(Map<String, Long> counters) {

        long get(Counter counter) {
            return counters.getOrDefault(counter.field(), 0L);
        }

        Kpis.Rate rate(Counter count, Counter outOf) {
            return Kpis.Rate.of(get(count), get(outOf));
        }
    }
}
