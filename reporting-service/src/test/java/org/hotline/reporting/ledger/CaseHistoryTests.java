package org.hotline.reporting.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.hotline.events.HotlineEvent;
import org.hotline.events.Milestone;
import org.hotline.events.Satisfaction;
import org.hotline.events.escalation.EscalationLevel;
import org.hotline.events.routing.AssignmentReason;
import org.junit.jupiter.api.Test;

class CaseHistoryTests {

    static final Instant T0 = Instant.parse("2026-11-02T01:30:00Z");

    @Test
    void whenASatisfiedFlowIsFoldedThenEveryDeadlineItReachedIsMetAndTheCaseIsClosed() {
        LedgerCase c = CaseHistory.fold("c-1", CaseFlows.satisfied("c-1", T0), T0.plus(Duration.ofDays(30)));

        assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(c.overdue()).isFalse();
        assertThat(c.answerTime()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.department()).isEqualTo("SANITATION_BUREAU");
        assertThat(c.handlingTime()).isEqualTo(Duration.ofDays(1));
        assertThat(c.satisfaction()).isEqualTo(Satisfaction.SATISFIED);
        assertThat(c.score()).isEqualTo(5);
        assertThat(c.area()).isEqualTo("110101");
        LedgerCase.Assignment a = c.leadAssignment();
        assertThat(a.deadline(Milestone.ACCEPTANCE).state()).isEqualTo(DeadlineState.MET);
        assertThat(a.deadline(Milestone.RESOLUTION).state()).isEqualTo(DeadlineState.MET);
        assertThat(a.deadline(Milestone.FEEDBACK).state()).isEqualTo(DeadlineState.MET);
        assertThat(a.deadline(Milestone.CALLBACK).state()).isEqualTo(DeadlineState.MET);
        assertThat(c.timeline()).hasSize(7);
    }

    @Test
    void whenATroubledFlowIsFoldedThenBouncesEscalationsAndTheReopenShow() {
        LedgerCase c = CaseHistory.fold("c-2", CaseFlows.troubled("c-2", T0), T0.plus(Duration.ofDays(4)));

        assertThat(c.status()).isEqualTo(CaseStatus.ASSIGNED);
        assertThat(c.bounces()).isEqualTo(1);
        assertThat(c.reopens()).isEqualTo(1);
        assertThat(c.resolvedAt()).as("the result was sent back").isNull();
        assertThat(c.departments()).containsExactly("HOUSING_OFFICE", "DISTRICT_OFFICE");
        assertThat(c.escalations()).singleElement().extracting(LedgerCase.Escalation::level)
                .isEqualTo(EscalationLevel.OVERDUE);
        assertThat(c.assignments()).extracting(LedgerCase.Assignment::assignmentId)
                .containsExactly("a-1", "a-2", "a-3");
        LedgerCase.Assignment refused = c.assignments().get(0);
        LedgerCase.Assignment late = c.assignments().get(1);
        LedgerCase.Assignment rework = c.assignments().get(2);
        assertThat(refused.rejectionReason()).isEqualTo("Not our district");
        assertThat(refused.deadline(Milestone.RESOLUTION).state()).isEqualTo(DeadlineState.CANCELLED);
        assertThat(late.deadline(Milestone.ACCEPTANCE).state()).isEqualTo(DeadlineState.MET);
        assertThat(late.deadline(Milestone.RESOLUTION).state()).isEqualTo(DeadlineState.MISSED);
        assertThat(rework.reason()).isEqualTo(AssignmentReason.REWORK);
        assertThat(rework.deadline(Milestone.RESOLUTION).state()).isEqualTo(DeadlineState.OPEN);
        assertThat(c.overdue()).isFalse();
        assertThat(CaseHistory.fold("c-2", CaseFlows.troubled("c-2", T0), T0.plus(Duration.ofDays(11))).overdue())
                .as("past the rework's resolve-by").isTrue();
    }

    @Test
    void whenTheFactsArriveInAnyOrderThenTheLedgerIsTheSame() {
        List<HotlineEvent> flow = CaseFlows.troubled("c-3", T0);
        LedgerCase inOrder = CaseHistory.fold("c-3", flow, T0.plus(Duration.ofDays(4)));
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            List<HotlineEvent> shuffled = new ArrayList<>(flow);
            Collections.shuffle(shuffled, random);

            assertThat(CaseHistory.fold("c-3", shuffled, T0.plus(Duration.ofDays(4)))).isEqualTo(inOrder);
        }
    }

    @Test
    void whenTheCaseIsClosedThenALateFactDoesNotReopenIt() {
        List<HotlineEvent> flow = new ArrayList<>(CaseFlows.satisfied("c-4", T0));
        HotlineEvent closed = flow.remove(flow.size() - 1);
        flow.add(0, closed);

        assertThat(CaseHistory.fold("c-4", flow, null).status()).isEqualTo(CaseStatus.CLOSED);
    }
}
