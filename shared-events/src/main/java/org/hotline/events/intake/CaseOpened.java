package org.hotline.events.intake;

import java.time.Instant;
import java.util.List;

import org.hotline.events.CaseKind;
import org.hotline.events.Channel;
import org.hotline.events.EventEnvelope;
import org.hotline.events.HotlineEvent;
import org.hotline.events.Urgency;

/**
 * A front desk took a case. Carries no caller personal data: only an opaque caller reference.
 *
 * @param trackingNumber the number read to the caller, e.g. {@code HL-20261123-000042}
 * @param supervisionComplaint a complaint about the hotline service itself, for the supervision group
 * @param ringStartedAt calls: when the phone started ringing
 * @param answeredAt calls: when the operator answered
 * @param arrivedAt walk-ins: when the visitor arrived
 * @param receivedAt when the case was recorded
 * @param possibleDuplicateOf earlier cases of the same caller and category within the duplicate window
 */
public record CaseOpened(EventEnvelope envelope, String trackingNumber, Channel channel, CaseKind kind,
        String category, String subCategory, Urgency urgency, String description, CaseLocation location,
        CallerProfile caller, boolean supervisionComplaint, String operatorId, String externalReference,
        Instant ringStartedAt, Instant answeredAt, Instant arrivedAt, Instant receivedAt,
        List<String> possibleDuplicateOf) implements HotlineEvent {
}
