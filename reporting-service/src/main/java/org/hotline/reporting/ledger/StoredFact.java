package org.hotline.reporting.ledger;

import java.time.Instant;
import java.util.List;

import org.hotline.events.EventCodec;
import org.hotline.events.EventType;
import org.hotline.events.HotlineEvent;
import org.hotline.events.feedback.CallbackCompleted;
import org.hotline.events.feedback.CaseReopened;
import org.hotline.events.intake.CallerProfile;
import org.hotline.events.intake.CaseLocation;
import org.hotline.events.intake.CaseOpened;

/**
 * One fact as the ledger keeps it: the event without caller data, as JSON, so that the case can be folded again
 * from all its facts. Left out: the caller profile (masked name, phone and e-mail, the sealed contact, the caller
 * reference), the problem description (only its {@link Keywords} are kept), the address and coordinates (only the
 * administrative area is kept), the caller's reason for dissatisfaction and the callback comment.
 *
 * @param type the CloudEvents type
 * @param payload the event without caller data, as {@link EventCodec} writes it
 * @param keywords opening facts: the description's keywords
 */
record StoredFact(String eventId, String type, Instant occurredAt, String payload, List<String> keywords) {

    static StoredFact of(HotlineEvent event) {
        List<String> keywords = event instanceof CaseOpened opened ? Keywords.of(opened.description()) : null;
        return new StoredFact(event.eventId().toString(), event.type().cloudEventType(), event.occurredAt(),
                EventCodec.encodeToString(withoutCallerData(event)), keywords);
    }

    HotlineEvent event() {
        return EventCodec.decode(payload, EventType.ofCloudEventType(type).recordType());
    }

    static HotlineEvent withoutCallerData(HotlineEvent event) {
        return switch (event.type()) {
            case CASE_OPENED -> {
                CaseOpened e = (CaseOpened) event;
                CallerProfile caller = e.caller() == null ? null
                        : new CallerProfile(null, e.caller().anonymous(), e.caller().preferredFeedbackChannel());
                CaseLocation location = e.location() == null || e.location().area() == null ? null
                        : new CaseLocation(null, null, null, e.location().area());
                yield new CaseOpened(e.envelope(), e.trackingNumber(), e.channel(), e.kind(), e.category(),
                        e.subCategory(), e.urgency(), null, location, caller, e.supervisionComplaint(), e.operatorId(),
                        e.externalReference(), e.ringStartedAt(), e.answeredAt(), e.arrivedAt(), e.receivedAt(),
                        e.possibleDuplicateOf());
            }
            case CASE_REOPENED -> {
                CaseReopened e = (CaseReopened) event;
                yield new CaseReopened(e.envelope(), e.departmentCode(), null, e.reopenCount(), e.toSupervisor());
            }
            case CALLBACK_COMPLETED -> {
                CallbackCompleted e = (CallbackCompleted) event;
                yield new CallbackCompleted(e.envelope(), e.reached(), e.satisfaction(), e.score(), null,
                        e.attempt(), e.operatorId());
            }
            default -> event;
        };
    }
}
