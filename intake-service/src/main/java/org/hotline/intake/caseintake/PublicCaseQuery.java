package org.hotline.intake.caseintake;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A search among the cases listed on the public Open311 API, newest first.
 *
 * @param trackingNumbers when not empty, exactly these cases, whatever the other criteria say
 * @param classifications when not empty, only cases in one of these categories (with the sub-category, or none)
 * @param statuses when not empty, only cases in one of these statuses
 * @param receivedFrom received at or after this instant
 * @param receivedUntil received at or before this instant
 * @param limit at most this many cases
 */
public record PublicCaseQuery(List<String> trackingNumbers, List<Classification> classifications,
        Set<CaseStatus> statuses, Instant receivedFrom, Instant receivedUntil, int limit) {

    /** A category, and its sub-category or null for a category without sub-categories. */
    public record Classification(String category, String subCategory) {
    }
}
