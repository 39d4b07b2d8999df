package org.hotline.reporting.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.hotline.events.CaseKind;
import org.hotline.events.Channel;
import org.hotline.events.EventType;
import org.hotline.events.Satisfaction;
import org.hotline.events.Urgency;
import org.hotline.events.feedback.CaseOutcome;
import org.hotline.events.routing.Deadlines;

/**
 * The tracking ledger of one case (跟蹤臺賬): when it was taken and how, who handles it and by when, the result,
 * the feedback, the callback and the caller's satisfaction, and every fact in the order it happened.
 *
 * @param status where the case stands, from the latest state-changing fact
 * @param overdue not resolved yet and past the current assignment's resolve-by deadline
 * @param answerTime calls: from the first ring to the answer
 * @param department the department of the latest assignment
 * @param assignedAt when the latest assignment was made
 * @param deadlines the latest assignment's deadlines
 * @param resolvedAt when the latest result was reported
 * @param satisfaction the caller's answer at the latest callback
 * @param callbacks how many callbacks took place
 * @param rejections how many times a department refused the case (bounces)
 * @param timeline every fact, in the order it happened
 */
public record LedgerCase(String caseId, String trackingNumber, CaseStatus status, boolean overdue, Channel channel,
        CaseKind kind, String category, String subCategory, Urgency urgency, boolean anonymous,
        boolean supervisionComplaint, Instant openedAt, Instant ringStartedAt, Instant answeredAt,
        Duration answerTime, Instant arrivedAt, Instant receivedAt, String department,
        List<String> assistingDepartments, Instant assignedAt, Deadlines deadlines, Instant acceptedAt,
        Instant resolvedAt, boolean resolvedOnTheSpot, Instant feedbackAt, Satisfaction satisfaction, int callbacks,
        Instant closedAt, CaseOutcome outcome, int escalations, int rejections, int reopens, Instant lastEventAt,
        List<Entry> timeline) {

    /**
     * One fact of the timeline, described without caller data.
     *
     * @param type the fact's CloudEvents type, e.g. {@code org.hotline.case.opened.v1}
     * @param source the service that reported it
     */
    public record Entry(String eventId, String type, Instant occurredAt, String source, String summary,
            String department) {

        EventType eventType() {
            return EventType.ofCloudEventType(type);
        }
    }

    /** The order of the timeline: by time, then in the order of the case workflow. */
    static final Comparator<Entry> CHRONOLOGICAL = Comparator.comparing(Entry::occurredAt)
            .thenComparing(Entry::eventType).thenComparing(Entry::eventId);

    private static final List<CaseStatus> HANDLED = List.of(CaseStatus.RESOLVED, CaseStatus.FEEDBACK_DELIVERED,
            CaseStatus.CALLED_BACK, CaseStatus.CLOSED);

    static LedgerCase of(LedgerDocument d, Instant now) {
        List<Entry> timeline = d.timeline() == null ? List.of() : d.timeline().stream()
                .map(e -> new Entry(e.eventId(), e.type(), e.occurredAt(), e.source(), e.summary(), e.department()))
                .sorted(CHRONOLOGICAL).toList();
        CaseStatus status = CaseStatus.derive(timeline.stream().map(Entry::eventType).toList());
        LedgerDocument.Assignment a = d.assignment();
        Deadlines deadlines = a == null ? null : new Deadlines(a.acceptBy(), a.onSiteBy(), a.resolveBy(), a.replyBy());
        boolean overdue = a != null && a.resolveBy() != null && now.isAfter(a.resolveBy()) && !HANDLED.contains(status);
        Duration answerTime = d.ringStartedAt() != null && d.answeredAt() != null
                ? Duration.between(d.ringStartedAt(), d.answeredAt()) : null;
        LedgerDocument.Resolution r = d.resolution();
        LedgerDocument.Callback c = d.callback();
        return new LedgerCase(d.id(), d.trackingNumber(), status, overdue, parse(d.channel(), Channel::valueOf),
                parse(d.kind(), CaseKind::valueOf), d.category(), d.subCategory(), parse(d.urgency(), Urgency::valueOf),
                Boolean.TRUE.equals(d.anonymous()), Boolean.TRUE.equals(d.supervisionComplaint()), d.openedAt(),
                d.ringStartedAt(), d.answeredAt(), answerTime, d.arrivedAt(), d.receivedAt(),
                a == null ? null : a.department(),
                a == null || a.assistingDepartments() == null ? List.of() : a.assistingDepartments(),
                a == null ? null : a.at(), deadlines, d.acceptedAt(), r == null ? null : r.at(),
                r != null && Boolean.TRUE.equals(r.onTheSpot()), d.feedbackAt(),
                c == null ? null : parse(c.satisfaction(), Satisfaction::valueOf), count(d.callbacks()), d.closedAt(),
                parse(d.outcome(), CaseOutcome::valueOf), count(d.escalations()), count(d.rejections()),
                count(d.reopens()), d.lastEventAt(), timeline);
    }

    /** The same case without its timeline, for lists. */
    LedgerCase withoutTimeline() {
        return new LedgerCase(caseId, trackingNumber, status, overdue, channel, kind, category, subCategory, urgency,
                anonymous, supervisionComplaint, openedAt, ringStartedAt, answeredAt, answerTime, arrivedAt,
                receivedAt, department, assistingDepartments, assignedAt, deadlines, acceptedAt, resolvedAt,
                resolvedOnTheSpot, feedbackAt, satisfaction, callbacks, closedAt, outcome, escalations, rejections,
                reopens, lastEventAt, null);
    }

    private static <T> T parse(String value, Function<String, T> parser) {
        return value == null ? null : parser.apply(value);
    }

    private static int count(Integer value) {
        return value == null ? 0 : value;
    }
}
