package org.hotline.intake.open311;

import java.util.Locale;
import java.util.Set;

import org.hotline.intake.caseintake.CaseStatus;

/**
 * The two statuses Open311 knows: a case being handled (or handled again after the caller sent it back) is open;
 * a case answered on the spot, resolved by its department or closed after the callback is closed.
 */
enum Open311Status {
    OPEN(Set.of(CaseStatus.OPEN)),
    CLOSED(Set.of(CaseStatus.RESOLVED_ON_THE_SPOT, CaseStatus.RESOLVED, CaseStatus.CLOSED));

    private final Set<CaseStatus> caseStatuses;

    Open311Status(Set<CaseStatus> caseStatuses) {
        this.caseStatuses = caseStatuses;
    }

    static Open311Status of(CaseStatus status) {
        return CLOSED.caseStatuses.contains(status) ? CLOSED : OPEN;
    }

    /** Reads {@code open} or {@code closed}. */
    static Open311Status parse(String value) {
        for (Open311Status status : values()) {
            if (status.wire().equalsIgnoreCase(value.trim())) {
                return status;
            }
        }
        throw Open311Exception.badRequest("status must be open or closed");
    }

    Set<CaseStatus> caseStatuses() {
        return caseStatuses;
    }

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
