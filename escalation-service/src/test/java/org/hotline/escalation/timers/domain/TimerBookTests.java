package org.hotline.escalation.timers.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hotline.events.escalation.EscalationReason;
import org.hotline.events.routing.Deadlines;
import org.junit.jupiter.api.Test;

class TimerBookTests {

    static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    static final EscalationLadder LADDER = EscalationLadder.standard();

    final TimerBook book = new TimerBook();

    static Instant hours(long h) {
        return T0.plus(Duration.ofHours(h));
    }

    static Deadlines deadlines() {
        return new Deadlines(hours(4), hours(8), hours(72), hours(96));
    }

    TimerStatus status(String assignmentId, TimerKind kind) {
        return book.timers().stream().filter(t -> t.assignmentId().equals(assignmentId) && t.kind() == kind)
                .map(SlaTimer::status).findFirst().orElseThrow();
    }

    @Test
    void whenACaseIsAssignedThenItsFourDeadlinesArePendingAndTheEarliestIsNextDue() {
        List<SlaTimer> set = book.schedule("A1", "FACILITIES", T0, deadlines(), "e1");

        assertThat(set).extracting(SlaTimer::kind).containsExactly(TimerKind.ACCEPTANCE, TimerKind.ON_SITE,
                TimerKind.RESOLUTION, TimerKind.REPLY);
        assertThat(set).allMatch(SlaTimer::isPending);
        assertThat(book.nextDueAt()).isEqualTo(hours(4));
    }

    @Test
    void whenTheAssignmentHasNoOnSiteDeadlineThenNoOnSiteTimerIsSet() {
        book.schedule("A1", "FACILITIES", T0, new Deadlines(hours(4), null, hours(72), hours(96)), "e1");

        assertThat(book.timers()).extracting(SlaTimer::kind).doesNotContain(TimerKind.ON_SITE).hasSize(3);
    }

    @Test
    void whenTheSameAssignmentArrivesTwiceThenOneSetOfTimersExists() {
        book.schedule("A1", "FACILITIES", T0, deadlines(), "e1");

        List<SlaTimer> again = book.schedule("A1", "FACILITIES", T0, deadlines(), "e2");

        assertThat(again).isEmpty();
        assertThat(book.timers()).hasSize(4);
    }

    @Test
    void whenADeadlinePassesThenTheTimerFiresOnceToTheFirstRung() {
        book.schedule("A1", "FACILITIES", T0, deadlines(), "e1");

        List<Escalation> fired = book.fireDue(hours(5), LADDER);
        List<Escalation> again = book.fireDue(hours(5), LADDER);

        assertThat(fired).singleElement().satisfies(e -> {
            assertThat(e.level()).isEqualTo(1);
            assertThat(e.reason()).isEqualTo(EscalationReason.ACCEPTANCE_OVERDUE);
            assertThat(e.escalatedTo()).isEqualTo("DEPARTMENT_HEAD");
            assertThat(e.departmentCode()).isEqualTo("FACILITIES");
            assertThat(e.deadline()).isEqualTo(hours(4));
            assertThat(e.causationId()).isEqualTo("e1");
        });
        assertThat(again).isEmpty();
        assertThat(status("A1", TimerKind.ACCEPTANCE)).isEqualTo(TimerStatus.FIRED);
        assertThat(book.nextDueAt()).isEqualTo(hours(8));
    }

    @Test
    void whenDeadlinesKeepPassingThenTheCaseClimbsTheLadderAndStaysOnTheLastRung() {
        book.schedule("A1", "FACILITIES", T0, deadlines(), "e1");

        List<Escalation> fired = book.fireDue(hours(100), LADDER);

        assertThat(fired).extracting(Escalation::level).containsExactly(1, 2, 3, 4);
        assertThat(fired).extracting(Escalation::escalatedTo).containsExactly("DEPARTMENT_HEAD",
                "HOTLINE_SUPERVISOR", "LEADERSHIP", "LEADERSHIP");
        assertThat(fired).extracting(Escalation::reason).containsExactly(EscalationReason.ACCEPTANCE_OVERDUE,
                EscalationReason.ON_SITE_OVERDUE, EscalationReason.RESOLUTION_OVERDUE, EscalationReason.REPLY_OVERDUE);
        assertThat(book.nextDueAt()).isNull();
    }

    @Test
    void whenTheDepartmentAcceptsInTimeThenOnlyTheAcceptanceTimerStops() {
        book.schedule("A1", "FACILITIES", T0, deadlines(), "e1");

        book.accepted("A1", hours(1));

        assertThat(status("A1", TimerKind.ACCEPTANCE)).isEqualTo(TimerStatus.CANCELLED);
        assertThat(status("A1", TimerKind.RESOLUTION)).isEqualTo(TimerStatus.PENDING);
        assertThat(book.fireDue(hours(5), LADDER)).isEmpty();
        assertThat(book.nextDueAt()).isEqualTo(hours(8));
    }

    @Test
    void whenTheAcceptanceArrivesBeforeTheAssignmentThenNoAcceptanceTimerIsLeftPending() {
        book.accepted("A1", hours(1));

        book.schedule("A1", "FACILITIES", T0, deadlines(), "e1");

        SlaTimer acceptance = book.timers().get(0);
        assertThat(acceptance.status()).isEqualTo(TimerStatus.CANCELLED);
        assertThat(acceptance.settledBy()).isEqualTo("accepted");
        assertThat(acceptance.settledAt()).isEqualTo(hours(1));
        assertThat(status("A1", TimerKind.ON_SITE)).isEqualTo(TimerStatus.PENDING);
    }

    @Test
    void whenTheDepartmentRejectsThenThatAssignmentsTimersStopAndTheNextAssignmentGetsItsOwn() {
        book.schedule("A1", "FACILITIES", T0, deadlines(), "e1");

        book.rejected("A1", hours(1));
        book.schedule("A2", "HUMAN_RESOURCES", hours(2), deadlines(), "e2");

        assertThat(book.timers()).filteredOn(t -> t.assignmentId().equals("A1"))
                .allMatch(t -> t.status() == TimerStatus.CANCELLED && "rejected".equals(t.settledBy()));
        assertThat(book.timers()).filteredOn(t -> t.assignmentId().equals("A2")).allMatch(SlaTimer::isPending);
    }

    @Test
    void whenTheRejectionArrivesBeforeTheAssignmentThenNoneOfItsTimersIsPending() {
        book.rejected("A1", hours(1));

        book.schedule("A1", "FACILITIES", T0, deadlines(), "e1");

        assertThat(book.timers()).noneMatch(SlaTimer::isPending);
        assertThat(book.nextDueAt()).isNull();
    }

    @Test
    void whenTheCaseIsResolvedThenOnlyTheReplyTimerKeepsRunning() {
        book.schedule("A1", "FACILITIES", T0, deadlines(), "e1");

        book.resolved(hours(2));

        assertThat(book.timers()).filteredOn(SlaTimer::isPending).extracting(SlaTimer::kind)
                .containsExactly(TimerKind.REPLY);
        assertThat(book.nextDueAt()).isEqualTo(hours(96));
    }

    @Test
    void whenTheResolutionArrivesBeforeTheAssignmentThenTheSameTimersEndUpCancelled() {
        book.resolved(hours(2));

        book.schedule("A1", "FACILITIES", T0, deadlines(), "e1");

        assertThat(book.timers()).filteredOn(SlaTimer::isPending).extracting(SlaTimer::kind)
                .containsExactly(TimerKind.REPLY);
    }

    @Test
    void whenAReopenedCaseIsAssignedAgainAfterItsResolutionThenTheNewAssignmentGetsFreshTimers() {
        book.schedule("A1", "FACILITIES", T0, deadlines(), "e1");
        book.resolved(hours(2));
        book.feedbackDelivered(hours(3));

        book.schedule("A2", "FACILITIES", hours(30), deadlines(), "e2");

        assertThat(book.timers()).filteredOn(t -> t.assignmentId().equals("A1")).noneMatch(SlaTimer::isPending);
        assertThat(book.timers()).filteredOn(t -> t.assignmentId().equals("A2")).allMatch(SlaTimer::isPending);
    }

    @Test
    void whenFeedbackIsDeliveredThenTheReplyTimerStops() {
        book.schedule("A1", "FACILITIES", T0, deadlines(), "e1");

        book.feedbackDelivered(hours(2));

        assertThat(status("A1", TimerKind.REPLY)).isEqualTo(TimerStatus.CANCELLED);
        assertThat(status("A1", TimerKind.ACCEPTANCE)).isEqualTo(TimerStatus.PENDING);
    }

    @Test
    void whenTheCaseIsClosedThenEveryTimerStopsAndLaterAssignmentsSetNone() {
        book.schedule("A1", "FACILITIES", T0, deadlines(), "e1");

        book.closed(hours(2));
        book.schedule("A2", "FACILITIES", hours(3), deadlines(), "e2");

        assertThat(book.timers()).hasSize(8).noneMatch(SlaTimer::isPending);
        assertThat(book.fireDue(hours(200), LADDER)).isEmpty();
    }

    @Test
    void whenACaseIsAnEmergencyThenItGoesToTheCommandCentreOnceAndDoesNotUseUpALadderRung() {
        assertThat(book.emergency("COMMAND_CENTRE", T0, "e0")).hasValueSatisfying(e -> {
            assertThat(e.level()).isEqualTo(1);
            assertThat(e.reason()).isEqualTo(EscalationReason.EMERGENCY);
            assertThat(e.escalatedTo()).isEqualTo("COMMAND_CENTRE");
        });
        assertThat(book.emergency("COMMAND_CENTRE", T0, "e0")).isEmpty();

        book.schedule("A1", "FIRE_SAFETY", T0, deadlines(), "e1");

        assertThat(book.fireDue(hours(5), LADDER)).singleElement()
                .satisfies(e -> assertThat(e.escalatedTo()).isEqualTo("DEPARTMENT_HEAD"));
    }

    @Test
    void whenTheResolutionFallsInTheSameMillisecondAsTheAssignmentThenItCountsAsMadeBefore() {
        book.resolved(T0.plusNanos(100_000));

        book.schedule("A1", "FACILITIES", T0.plusNanos(400_000), deadlines(), "e1");

        assertThat(book.timers()).filteredOn(SlaTimer::isPending).extracting(SlaTimer::kind)
                .containsExactly(TimerKind.REPLY);
    }
}
