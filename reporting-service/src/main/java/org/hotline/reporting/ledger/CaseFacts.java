package org.hotline.reporting.ledger;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hotline.events.Channel;
import org.hotline.events.Milestone;
import org.hotline.events.Satisfaction;
import org.hotline.events.Urgency;
import org.hotline.events.escalation.EscalationLevel;
import org.hotline.events.feedback.ResolutionOutcome;
import org.hotline.events.routing.DepartmentRole;
import org.hotline.reporting.ledger.LedgerCase.Assignment;
import org.hotline.reporting.ledger.LedgerCase.Deadline;

/**
 * What one case contributes to the KPI buckets: counters, each 0 or more, computed from the case's ledger as the
 * facts tell it (never from the clock, so a rebuild computes the same). The case counts in the buckets of the day it
 * was opened (in the reporting time zone), in several grains: department, category, channel, operator, and its
 * keywords and area for the common-problems report. A case whose
 * opening fact has not arrived yet contributes nothing. Plain Java.
 */
public final class CaseFacts {

    /** The grains of the buckets: which dimensions a bucket is keyed by, besides its day. */
    public enum Grain {
        /** Every case: one bucket per day (and month), for totals and trends. */
        TOTAL,
        /** Lead department of the current assignment ({@link #NO_DEPARTMENT} if never assigned). Every case. */
        DEPARTMENT,
        CATEGORY,
        CHANNEL,
        /** The operator who took the case, where known. */
        OPERATOR,
        /**
         * Department × category × channel: no longer counted (no report read it, and its documents were the largest).
         * Kept so that ledger documents written before still read; {@link BucketWriter} drops their changes to it.
         */
        CELL,
        /** One bucket per keyword of the description; counts {@link Counter#OPENED} only. */
        KEYWORD,
        /** The administrative area of the problem, where known; counts {@link Counter#OPENED} only. */
        AREA
    }

    /** The counters of a bucket. Each KPI is a ratio or mean of these (see the module README). */
    public enum Counter {
        OPENED, EMERGENCIES, ANSWER_TIMED, ANSWERED_IN_TIME, ACCEPTANCE_DUE, ACCEPTED_ON_TIME, RESOLVED,
        RESOLUTION_DUE, RESOLVED_ON_TIME, HANDLED_RIGHT, FEEDBACK_DUE, FEEDBACK_ON_TIME, CALLBACK_DUE, CALLED_BACK,
        RATED, SATISFIED, SCORED, SCORE_SUM, REOPENED, REOPENS, BOUNCES, ESCALATIONS, CLOSED, BACKLOG, OVERDUE,
        RESPONSE_DUE, RESPONDED, SOLVED_FOR_CALLER, HANDLING_SECONDS,
        /** Handling-time histogram: one counter per bin of {@link CaseFacts#HANDLING_BINS_HOURS}. */
        H0, H1, H2, H3, H4, H5, H6, H7, H8, H9, H10, H11;

        /** The field name in a bucket document. */
        public String field() {
            return name().toLowerCase();
        }
    }

    /**
     * Upper bounds (exclusive, in hours) of the handling-time histogram bins H0…H10; H11 holds the rest. Resolved
     * cases count in exactly one bin, so the bins add up to {@link Counter#RESOLVED}.
     */
    public static final List<Integer> HANDLING_BINS_HOURS = List.of(1, 4, 8, 24, 48, 72, 120, 168, 240, 360, 720);

    /** The department key of cases never given to a department, e.g. answered on the spot. */
    public static final String NO_DEPARTMENT = "(hotline)";

    /**
     * One bucket's share of a case.
     *
     * @param bucketId grain, period and dimension values, e.g. {@code DEPARTMENT|2026-11-23|WATER_BUREAU}
     * @param day the opening day, {@code yyyy-MM-dd}, or for a monthly bucket the opening month, {@code yyyy-MM}
     * @param key the dimension value(s), joined with {@code |} for the cell grain
     */
    public record BucketFacts(String bucketId, Grain grain, String day, String key, Map<String, Long> counters) {

        /** A bucket of a month rather than a day. */
        public boolean monthly() {
            return monthly(day);
        }

        /** Whether a bucket period ({@code yyyy-MM-dd} or {@code yyyy-MM}) is a month. */
        public static boolean monthly(String period) {
            return period.length() == 7;
        }
    }

    /**
     * How the facts are measured.
     *
     * @param answerThreshold calls answered within this time after they started ringing are answered in time
     * @param walkInThreshold walk-in visitors received within this time after they arrived are received in time
     * @param zone the time zone whose calendar days the buckets are
     */
    public record Settings(Duration answerThreshold, Duration walkInThreshold, ZoneId zone) {
    }

    private CaseFacts() {
    }

    /**
     * The buckets the case counts in, with its counters in each: every bucket of its opening day, and the same of
     * its opening month (so that long periods read months); empty until the opening fact is known.
     */
    static List<BucketFacts> of(LedgerCase c, List<String> keywords, Settings settings) {
        if (c.openedAt() == null) {
            return List.of();
        }
        Map<Counter, Long> counters = counters(c, settings);
        Map<String, Long> fields = new LinkedHashMap<>();
        counters.forEach((counter, value) -> {
            if (value != 0) {
                fields.put(counter.field(), value);
            }
        });
        String day = c.openedAt().atZone(settings.zone()).toLocalDate().toString();
        List<BucketFacts> buckets = new java.util.ArrayList<>();
        for (String period : List.of(day, day.substring(0, 7))) {
            buckets.addAll(buckets(c, keywords, period, fields));
        }
        return buckets;
    }

    private static List<BucketFacts> buckets(LedgerCase c, List<String> keywords, String day,
            Map<String, Long> fields) {
        String department = c.department() == null ? NO_DEPARTMENT : c.department();
        String category = c.category() == null ? "-" : c.category();
        String channel = c.channel() == null ? "-" : c.channel().name();
        List<BucketFacts> buckets = new java.util.ArrayList<>();
        buckets.add(bucket(Grain.TOTAL, day, "all", fields));
        buckets.add(bucket(Grain.DEPARTMENT, day, department, fields));
        buckets.add(bucket(Grain.CATEGORY, day, category, fields));
        buckets.add(bucket(Grain.CHANNEL, day, channel, fields));
        if (c.operatorId() != null) {
            buckets.add(bucket(Grain.OPERATOR, day, c.operatorId(), fields));
        }
        Map<String, Long> opened = Map.of(Counter.OPENED.field(), 1L);
        if (c.area() != null) {
            buckets.add(bucket(Grain.AREA, day, c.area(), opened));
        }
        if (keywords != null) {
            keywords.forEach(k -> buckets.add(bucket(Grain.KEYWORD, day, k, opened)));
        }
        return buckets;
    }

    private static BucketFacts bucket(Grain grain, String day, String key, Map<String, Long> counters) {
        return new BucketFacts(grain.name() + "|" + day + "|" + key, grain, day, key, Map.copyOf(counters));
    }

    static Map<Counter, Long> counters(LedgerCase c, Settings settings) {
        Map<Counter, Long> n = new EnumMap<>(Counter.class);
        n.put(Counter.OPENED, 1L);
        n.put(Counter.EMERGENCIES, flag(c.urgency() == Urgency.EMERGENCY));
        Duration threshold = c.channel() == Channel.WALK_IN ? settings.walkInThreshold() : settings.answerThreshold();
        boolean timed = c.answerTime() != null && (c.channel() == Channel.PHONE || c.channel() == Channel.WALK_IN);
        n.put(Counter.ANSWER_TIMED, flag(timed));
        n.put(Counter.ANSWERED_IN_TIME, flag(timed && c.answerTime().compareTo(threshold) <= 0));

        // on-time acceptance: every assignment the department signed for or refused
        long acceptanceDue = 0;
        long acceptedOnTime = 0;
        for (Assignment a : c.assignments()) {
            Deadline acceptBy = a.deadline(Milestone.ACCEPTANCE);
            if (acceptBy != null && (a.acceptedAt() != null || a.rejectedAt() != null)) {
                acceptanceDue++;
                acceptedOnTime += flag(a.acceptedAt() != null && !a.acceptedAt().isAfter(acceptBy.due()));
            }
        }
        n.put(Counter.ACCEPTANCE_DUE, acceptanceDue);
        n.put(Counter.ACCEPTED_ON_TIME, acceptedOnTime);

        boolean resolved = c.resolvedAt() != null;
        Assignment lead = c.leadAssignment();
        Deadline resolveBy = lead == null ? null : lead.deadline(Milestone.RESOLUTION);
        n.put(Counter.RESOLVED, flag(resolved));
        n.put(Counter.RESOLUTION_DUE, flag(resolved && resolveBy != null));
        n.put(Counter.RESOLVED_ON_TIME, flag(resolved && resolveBy != null && resolveBy.state() == DeadlineState.MET));
        String first = c.departments().isEmpty() ? null : c.departments().get(0);
        boolean byFirst = c.resolvedOnTheSpot() || first != null && first.equals(c.resolvedBy());
        n.put(Counter.HANDLED_RIGHT, flag(resolved && byFirst && c.bounces() == 0 && c.reopens() == 0));

        Deadline replyBy = lead == null ? null : lead.deadline(Milestone.FEEDBACK);
        boolean feedbackDue = resolved && !c.anonymous() && replyBy != null;
        n.put(Counter.FEEDBACK_DUE, flag(feedbackDue));
        n.put(Counter.FEEDBACK_ON_TIME, flag(feedbackDue && replyBy.state() == DeadlineState.MET));

        boolean reached = c.calledBackAt() != null;
        n.put(Counter.CALLBACK_DUE, flag(resolved && !c.anonymous()));
        n.put(Counter.CALLED_BACK, flag(resolved && !c.anonymous() && reached));
        boolean rated = reached && c.satisfaction() != null;
        boolean satisfied = rated && c.satisfaction() != Satisfaction.DISSATISFIED;
        n.put(Counter.RATED, flag(rated));
        n.put(Counter.SATISFIED, flag(satisfied));
        n.put(Counter.SCORED, flag(reached && c.score() != null));
        n.put(Counter.SCORE_SUM, reached && c.score() != null ? c.score().longValue() : 0L);
        n.put(Counter.SOLVED_FOR_CALLER, flag(satisfied && solved(c.resolution())));

        n.put(Counter.REOPENED, flag(c.reopens() > 0));
        n.put(Counter.REOPENS, (long) c.reopens());
        n.put(Counter.BOUNCES, (long) c.bounces());
        n.put(Counter.ESCALATIONS, c.escalations().stream().filter(e -> e.level() != EscalationLevel.REMINDER)
                .count());
        n.put(Counter.CLOSED, flag(c.closedAt() != null));
        boolean backlog = c.status().inBacklog();
        n.put(Counter.BACKLOG, flag(backlog));
        n.put(Counter.OVERDUE, flag(backlog && flaggedOverdue(c, lead, resolveBy)));

        boolean responseDue = c.resolvedOnTheSpot() || lead != null;
        n.put(Counter.RESPONSE_DUE, flag(responseDue));
        n.put(Counter.RESPONDED, flag(c.resolvedOnTheSpot() || respondedInTime(c)));

        if (resolved) {
            Duration handling = c.handlingTime();
            n.put(Counter.HANDLING_SECONDS, Math.max(0, handling.toSeconds()));
            n.put(Counter.values()[Counter.H0.ordinal() + bin(handling)], 1L);
        }
        return n;
    }

    /** The histogram bin of a handling time: 0 to {@link #HANDLING_BINS_HOURS}{@code .size()}. */
    static int bin(Duration handling) {
        for (int i = 0; i < HANDLING_BINS_HOURS.size(); i++) {
            if (handling.compareTo(Duration.ofHours(HANDLING_BINS_HOURS.get(i))) < 0) {
                return i;
            }
        }
        return HANDLING_BINS_HOURS.size();
    }

    /**
     * The escalation ladder declared the lead department's current resolution deadline passed (overdue or
     * higher). Judged from the facts, not the clock, so it depends on escalation-service's warnings.
     */
    private static boolean flaggedOverdue(LedgerCase c, Assignment lead, Deadline resolveBy) {
        if (lead == null || resolveBy == null) {
            return false;
        }
        return c.escalations().stream().anyMatch(e -> e.milestone() == Milestone.RESOLUTION
                && e.level() != EscalationLevel.REMINDER && e.at().isAfter(lead.assignedAt().minusMillis(1))
                && (e.deadline() == null || !e.deadline().isBefore(resolveBy.due())));
    }

    /**
     * Beijing's response (響應): the first assignment's department made contact in time — signed for the case no
     * later than its acceptance deadline, or for a case with an on-site deadline, reached the site (or the caller) no
     * later than that deadline.
     */
    private static boolean respondedInTime(LedgerCase c) {
        Assignment first = c.assignments().stream().filter(a -> a.role() == DepartmentRole.LEAD).findFirst()
                .orElse(null);
        if (first == null) {
            return false;
        }
        Deadline onSite = first.deadline(Milestone.ON_SITE);
        Deadline contact = onSite != null ? onSite : first.deadline(Milestone.ACCEPTANCE);
        if (contact == null) {
            return first.acceptedAt() != null;
        }
        Instant metAt = onSite != null ? contact.metAt() : first.acceptedAt();
        return metAt != null && !metAt.isAfter(contact.due());
    }

    private static boolean solved(ResolutionOutcome outcome) {
        return outcome == ResolutionOutcome.RESOLVED || outcome == ResolutionOutcome.ANSWERED
                || outcome == ResolutionOutcome.SUGGESTION_ADOPTED;
    }

    private static long flag(boolean value) {
        return value ? 1L : 0L;
    }
}
