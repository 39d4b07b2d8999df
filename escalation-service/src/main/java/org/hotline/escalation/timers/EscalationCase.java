package org.hotline.escalation.timers;

import java.time.Instant;

import org.hotline.escalation.timers.domain.CaseFacts;
import org.hotline.events.EventEnvelope;
import org.hotline.events.HotlineEvent;
import org.hotline.events.escalation.AfterActionReviewed;
import org.hotline.support.outbox.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A case as escalation knows it: the facts its events told (whatever their order), the events handled, and the
 * after-action review once filed. Its timers live in their own documents ({@link TimerDocument}).
 */
@Document("escalation_cases")
class EscalationCase extends AggregateRoot {

    static final String SOURCE = "escalation-service";

    @Id
    private String id;
    private String correlationId;
    private CaseFacts facts;
    private Review review;

    /**
     * The after-action review (調查總結).
     *
     * @param departmentCode who investigated
     * @param cause what caused the emergency (原因分析)
     * @param measures what is done so it does not happen again (改進措施)
     */
    record Review(String departmentCode, String cause, String measures, Instant filedAt) {
    }

    EscalationCase() {
    }

    static EscalationCase of(HotlineEvent first) {
        EscalationCase escalationCase = new EscalationCase();
        escalationCase.id = first.caseId();
        escalationCase.facts = CaseFacts.of(first.caseId());
        return escalationCase;
    }

    /** Takes the correlation id of the first event that carries one; returns whether it did now. */
    boolean correlate(HotlineEvent event) {
        if (correlationId == null && event.envelope().correlationId() != null) {
            correlationId = event.envelope().correlationId();
            return true;
        }
        return false;
    }

    /** Files the after-action review and publishes AfterActionReviewed. */
    void fileReview(String departmentCode, String cause, String measures, Instant at, String requestId) {
        review = new Review(departmentCode, cause, measures, at);
        facts.reviewFiled(at);
        raise(new AfterActionReviewed(EventEnvelope.caused(id, correlationId, requestId, at, SOURCE), departmentCode,
                cause, measures));
    }

    String getId() {
        return id;
    }

    String getCorrelationId() {
        return correlationId;
    }

    CaseFacts facts() {
        return facts;
    }

    Review getReview() {
        return review;
    }
}
