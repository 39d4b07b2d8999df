package org.hotline.feedback.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.hotline.events.FeedbackChannel;
import org.hotline.events.Satisfaction;
import org.hotline.events.feedback.CaseOutcome;
import org.hotline.events.feedback.ResolutionOutcome;
import org.hotline.feedback.lifecycle.CaseRuleViolation.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CaseLifecycleTests {

    private final CaseLifecycle lifecycle = new CaseLifecycle(2, 3);

    @Test
    void whenAssignedBeforeOrAfterTheOpeningThenTheCaseEndsAssigned() {
        assertThat(lifecycle.assigned(lifecycle.opened(null))).isEqualTo(CaseState.ASSIGNED);
        assertThat(lifecycle.opened(lifecycle.assigned(null))).isEqualTo(CaseState.ASSIGNED);
    }

    @ParameterizedTest
    @EnumSource(value = CaseState.class, names = { "RESOLVED", "FEEDBACK_DELIVERED", "WITH_SUPERVISOR", "CLOSED" })
    void whenAnAssignmentArrivesAfterTheResolutionThenTheStateStays(CaseState resolved) {
        assertThat(lifecycle.assigned(resolved)).isEqualTo(resolved);
    }

    @Test
    void whenAReopenedOrInReviewCaseIsAssignedAgainThenItIsAssigned() {
        assertThat(lifecycle.assigned(CaseState.REOPENED)).isEqualTo(CaseState.ASSIGNED);
        assertThat(lifecycle.assigned(CaseState.IN_REVIEW)).isEqualTo(CaseState.ASSIGNED);
    }

    @Test
    void whenAnsweredOnTheSpotBeforeOrAfterTheOpeningThenTheCaseEndsResolved() {
        assertThat(lifecycle.opened(lifecycle.resolvedElsewhere(null))).isEqualTo(CaseState.RESOLVED);
        assertThat(lifecycle.resolvedElsewhere(lifecycle.opened(null))).isEqualTo(CaseState.RESOLVED);
        assertThat(lifecycle.assigned(lifecycle.resolvedElsewhere(CaseState.OPEN))).isEqualTo(CaseState.RESOLVED);
    }

    @Test
    void whenTheLeadReportsThenASimpleCaseIsResolvedAndAComplexOneGoesToReview() {
        assertThat(lifecycle.reportResult(CaseState.ASSIGNED, "HOUSING", "HOUSING", false, List.of()))
                .isEqualTo(CaseState.RESOLVED);
        assertThat(lifecycle.reportResult(CaseState.REOPENED, "HOUSING", "HOUSING", true, List.of()))
                .isEqualTo(CaseState.IN_REVIEW);
    }

    @Test
    void whenAnotherDepartmentOrAMissingContributionThenTheResultIsRefused() {
        assertThatThrownBy(() -> lifecycle.reportResult(CaseState.ASSIGNED, "HOUSING", "POLICE", false, List.of()))
                .extracting(e -> ((CaseRuleViolation) e).reason()).isEqualTo(Reason.WRONG_DEPARTMENT);
        assertThatThrownBy(() -> lifecycle.reportResult(CaseState.ASSIGNED, "HOUSING", "HOUSING", true,
                List.of("POLICE"))).hasMessageContaining("POLICE")
                .extracting(e -> ((CaseRuleViolation) e).reason()).isEqualTo(Reason.WRONG_STATE);
        assertThatThrownBy(() -> lifecycle.reportResult(CaseState.IN_REVIEW, "HOUSING", "HOUSING", true,
                List.of())).hasMessageContaining("supervisor");
    }

    @Test
    void whenOnlyAssistingDepartmentsContributeThenOthersAreRefused() {
        lifecycle.contribute(CaseState.ASSIGNED, List.of("POLICE"), "POLICE");
        assertThatThrownBy(() -> lifecycle.contribute(CaseState.ASSIGNED, List.of("POLICE"), "HOUSING"))
                .extracting(e -> ((CaseRuleViolation) e).reason()).isEqualTo(Reason.WRONG_DEPARTMENT);
    }

    @Test
    void whenASupervisorReviewsThenApprovalResolvesAndReturnGoesBackToTheLead() {
        assertThat(lifecycle.approve(CaseState.IN_REVIEW)).isEqualTo(CaseState.RESOLVED);
        assertThat(lifecycle.giveBack(CaseState.IN_REVIEW)).isEqualTo(CaseState.ASSIGNED);
        assertThatThrownBy(() -> lifecycle.approve(CaseState.ASSIGNED)).hasMessageContaining("review");
    }

    @Test
    void whenTheOutcomeNeedsAReasonOrAnAlternativeThenItIsRequiredAndNamed() {
        assertThatThrownBy(() -> new ResultReport(ResolutionOutcome.CANNOT_RESOLVE, "No", null, null, "Bus pass",
                null).validated()).extracting(e -> ((CaseRuleViolation) e).field()).isEqualTo("reason");
        assertThatThrownBy(() -> new ResultReport(ResolutionOutcome.CANNOT_RESOLVE, "No", null, "Private land",
                " ", null).validated()).extracting(e -> ((CaseRuleViolation) e).field())
                .isEqualTo("alternativeOffered");
        assertThatThrownBy(() -> new ResultReport(ResolutionOutcome.SUGGESTION_NOT_ADOPTED, "No", null, null, null,
                null).validated()).extracting(e -> ((CaseRuleViolation) e).field()).isEqualTo("reason");
        assertThatThrownBy(() -> new ResultReport(ResolutionOutcome.RESOLVED, "Done", null, null, null,
                List.of("https://files.example.org/a.jpg", "file:///etc/passwd")).validated())
                .extracting(e -> ((CaseRuleViolation) e).field()).isEqualTo("attachments[1]");
        assertThat(new ResultReport(ResolutionOutcome.SUGGESTION_NOT_ADOPTED, "No", null, "Budget", null,
                List.of("http://files.example.org/reply.pdf")).validated().attachments()).hasSize(1);
    }

    @Test
    void whenTheCallerIsSatisfiedOrBasicallySatisfiedThenTheCaseCloses() {
        for (Satisfaction satisfied : List.of(Satisfaction.SATISFIED, Satisfaction.BASICALLY_SATISFIED)) {
            CallbackDecision decision = lifecycle.callback(CaseState.FEEDBACK_DELIVERED, false, 0, true, satisfied,
                    4, null, 0);
            assertThat(decision.next()).isEqualTo(CaseState.CLOSED);
            assertThat(decision.outcome()).isEqualTo(CaseOutcome.SATISFIED);
        }
    }

    @Test
    void whenDissatisfiedWithinTheLimitThenReopenedAndPastItToASupervisor() {
        CallbackDecision first = lifecycle.callback(CaseState.RESOLVED, false, 0, true, Satisfaction.DISSATISFIED,
                1, "Still leaking", 0);
        CallbackDecision second = lifecycle.callback(CaseState.RESOLVED, false, 1, true, Satisfaction.DISSATISFIED,
                1, "Still leaking", 0);
        CallbackDecision third = lifecycle.callback(CaseState.RESOLVED, false, 2, true, Satisfaction.DISSATISFIED,
                1, "Still leaking", 0);

        assertThat(first).isEqualTo(new CallbackDecision(CaseState.REOPENED, null, 1));
        assertThat(second).isEqualTo(new CallbackDecision(CaseState.REOPENED, null, 2));
        assertThat(third).isEqualTo(new CallbackDecision(CaseState.WITH_SUPERVISOR, null, 3));
        assertThat(third.toSupervisor()).isTrue();
        assertThat(lifecycle.closeExplained(CaseState.WITH_SUPERVISOR)).isEqualTo(CaseOutcome.EXPLAINED);
        assertThatThrownBy(() -> lifecycle.closeExplained(CaseState.RESOLVED)).hasMessageContaining("supervisor");
    }

    @Test
    void whenNotReachedOnFewerDaysThanTheLimitThenTheCaseWaitsAndOnTheLastDayItClosesUnreachable() {
        assertThat(lifecycle.callback(CaseState.RESOLVED, false, 0, false, null, null, null, 2).next())
                .isEqualTo(CaseState.RESOLVED);
        CallbackDecision last = lifecycle.callback(CaseState.RESOLVED, false, 0, false, null, null, null, 3);
        assertThat(last.next()).isEqualTo(CaseState.CLOSED);
        assertThat(last.outcome()).isEqualTo(CaseOutcome.UNREACHABLE);
    }

    @Test
    void whenACallbackIsIncompleteOrDoesNotFitThenItIsRefused() {
        assertThatThrownBy(() -> lifecycle.callback(CaseState.RESOLVED, false, 0, true, Satisfaction.DISSATISFIED,
                null, " ", 0)).extracting(e -> ((CaseRuleViolation) e).field()).isEqualTo("comment");
        assertThatThrownBy(() -> lifecycle.callback(CaseState.RESOLVED, false, 0, true, null, null, null, 0))
                .extracting(e -> ((CaseRuleViolation) e).field()).isEqualTo("satisfaction");
        assertThatThrownBy(() -> lifecycle.callback(CaseState.RESOLVED, false, 0, false, Satisfaction.SATISFIED,
                null, null, 1)).extracting(e -> ((CaseRuleViolation) e).field()).isEqualTo("satisfaction");
        assertThatThrownBy(() -> lifecycle.callback(CaseState.RESOLVED, false, 0, true, Satisfaction.SATISFIED, 6,
                null, 0)).extracting(e -> ((CaseRuleViolation) e).field()).isEqualTo("score");
        assertThatThrownBy(() -> lifecycle.callback(CaseState.RESOLVED, true, 0, true, Satisfaction.SATISFIED, null,
                null, 0)).extracting(e -> ((CaseRuleViolation) e).reason()).isEqualTo(Reason.ANONYMOUS_CALLER);
        assertThatThrownBy(() -> lifecycle.callback(CaseState.ASSIGNED, false, 0, true, Satisfaction.SATISFIED, null,
                null, 0)).extracting(e -> ((CaseRuleViolation) e).reason()).isEqualTo(Reason.WRONG_STATE);
        assertThatThrownBy(() -> lifecycle.callback(CaseState.RESOLVED, null, 0, true, Satisfaction.SATISFIED, null,
                null, 0)).extracting(e -> ((CaseRuleViolation) e).reason()).isEqualTo(Reason.CALLER_UNKNOWN);
    }

    @Test
    void whenFeedbackIsRecordedThenOnlyOnceAndOnlyForAKnownChannel() {
        assertThat(lifecycle.deliverFeedback(CaseState.RESOLVED, false, null, FeedbackChannel.PHONE))
                .isEqualTo(FeedbackChannel.PHONE);
        assertThatThrownBy(() -> lifecycle.deliverFeedback(CaseState.FEEDBACK_DELIVERED, false, null,
                FeedbackChannel.SMS)).hasMessageContaining("already");
        assertThatThrownBy(() -> lifecycle.deliverFeedback(CaseState.RESOLVED, false, null, null))
                .extracting(e -> ((CaseRuleViolation) e).field()).isEqualTo("channel");
        assertThatThrownBy(() -> lifecycle.deliverFeedback(CaseState.RESOLVED, true, FeedbackChannel.SMS, null))
                .extracting(e -> ((CaseRuleViolation) e).reason()).isEqualTo(Reason.ANONYMOUS_CALLER);
    }
}
