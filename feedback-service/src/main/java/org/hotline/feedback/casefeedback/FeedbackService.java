package org.hotline.feedback.casefeedback;

import java.time.Clock;
import java.time.LocalDate;
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
import org.hotline.feedback.delivery.FeedbackSender.Delivery;
import org.hotline.feedback.lifecycle.CaseLifecycle;
import org.hotline.feedback.lifecycle.CaseState;
import org.hotline.feedback.lifecycle.ResultReport;
import org.hotline.support.outbox.RetryOnConflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Keeps each case's feedback record up to date from the events of intake and routing, and carries out what
 * departments, supervisors and operators do: report results and contributions, review them, feed them back, call the
 * caller back, close.
 */
@Service
class FeedbackService {

    private static final Logger log = LoggerFactory.getLogger(FeedbackService.class);

    private final FeedbackCaseRepository cases;
    private final FeedbackProperties properties;
    private final CaseLifecycle lifecycle;
    private final DeliveryHints hints;
    private final RecentCases recent;
    private final Clock clock;

    FeedbackService(FeedbackCaseRepository cases, FeedbackProperties properties, DeliveryHints hints,
            RecentCases recent, Clock clock) {
        this.cases = cases;
        this.properties = properties;
        this.lifecycle = new CaseLifecycle(properties.reopenLimit(), properties.unreachableAttempts());
        this.hints = hints;
        this.recent = recent;
        this.clock = clock;
    }

    /** The opening usually is a case's first event: the case is inserted without looking for it first. */
    @RetryOnConflict
    void opened(CaseOpened opened) {
        apply(opened, true, feedbackCase -> feedbackCase.opened(opened, lifecycle));
    }

    @RetryOnConflict
    void assigned(CaseAssigned assigned) {
        apply(assigned, false, feedbackCase -> feedbackCase.assigned(assigned, lifecycle));
    }

    /** Resolutions by other services, e.g. on-the-spot answers; the desk's own results are already recorded. */
    @RetryOnConflict
    void resolved(CaseResolved resolved) {
        if (FeedbackCase.SOURCE.equals(resolved.envelope().source())) {
            return;
        }
        apply(resolved, false, feedbackCase -> feedbackCase.resolvedElsewhere(resolved, lifecycle));
    }

    @RetryOnConflict
    FeedbackCase reportResult(String caseId, String departmentCode, ResultReport report, String requestKey) {
        FeedbackCase reported = command(caseId, requestKey, (feedbackCase, causation) -> feedbackCase.reportResult(
                lifecycle, departmentCode, report, clock.instant(), causation));
        log.info("Case {}: result of {}, now {}", caseId, departmentCode, reported.getState());
        return reported;
    }

    @RetryOnConflict
    FeedbackCase contribute(String caseId, String departmentCode, String summary, String measures,
            List<String> attachments, String requestKey) {
        FeedbackCase contributed = command(caseId, requestKey, (feedbackCase, causation) -> feedbackCase.contribute(
                lifecycle, departmentCode, summary, measures, attachments, clock.instant()));
        log.info("Case {}: contribution of {}", caseId, departmentCode);
        return contributed;
    }

    @RetryOnConflict
    FeedbackCase approve(String caseId, String supervisorId, String requestKey) {
        FeedbackCase approved = command(caseId, requestKey, (feedbackCase, causation) -> feedbackCase.approve(
                lifecycle, supervisorId, clock.instant(), causation));
        log.info("Case {}: consolidated result approved", caseId);
        return approved;
    }

    @RetryOnConflict
    FeedbackCase giveBack(String caseId, String supervisorId, String reason, String requestKey) {
        FeedbackCase returned = command(caseId, requestKey, (feedbackCase, causation) -> feedbackCase.giveBack(
                lifecycle, supervisorId, reason, clock.instant()));
        log.info("Case {}: consolidated result returned to the lead department", caseId);
        return returned;
    }

    @RetryOnConflict
    FeedbackCase deliverFeedback(String caseId, FeedbackChannel channel, String operatorId, String requestKey) {
        FeedbackCase delivered = command(caseId, requestKey, (feedbackCase, causation) -> feedbackCase
                .deliverFeedback(lifecycle, channel, operatorId, clock.instant(), causation));
        log.info("Case {} fed back to the caller by an operator", caseId);
        return delivered;
    }

    @RetryOnConflict
    FeedbackCase callback(String caseId, boolean reached, Satisfaction satisfaction, Integer score, String comment,
            String operatorId, String requestKey) {
        FeedbackCase called = command(caseId, requestKey, (feedbackCase, causation) -> feedbackCase.callback(
                lifecycle, reached, satisfaction, score, comment, operatorId, clock.instant(), properties.zone(),
                causation));
        log.info("Case {} called back ({}), now {}", caseId, reached ? "reached" : "not reached",
                called.getState());
        return called;
    }

    @RetryOnConflict
    FeedbackCase closeExplained(String caseId, String supervisorId, String explanation, String requestKey) {
        FeedbackCase closed = command(caseId, requestKey, (feedbackCase, causation) -> feedbackCase.closeExplained(
                lifecycle, supervisorId, explanation, clock.instant(), causation));
        log.info("Case {} closed by a supervisor as {}", caseId, closed.getOutcome());
        return closed;
    }

    /**
     * Takes a case due for feedback for one delivery run; empty if it is not due or another run has it. A claim that
     * meets a concurrent change (another instance's claim, the outbox relay) reads the case again and decides anew.
     */
    @RetryOnConflict
    Optional<FeedbackCase> claimForDelivery(String caseId) {
        recent.forget(caseId);
        return cases.findById(caseId).filter(c -> c.claimForDelivery(clock.instant(), properties.deliveryLease()))
                .map(cases::save);
    }

    /**
     * Records how a delivery run ended on the copy of the case the run claimed, without reading the case again. If
     * the case changed since the claim (an event, a request, the outbox relay), the save fails on the version and
     * the caller records it with {@link #deliveredAutomatically(String, Delivery)} instead.
     */
    void deliveredAutomatically(FeedbackCase claimed, Delivery delivery) {
        recent.forget(claimed.getId());
        delivered(claimed, delivery);
    }

    /** Records how a delivery run ended on a fresh copy of the case. */
    @RetryOnConflict
    void deliveredAutomatically(String caseId, Delivery delivery) {
        recent.forget(caseId);
        cases.findById(caseId).ifPresent(feedbackCase -> delivered(feedbackCase, delivery));
    }

    private void delivered(FeedbackCase feedbackCase, Delivery delivery) {
        feedbackCase.deliveredAutomatically(delivery, clock.instant(), UUID.randomUUID().toString());
        cases.save(feedbackCase);
        log.info("Case {}: feedback {}", feedbackCase.getId(), delivery.delivered() ? "delivered by "
                + delivery.channel() : "on the operators' worklist, every automatic channel failed");
    }

    @RetryOnConflict
    void toWorklist(String caseId, String note) {
        recent.forget(caseId);
        cases.findById(caseId).ifPresent(feedbackCase -> {
            feedbackCase.toWorklist(note);
            cases.save(feedbackCase);
            log.info("Case {}: feedback on the operators' worklist ({})", caseId, note);
        });
    }

    Optional<FeedbackCase> find(String caseId) {
        return cases.findById(caseId);
    }

    /**
     * Ids of the cases whose feedback is due through the gateways, longest waiting first: reads every feedback case
     * on a store without indexes, so the dispatcher runs it only every {@code scan-interval}.
     */
    List<String> dueForDelivery() {
        return cases.findByStateAndFeedbackStatusOrderByResolvedAtAsc(CaseState.RESOLVED, FeedbackStatus.PENDING)
                .stream().map(FeedbackCase::getId).toList();
    }

    /** Resolved cases whose result an operator must feed back, longest waiting first. */
    List<FeedbackCase> feedbackWorklist() {
        return cases.findByStateAndFeedbackStatusOrderByResolvedAtAsc(CaseState.RESOLVED,
                FeedbackStatus.ON_WORKLIST);
    }

    /**
     * Resolved cases whose callers can be called back, longest waiting first; a caller tried in vain today is due
     * again tomorrow.
     */
    List<FeedbackCase> callbacksDue() {
        LocalDate today = clock.instant().atZone(properties.zone()).toLocalDate();
        return cases.findByStateInAndCallerAnonymousOrderByResolvedAtAsc(
                EnumSet.of(CaseState.RESOLVED, CaseState.FEEDBACK_DELIVERED), false).stream()
                .filter(c -> !c.triedInVainOn(today, properties.zone())).toList();
    }

    int reopenLimit() {
        return lifecycle.reopenLimit();
    }

    /**
     * Applies an event once to its case: to the copy this instance saved last if it kept one, else to a copy read
     * from the store, else to a new case (created by whichever event of the case comes first). A repeated event
     * writes nothing. A stale copy fails to save on its version, and the retry reads the case from the store.
     *
     * @param usuallyFirst whether the event usually is its case's first: then an unknown case is inserted at once,
     *        without reading it first, and read only if the store has it already
     */
    private void apply(HotlineEvent event, boolean usuallyFirst, Consumer<FeedbackCase> change) {
        Optional<FeedbackCase> known = recent.take(event.caseId());
        if (known.isEmpty() && usuallyFirst && insertedNew(event, change)) {
            return;
        }
        FeedbackCase feedbackCase = known.or(() -> cases.findById(event.caseId()))
                .orElseGet(() -> FeedbackCase.first(event.caseId()));
        if (feedbackCase.firstDelivery(event.eventId())) {
            change.accept(feedbackCase);
            saved(feedbackCase);
        }
        recent.remember(feedbackCase);
    }

    /** Inserts the event's case as new; false if the store has the case already. */
    private boolean insertedNew(HotlineEvent event, Consumer<FeedbackCase> change) {
        FeedbackCase created = FeedbackCase.first(event.caseId());
        created.firstDelivery(event.eventId());
        change.accept(created);
        try {
            recent.remember(saved(created));
            return true;
        }
        catch (DuplicateKeyException exists) {
            return false;
        }
    }

    private FeedbackCase command(String caseId, String requestKey, Action action) {
        recent.forget(caseId);
        FeedbackCase feedbackCase = cases.findById(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
        if (requestKey != null && !feedbackCase.firstRequest(requestKey)) {
            return feedbackCase;
        }
        action.apply(feedbackCase, requestKey != null ? requestKey : UUID.randomUUID().toString());
        return saved(feedbackCase);
    }

    /** Saves a changed case; if its feedback is now due, the dispatcher of this instance takes it up at its next run. */
    private FeedbackCase saved(FeedbackCase feedbackCase) {
        FeedbackCase saved = cases.save(feedbackCase);
        if (saved.dueForDelivery()) {
            hints.hint(saved.getId());
        }
        return saved;
    }

    /** One action of a department or an operator on a case, caused by the request with the given id. */
    @FunctionalInterface
    private interface Action {

        void apply(FeedbackCase feedbackCase, String causationId);
    }
}
