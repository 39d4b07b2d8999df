package org.hotline.escalation.timers.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hotline.events.CaseKind;
import org.hotline.events.EventEnvelope;
import org.hotline.events.Milestone;
import org.hotline.events.Urgency;
import org.hotline.events.routing.AssignedDepartment;
import org.hotline.events.routing.AssignmentReason;
import org.hotline.events.routing.CaseAssigned;
import org.hotline.events.routing.DeadlineChange;
import org.hotline.events.routing.Deadlines;
import org.hotline.events.routing.DepartmentRole;
import org.junit.jupiter.api.Test;

class CaseFactsTests {

    static final String CASE = "case-1";
    static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");

    static Deadlines deadlines(Instant from) {
        return new Deadlines(from.plus(Duration.ofHours(4)), null, from.plus(Duration.ofDays(1)),
                from.plus(Duration.ofDays(3)), from.plus(Duration.ofDays(4)), from.plus(Duration.ofDays(6)));
    }

    static CaseAssigned assigned(String assignmentId, Instant at, Urgency urgency, AssignedDepartment... more) {
        List<AssignedDepartment> departments = new java.util.ArrayList<>();
        departments.add(new AssignedDepartment(assignmentId, "WATER", DepartmentRole.LEAD));
        departments.addAll(List.of(more));
        return new CaseAssigned(new EventEnvelope(UUID.randomUUID(), CASE, at, 1, "routing-service", null, null),
                assignmentId, "WATER", departments, CaseKind.COMPLAINT, urgency, "LIVING", "r-1", 1, 1,
                deadlines(at), 0, AssignmentReason.RULE);
    }

    static Map<String, TimerState> states(CaseFacts facts) {
        return facts.timers().stream().collect(Collectors.toMap(t -> t.assignmentId() + "/" + t.milestone(),
                TimerSpec::state));
    }

    @Test
    void whenALeadAndAnAssistantAreAssignedThenEachHasItsOwnTimersAndOnlyTheLeadOwesFeedback() {
        CaseFacts facts = CaseFacts.of(CASE);

        facts.assigned(assigned("A1", T0, Urgency.COMPLEX, new AssignedDepartment("A1-S1", "ROADS",
                DepartmentRole.ASSIST)));

        assertThat(states(facts)).containsOnlyKeys("A1/ACCEPTANCE", "A1/HANDLING", "A1/RESOLUTION", "A1/FEEDBACK",
                "A1/CALLBACK", "A1-S1/ACCEPTANCE", "A1-S1/HANDLING", "A1-S1/RESOLUTION");
        assertThat(states(facts).values()).containsOnly(TimerState.OPEN);
        assertThat(facts.timers()).allSatisfy(t -> assertThat(t.clock()).isEqualTo(ClockKind.WORKING_HOURS));
    }

    @Test
    void whenTheAcceptanceArrivesBeforeItsAssignmentThenTheAcceptanceTimerIsMetAtOnce() {
        CaseFacts facts = CaseFacts.of(CASE);

        facts.accepted("A1", T0.plusSeconds(60));
        facts.assigned(assigned("A1", T0, Urgency.NORMAL));

        assertThat(states(facts)).containsEntry("A1/ACCEPTANCE", TimerState.MET)
                .containsEntry("A1/RESOLUTION", TimerState.OPEN);
    }

    @Test
    void whenTheResolutionArrivesFirstThenHandlingIsMetAndFeedbackStillRuns() {
        CaseFacts facts = CaseFacts.of(CASE);

        facts.resolved(T0.plusSeconds(3600), "WATER", T0.plus(Duration.ofDays(7)));
        facts.assigned(assigned("A1", T0, Urgency.NORMAL));

        assertThat(states(facts)).containsEntry("A1/ACCEPTANCE", TimerState.MET)
                .containsEntry("A1/RESOLUTION", TimerState.MET).containsEntry("A1/FEEDBACK", TimerState.OPEN);
    }

    @Test
    void whenAnOlderAssignmentArrivesAfterANewerOneThenTheOlderIsSuperseded() {
        CaseFacts facts = CaseFacts.of(CASE);

        facts.assigned(assigned("A2", T0.plusSeconds(600), Urgency.NORMAL));
        facts.assigned(assigned("A1", T0, Urgency.NORMAL));

        assertThat(facts.timers()).filteredOn(t -> t.assignmentId().equals("A1"))
                .allSatisfy(t -> assertThat(t.state()).isEqualTo(TimerState.CANCELLED));
        assertThat(facts.timers()).filteredOn(t -> t.assignmentId().equals("A2"))
                .allSatisfy(t -> assertThat(t.state()).isEqualTo(TimerState.OPEN));
    }

    @Test
    void whenDeadlinesChangeBeforeTheAssignmentArrivesThenTheNewDeadlinesCount() {
        CaseFacts facts = CaseFacts.of(CASE);
        Deadlines extended = new Deadlines(null, null, null, T0.plus(Duration.ofDays(10)), null, null);

        facts.deadlinesChanged("A1", extended, DeadlineChange.EXTENSION, T0.plusSeconds(60), "e-1");
        facts.assigned(assigned("A1", T0, Urgency.NORMAL));

        assertThat(facts.timers()).singleElement().satisfies(t -> {
            assertThat(t.milestone()).isEqualTo(Milestone.RESOLUTION);
            assertThat(t.deadline()).isEqualTo(T0.plus(Duration.ofDays(10)));
        });
    }

    @Test
    void whenTheClockPausesAndResumesInAnyOrderThenTheLatestFactWins() {
        CaseFacts paused = CaseFacts.of(CASE);
        paused.assigned(assigned("A1", T0, Urgency.NORMAL));
        paused.onHold("A1", T0.plusSeconds(60));
        assertThat(states(paused)).containsEntry("A1/RESOLUTION", TimerState.SUSPENDED);

        CaseFacts resumedFirst = CaseFacts.of(CASE);
        resumedFirst.assigned(assigned("A1", T0, Urgency.NORMAL));
        resumedFirst.deadlinesChanged("A1", deadlines(T0.plusSeconds(600)), DeadlineChange.RESUMED,
                T0.plusSeconds(600), "e-2");
        resumedFirst.onHold("A1", T0.plusSeconds(60));
        assertThat(states(resumedFirst)).containsEntry("A1/RESOLUTION", TimerState.OPEN);
    }

    @Test
    void whenTheCaseClosesThenEveryTimerIsCancelled() {
        CaseFacts facts = CaseFacts.of(CASE);
        facts.closed(T0.plusSeconds(60));
        facts.assigned(assigned("A1", T0, Urgency.NORMAL));

        assertThat(states(facts).values()).containsOnly(TimerState.CANCELLED);
    }

    @Test
    void whenAnEmergencyIsAcceptedAndResolvedThenTheReviewIsOwedUntilFiled() {
        CaseFacts facts = CaseFacts.of(CASE);
        facts.opened(Urgency.EMERGENCY, "OTHER", T0, "opened-1");
        assertThat(states(facts)).containsEntry("null/EMERGENCY_RESPONSE", TimerState.OPEN);

        facts.accepted("A1", T0.plusSeconds(300));
        facts.resolved(T0.plusSeconds(3600), "FIRE", T0.plus(Duration.ofDays(7)));
        assertThat(states(facts)).containsEntry("null/EMERGENCY_RESPONSE", TimerState.MET)
                .containsEntry("null/AFTER_ACTION_REVIEW", TimerState.OPEN);

        facts.closed(T0.plusSeconds(7200));
        assertThat(states(facts)).containsEntry("null/AFTER_ACTION_REVIEW", TimerState.OPEN);

        facts.reviewFiled(T0.plus(Duration.ofDays(2)));
        assertThat(states(facts)).containsEntry("null/AFTER_ACTION_REVIEW", TimerState.MET);
    }

    @Test
    void whenAnEmergencyIsAssignedThenItsClocksRunAroundTheClock() {
        CaseFacts facts = CaseFacts.of(CASE);

        facts.assigned(assigned("A1", T0, Urgency.EMERGENCY));

        assertThat(facts.timers()).allSatisfy(t -> assertThat(t.clock()).isEqualTo(ClockKind.AROUND_THE_CLOCK));
    }

    @Test
    void whenAnEventRepeatsAKnownFactThenTheFactsStayEqualToTheirCopy() {
        CaseFacts facts = CaseFacts.of(CASE);
        CaseAssigned assignment = assigned("A1", T0, Urgency.NORMAL);
        facts.assigned(assignment);
        facts.onHold("A1", T0.plusSeconds(60));
        facts.accepted("A1", T0.plusSeconds(30));
        facts.feedbackDelivered(T0.plusSeconds(600));
        CaseFacts before = facts.copy();

        facts.assigned(assignment);
        facts.onHold("A1", T0.plusSeconds(10));
        facts.accepted("A1", T0.plusSeconds(90));
        facts.feedbackDelivered(T0.plusSeconds(300));
        facts.rejected("A2");
        facts.rejected("A2");
        CaseFacts afterNews = facts.copy();
        facts.rejected("A2");

        assertThat(afterNews).isNotEqualTo(before);
        assertThat(facts).isEqualTo(afterNews).hasSameHashCodeAs(afterNews);
        afterNews.rejected("A3");
        assertThat(facts).isNotEqualTo(afterNews);
    }

    @Test
    void whenACopyChangesThenTheOriginalDoesNot() {
        CaseFacts facts = CaseFacts.of(CASE);
        facts.assigned(assigned("A1", T0, Urgency.NORMAL));
        CaseFacts copy = facts.copy();

        copy.accepted("A1", T0.plusSeconds(30));
        copy.onHold("A1", T0.plusSeconds(40));

        assertThat(states(facts)).containsEntry("A1/ACCEPTANCE", TimerState.OPEN);
        assertThat(states(copy)).containsEntry("A1/ACCEPTANCE", TimerState.MET);
        assertThat(facts).isNotEqualTo(copy);
    }
}
