package org.hotline.feedback.casefeedback;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.hotline.events.FeedbackChannel;
import org.hotline.events.HotlineEvent;
import org.hotline.events.Satisfaction;
import org.hotline.events.feedback.CaseResolved;
import org.hotline.events.intake.CaseOpened;
import org.hotline.events.routing.CaseAssigned;
import org.hotline.feedback.lifecycle.CaseLifecycle;
import org.hotline.feedback.lifecycle.CaseState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.hotline.support.outbox.RetryOnConflict;
import org.springframework.stereotype.Service;

/**
 * Keeps each case's feedback record up to date from the events of intake and routing, and carries out what
 * departments and operators do: report results, feed them back, call the caller back.
 */
@Service
class FeedbackService {

    private static final Logger log = LoggerFactory.getLogger(FeedbackService.class);

    private final FeedbackCaseRepository cases;
    private final CaseLifecycle lifecycle;
    private final Clock clock;

    FeedbackService(FeedbackCaseRepository cases, FeedbackProperties properties, Clock clock) {
        this.cases = cases;
        this.lifecycle = new CaseLifecycle(properties.reopenLimit());
        this.clock = clock;
    }

    @RetryOnConflict
    void opened(CaseOpened opened) {
        apply(opened, feedbackCase -> feedbackCase.opened(opened, lifecycle));
    }

    @RetryOnConflict
    void assigned(CaseAssigned assigned) {
        apply(assigned, feedbackCase -> feedbackCase.assigned(assigned, lifecycle));
    }

    /** Resolutions by other services, e.g. on-the-spot answers; the desk's own results are already recorded. */
    @RetryOnConflict
    void resolved(CaseResolved resolved) {
        if (FeedbackCase.SOURCE.equals(resolved.envelope().source())) {
            return;
        }
        apply(resolved, feedbackCase -> feedbackCase.resolvedElsewhere(resolved, lifecycle));
    }

    @RetryOnConflict
    FeedbackCase reportResult(String caseId, String departmentCode, String summary, String measures,
            String requestKey) {
        FeedbackCase resolved = command(caseId, requestKey, (feedbackCase, causation) -> feedbackCase.reportResult(
                lifecycle, departmentCode, summary, measures, clock.instant(), causation));
        log.info("Case {} resolved by {}", caseId, departmentCode);
        return resolved;
    }

    @RetryOnConflict
    FeedbackCase deliverFeedback(String caseId, FeedbackChannel channel, String operatorId, String requestKey) {
        FeedbackCase delivered = command(caseId, requestKey, (feedbackCase, causation) -> feedbackCase
                .deliverFeedback(lifecycle, channel, operatorId, clock.instant(), causation));
        log.info("Case {} fed back to the caller", caseId);
        return delivered;
    }

    @RetryOnConflict
    FeedbackCase callback(String caseId, Satisfaction satisfaction, String comment, String operatorId,
            String requestKey) {
        FeedbackCase called = command(caseId, requestKey, (feedbackCase, causation) -> feedbackCase.callback(
                lifecycle, satisfaction, comment, operatorId, clock.instant(), causation));
        log.info("Case {} called back, now {}", caseId, called.getState());
        return called;
    }

    Optional<FeedbackCase> find(String caseId) {
        return cases.findById(caseId);
    }

    /** Resolved cases whose callers can be called back and have not been yet, longest waiting first. */
    List<FeedbackCase> callbacksDue() {
        return cases.findByStateInAndCallerAnonymousOrderByResolvedAtAsc(
                EnumSet.of(CaseState.RESOLVED, CaseState.FEEDBACK_DELIVERED), false);
    }

    int reopenLimit() {
        return lifecycle.reopenLimit();
    }

    /** Applies an event once, to a fresh copy of its case (created by whichever event of the case comes first). */
    private void apply(HotlineEvent event, Consumer<FeedbackCase> change) {
        FeedbackCase feedbackCase = cases.findById(event.caseId()).orElseGet(() -> FeedbackCase.first(event.caseId()));
        if (feedbackCase.firstDelivery(event.eventId())) {
            change.accept(feedbackCase);
            cases.save(feedbackCase);
        }
    }

    private FeedbackCase command(String caseId, String requestKey, Action action) {
        FeedbackCase feedbackCase = cases.findById(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
        if (requestKey != null && !feedbackCase.firstRequest(requestKey)) {
            return feedbackCase;
        }
        action.apply(feedbackCase, requestKey != null ? requestKey : UUID.randomUUID().toString());
        return cases.save(feedbackCase);
    }

    /** One action of a department or an operator on a case, caused by the request with the given id. */
    @FunctionalInterface
    private interface Action {

        void apply(FeedbackCase feedbackCase, String causationId);
    }
}
