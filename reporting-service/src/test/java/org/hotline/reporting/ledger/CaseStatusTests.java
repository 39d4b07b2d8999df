package org.hotline.reporting.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.events.EventType.ASSIGNMENT_REJECTED;
import static org.hotline.events.EventType.CALLBACK_COMPLETED;
import static org.hotline.events.EventType.CASE_ACCEPTED;
import static org.hotline.events.EventType.CASE_ASSIGNED;
import static org.hotline.events.EventType.CASE_CLOSED;
import static org.hotline.events.EventType.CASE_ESCALATED;
import static org.hotline.events.EventType.CASE_OPENED;
import static org.hotline.events.EventType.CASE_PROGRESSED;
import static org.hotline.events.EventType.CASE_REOPENED;
import static org.hotline.events.EventType.CASE_RESOLVED;
import static org.hotline.events.EventType.FEEDBACK_DELIVERED;

import java.util.List;

import org.hotline.events.EventType;
import org.junit.jupiter.api.Test;

class CaseStatusTests {

    @Test
    void whenACaseWasOnlyOpenedThenItIsOpened() {
        assertThat(CaseStatus.derive(List.of(CASE_OPENED))).isEqualTo(CaseStatus.OPENED);
    }

    @Test
    void whenTheDepartmentSignedForItThenItIsAccepted() {
        assertThat(CaseStatus.derive(List.of(CASE_OPENED, CASE_ASSIGNED, CASE_ACCEPTED)))
                .isEqualTo(CaseStatus.ACCEPTED);
    }

    @Test
    void whenAnEscalationFollowsThenTheStatusStaysWhatItWas() {
        assertThat(CaseStatus.derive(List.of(CASE_OPENED, CASE_ASSIGNED, CASE_PROGRESSED, CASE_ESCALATED)))
                .isEqualTo(CaseStatus.IN_PROGRESS);
    }

    @Test
    void whenADepartmentRefusedThenTheCaseIsReturnedUntilItIsAssignedAgain() {
        List<EventType> refused = List.of(CASE_OPENED, CASE_ASSIGNED, ASSIGNMENT_REJECTED);

        assertThat(CaseStatus.derive(refused)).isEqualTo(CaseStatus.RETURNED);
        assertThat(CaseStatus.derive(List.of(CASE_OPENED, CASE_ASSIGNED, ASSIGNMENT_REJECTED, CASE_ASSIGNED)))
                .isEqualTo(CaseStatus.ASSIGNED);
    }

    @Test
    void whenTheCallerWasNotSatisfiedThenTheCaseIsReopened() {
        assertThat(CaseStatus.derive(List.of(CASE_OPENED, CASE_ASSIGNED, CASE_RESOLVED, FEEDBACK_DELIVERED,
                CALLBACK_COMPLETED, CASE_REOPENED))).isEqualTo(CaseStatus.REOPENED);
    }

    @Test
    void whenACaseIsClosedThenLaterFactsDoNotReopenIt() {
        assertThat(CaseStatus.derive(List.of(CASE_OPENED, CASE_RESOLVED, CASE_CLOSED, CASE_PROGRESSED,
                CASE_ESCALATED))).isEqualTo(CaseStatus.CLOSED);
    }

    @Test
    void whenOnlyAnEscalationIsKnownThenThereIsNoStatusYet() {
        assertThat(CaseStatus.derive(List.of(CASE_ESCALATED))).isNull();
    }

    @Test
    void whenTheOpeningFactIsLateThenTheStatusFollowsTheOtherFacts() {
        assertThat(CaseStatus.derive(List.of(CASE_ASSIGNED))).isEqualTo(CaseStatus.ASSIGNED);
    }
}
