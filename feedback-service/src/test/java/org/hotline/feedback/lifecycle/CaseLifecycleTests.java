package org.hotline.feedback.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotline.events.FeedbackChannel;
import org.hotline.events.Satisfaction;
import org.hotline.events.feedback.CaseOutcome;
import org.hotline.feedback.lifecycle.CaseRuleViolation.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CaseLifecycleTests {

    private final CaseLifecycle lifecycle = new CaseLifecycle(2);

    @Test
    void whenAssignedBeforeOrAfterTheOpeningThenTheCaseEndsAssigned() {
        // given / when
        CaseState openedFirst = lifecycle.assigned(lifecycle.opened(null));
        CaseState assignedFirst = lifecycle.opened(lifecycle.assigned(null));

        // then
        assertThat(openedFirst).isEqualTo(CaseState.ASSIGNED);
        assertThat(assignedFirst).isEqualTo(CaseState.ASSIGNED);
    }

    @ParameterizedTest
    @EnumSource(value = CaseState.class, names = { "RESOLVED", "FEEDBACK_DELIVERED", "CLOSED" })
    void whenAnAssignmentArrivesAfterTheResolutionThenTheStateStays(CaseState resolved) {
        // when
        CaseState next = lifecycle.assigned(resolved);

        // then
        assertThat(next).isEqualTo(resolved);
    }

    @Test
    void whenAReopenedCaseIsAssignedAgainThenItIsAssigned() {
        assertThat(lifecycle.assigned(CaseState.REOPENED)).isEqualTo(CaseState.ASSIGNED);
    }

    @Test
    void whenAnsweredOnTheSpotBeforeOrAfterTheOpeningThenTheCaseEndsResolved() {
        assertThat(lifecycle.opened(lifecycle.resolvedElsewhere(null))).isEqualTo(CaseState.RESOLVED);
        assertThat(lifecycle.resolvedElsewhere(lifecycle.opened(null))).isEqualTo(CaseState.RESOLVED);
        assertThat(lifecycle.assigned(lifecycle.resolvedElsewhere(CaseState.OPEN))).isEqualTo(CaseState.RESOLVED);
    }

    @Test
    void whenAClosedCaseIsResolvedElsewhereThenItStaysClosed() {
        assertThat(lifecycle.resolvedElsewhere(CaseState.CLOSED)).isEqualTo(CaseState.CLOSED);
    }

    @Test
    void whenTheAssignedDepartmentReportsThenTheCaseIsResolved() {
        assertThat(lifecycle.reportResult(CaseState.ASSIGNED, "FACILITIES", "FACILITIES"))
                .isEqualTo(CaseState.RESOLVED);
    }

    @Test
    void whenTheDepartmentOfAReopenedCaseReportsDirectlyThenTheCaseIsResolved() {
        assertThat(lifecycle.reportResult(CaseState.REOPENED, "FACILITIES", "FACILITIES"))
                .isEqualTo(CaseState.RESOLVED);
    }

    @Test
    void whenAnotherDepartmentReportsThenItIsRefusedAsTheWrongDepartment() {
        assertThatThrownBy(() -> lifecycle.reportResult(CaseState.ASSIGNED, "FACILITIES", "HOUSING"))
                .isInstanceOfSatisfying(CaseRuleViolation.class,
                        v -> assertThat(v.reason()).isEqualTo(Reason.WRONG_DEPARTMENT));
    }

    @ParameterizedTest
    @EnumSource(value = CaseState.class, names = { "OPEN", "RESOLVED", "FEEDBACK_DELIVERED", "CLOSED" })
    void whenAResultComesOutsideHandlingThenItIsRefusedByState(CaseState state) {
        assertThatThrownBy(() -> lifecycle.reportResult(state, "FACILITIES", "FACILITIES"))
                .isInstanceOfSatisfying(CaseRuleViolation.class,
                        v -> assertThat(v.reason()).isEqualTo(Reason.WRONG_STATE));
    }

    @Test
    void whenAReopenedCaseHasNoDepartmentYetThenAResultWaitsForTheAssignment() {
        assertThatThrownBy(() -> lifecycle.reportResult(CaseState.REOPENED, null, "FACILITIES"))
                .isInstanceOfSatisfying(CaseRuleViolation.class,
                        v -> assertThat(v.reason()).isEqualTo(Reason.WRONG_STATE));
    }

    @Test
    void whenFeedbackNamesNoChannelThenTheCallersPreferredOneIsUsed() {
        assertThat(lifecycle.deliverFeedback(CaseState.RESOLVED, null, FeedbackChannel.SMS))
                .isEqualTo(FeedbackChannel.SMS);
        assertThat(lifecycle.deliverFeedback(CaseState.RESOLVED, FeedbackChannel.LETTER, FeedbackChannel.SMS))
                .isEqualTo(FeedbackChannel.LETTER);
    }

    @Test
    void whenFeedbackHasNoChannelAtAllThenItIsRefusedAsMissingInput() {
        assertThatThrownBy(() -> lifecycle.deliverFeedback(CaseState.RESOLVED, null, null))
                .isInstanceOfSatisfying(CaseRuleViolation.class,
                        v -> assertThat(v.reason()).isEqualTo(Reason.MISSING_INPUT));
    }

    @ParameterizedTest
    @EnumSource(value = CaseState.class, names = { "OPEN", "ASSIGNED", "REOPENED", "FEEDBACK_DELIVERED", "CLOSED" })
    void whenFeedbackComesBeforeTheResultOrTwiceThenItIsRefused(CaseState state) {
        assertThatThrownBy(() -> lifecycle.deliverFeedback(state, FeedbackChannel.PHONE, null))
                .isInstanceOfSatisfying(CaseRuleViolation.class,
                        v -> assertThat(v.reason()).isEqualTo(Reason.WRONG_STATE));
    }

    @ParameterizedTest
    @EnumSource(value = Satisfaction.class, names = { "SATISFIED", "BASICALLY_SATISFIED" })
    void whenTheCallerIsSatisfiedThenTheCaseClosesAsSatisfied(Satisfaction satisfaction) {
        // given a resolved case, fed back or not
        for (CaseState state : new CaseState[] { CaseState.RESOLVED, CaseState.FEEDBACK_DELIVERED }) {
            // when
            CallbackDecision decision = lifecycle.callback(state, false, 0, satisfaction, null);

            // then
            assertThat(decision).isEqualTo(new CallbackDecision(CaseState.CLOSED, CaseOutcome.SATISFIED, 0));
        }
    }

    @Test
    void whenTheCallerCannotBeReachedThenTheCaseClosesAsNotReached() {
        assertThat(lifecycle.callback(CaseState.FEEDBACK_DELIVERED, false, 1, Satisfaction.NOT_REACHED, null))
                .isEqualTo(new CallbackDecision(CaseState.CLOSED, CaseOutcome.NOT_REACHED, 1));
    }

    @Test
    void whenTheCallerIsUnsatisfiedWithinTheLimitThenTheCaseIsReopened() {
        // given a limit of two
        // when
        CallbackDecision first = lifecycle.callback(CaseState.FEEDBACK_DELIVERED, false, 0, Satisfaction.UNSATISFIED,
                "Still broken");
        CallbackDecision second = lifecycle.callback(CaseState.RESOLVED, false, 1, Satisfaction.UNSATISFIED,
                "Still broken");

        // then
        assertThat(first).isEqualTo(new CallbackDecision(CaseState.REOPENED, null, 1));
        assertThat(first.reopens()).isTrue();
        assertThat(second).isEqualTo(new CallbackDecision(CaseState.REOPENED, null, 2));
    }

    @Test
    void whenTheCallerIsUnsatisfiedBeyondTheLimitThenTheCaseClosesAsExplained() {
        assertThat(lifecycle.callback(CaseState.FEEDBACK_DELIVERED, false, 2, Satisfaction.UNSATISFIED,
                "Still broken")).isEqualTo(new CallbackDecision(CaseState.CLOSED, CaseOutcome.EXPLAINED, 2));
    }

    @Test
    void whenTheLimitIsZeroThenAnUnsatisfiedCallerGetsAnExplanationAtOnce() {
        assertThat(new CaseLifecycle(0).callback(CaseState.RESOLVED, false, 0, Satisfaction.UNSATISFIED, "No"))
                .isEqualTo(new CallbackDecision(CaseState.CLOSED, CaseOutcome.EXPLAINED, 0));
    }

    @Test
    void whenAnUnsatisfiedCallbackRecordsNoReasonThenItIsRefusedAsMissingInput() {
        assertThatThrownBy(() -> lifecycle.callback(CaseState.RESOLVED, false, 0, Satisfaction.UNSATISFIED, " "))
                .isInstanceOfSatisfying(CaseRuleViolation.class,
                        v -> assertThat(v.reason()).isEqualTo(Reason.MISSING_INPUT));
    }

    @Test
    void whenTheCallerIsAnonymousThenNoCallbackIsPossible() {
        assertThatThrownBy(() -> lifecycle.callback(CaseState.RESOLVED, true, 0, Satisfaction.SATISFIED, null))
                .isInstanceOfSatisfying(CaseRuleViolation.class,
                        v -> assertThat(v.reason()).isEqualTo(Reason.ANONYMOUS_CALLER))
                .hasMessageContaining("anonymously");
    }

    @Test
    void whenTheCallerIsNotKnownYetThenTheCallbackWaits() {
        assertThatThrownBy(() -> lifecycle.callback(CaseState.RESOLVED, null, 0, Satisfaction.SATISFIED, null))
                .isInstanceOfSatisfying(CaseRuleViolation.class,
                        v -> assertThat(v.reason()).isEqualTo(Reason.CALLER_UNKNOWN));
    }

    @ParameterizedTest
    @EnumSource(value = CaseState.class, names = { "OPEN", "ASSIGNED", "REOPENED", "CLOSED" })
    void whenACallbackComesBeforeTheResultOrAfterTheClosingThenItIsRefused(CaseState state) {
        assertThatThrownBy(() -> lifecycle.callback(state, false, 0, Satisfaction.SATISFIED, null))
                .isInstanceOfSatisfying(CaseRuleViolation.class,
                        v -> assertThat(v.reason()).isEqualTo(Reason.WRONG_STATE));
    }

    @Test
    void whenTheLimitIsNegativeThenTheLifecycleIsRefused() {
        assertThatThrownBy(() -> new CaseLifecycle(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
