package org.hotline.escalation.timers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hotline.escalation.timers.domain.EscalationLadder;
import org.hotline.events.CaseKind;
import org.hotline.events.Channel;
import org.hotline.events.EventCodec;
import org.hotline.events.EventEnvelope;
import org.hotline.events.FeedbackChannel;
import org.hotline.events.Topics;
import org.hotline.events.Urgency;
import org.hotline.events.escalation.CaseEscalated;
import org.hotline.events.escalation.EscalationReason;
import org.hotline.events.intake.CallerProfile;
import org.hotline.events.intake.CaseOpened;
import org.hotline.events.routing.CaseAssigned;
import org.hotline.events.routing.Deadlines;
import org.hotline.support.outbox.OutboxMessage;
import org.junit.jupiter.api.Test;

class EscalationCaseTests {

    static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    static CaseOpened opened(Urgency urgency) {
        return new CaseOpened(EventEnvelope.first("case-1", T0, "intake-service"), "HL-20261123-000001",
                Channel.PHONE, CaseKind.HELP_REQUEST, "OTHER", null, urgency, "Gas smell in the stairwell", null,
                new CallerProfile("cr-1", false, FeedbackChannel.PHONE), false, "op-1", null, null, null, null, T0,
                List.of());
    }

    static CaseAssigned assigned(CaseOpened opened, String assignmentId, Deadlines deadlines) {
        return new CaseAssigned(EventEnvelope.causedBy(opened.envelope(), T0, "routing-service"), assignmentId,
                "FACILITIES", List.of(), CaseKind.HELP_REQUEST, opened.urgency(), "OTHER", "r-1", 1, deadlines, 0);
    }

    static CaseEscalated escalated(OutboxMessage message) {
        return EventCodec.decode(message.payload().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                CaseEscalated.class);
    }

    @Test
    void whenAnEmergencyIsOpenedThenCaseEscalatedToTheCommandCentreIsQueuedInTheSameDocument() {
        CaseOpened opened = opened(Urgency.EMERGENCY);
        EscalationCase escalationCase = EscalationCase.of(opened);

        escalationCase.opened(opened, "COMMAND_CENTRE", T0.plusMillis(5));
        escalationCase.opened(opened, "COMMAND_CENTRE", T0.plusMillis(9));

        assertThat(escalationCase.getOutbox()).singleElement().satisfies(message -> {
            assertThat(message.topic()).isEqualTo(Topics.CASE_ESCALATED);
            assertThat(message.key()).isEqualTo("case-1");
            CaseEscalated escalated = escalated(message);
            assertThat(escalated.level()).isEqualTo(1);
            assertThat(escalated.reason()).isEqualTo(EscalationReason.EMERGENCY);
            assertThat(escalated.escalatedTo()).isEqualTo("COMMAND_CENTRE");
            assertThat(escalated.envelope().causationId()).isEqualTo(opened.eventId().toString());
            assertThat(escalated.envelope().correlationId()).isEqualTo(opened.envelope().correlationId());
        });
        assertThat(escalationCase.getLastEscalatedAt()).isEqualTo(T0.plusMillis(5));
    }

    @Test
    void whenAnOrdinaryCaseIsOpenedThenNothingIsEscalated() {
        CaseOpened opened = opened(Urgency.NORMAL);
        EscalationCase escalationCase = EscalationCase.of(opened);

        assertThat(escalationCase.opened(opened, "COMMAND_CENTRE", T0)).isEmpty();

        assertThat(escalationCase.getOutbox()).isEmpty();
        assertThat(escalationCase.getTrackingNumber()).isEqualTo("HL-20261123-000001");
    }

    @Test
    void whenADeadlinePassesThenTheDocumentKeepsItsNextDueTimeAndQueuesTheEscalation() {
        CaseOpened opened = opened(Urgency.NORMAL);
        EscalationCase escalationCase = EscalationCase.of(opened);
        Deadlines deadlines = new Deadlines(T0.plus(Duration.ofHours(4)), null, T0.plus(Duration.ofDays(3)),
                T0.plus(Duration.ofDays(4)));
        CaseAssigned assigned = assigned(opened, "case-1-A1", deadlines);

        escalationCase.assigned(assigned);
        assertThat(escalationCase.getNextDueAt()).isEqualTo(deadlines.acceptBy());
        escalationCase.fireDue(T0.plus(Duration.ofHours(5)), EscalationLadder.standard());

        assertThat(escalationCase.getNextDueAt()).isEqualTo(deadlines.resolveBy());
        assertThat(escalationCase.getOutbox()).singleElement().satisfies(message -> {
            CaseEscalated escalated = escalated(message);
            assertThat(escalated.reason()).isEqualTo(EscalationReason.ACCEPTANCE_OVERDUE);
            assertThat(escalated.escalatedTo()).isEqualTo("DEPARTMENT_HEAD");
            assertThat(escalated.departmentCode()).isEqualTo("FACILITIES");
            assertThat(escalated.deadline()).isEqualTo(deadlines.acceptBy());
            assertThat(escalated.envelope().causationId()).isEqualTo(assigned.eventId().toString());
            assertThat(escalated.envelope().source()).isEqualTo("escalation-service");
        });
    }
}
