package org.hotline.feedback.casefeedback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.hotline.events.FeedbackChannel;
import org.hotline.feedback.delivery.DeliveryProperties;
import org.hotline.feedback.delivery.FeedbackMessage;
import org.hotline.feedback.delivery.FeedbackSender;
import org.hotline.feedback.delivery.FeedbackSender.Delivery;
import org.hotline.feedback.delivery.FeedbackTemplates;
import org.hotline.feedback.privacy.ContactKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Feeds results back to callers by the gateways: picks up the cases due, opens the caller's sealed contact for the
 * moment of sending, renders the message, and lets the sender try the channels. A case the gateways cannot serve
 * (the caller prefers phone, letter or a visit; no contact; every channel failed) goes to the operators' worklist.
 * Each case is claimed for one run, so several instances never send the same feedback at once.
 * <p>
 * A run takes up the cases this instance's own events and requests made due ({@link DeliveryHints}), by id; only
 * every {@code hotline.feedback.scan-interval} (by the injected clock), and at the first run, does it read all
 * feedback cases for those due, to pick up what another instance left (made due, then died) and runs that failed.
 */
@Component
class FeedbackDispatcher {

    private static final Logger log = LoggerFactory.getLogger(FeedbackDispatcher.class);

    private final FeedbackService feedback;
    private final FeedbackSender sender;
    private final ContactKeys contactKeys;
    private final FeedbackTemplates templates;
    private final List<FeedbackChannel> fallbackOrder;
    private final DeliveryHints hints;
    private final Duration scanInterval;
    private final Clock clock;
    private Instant lastScan;

    FeedbackDispatcher(FeedbackService feedback, FeedbackSender sender, ContactKeys contactKeys,
            DeliveryProperties properties, DeliveryHints hints, FeedbackProperties feedbackProperties, Clock clock) {
        this.feedback = feedback;
        this.sender = sender;
        this.contactKeys = contactKeys;
        this.templates = new FeedbackTemplates(properties.language());
        this.fallbackOrder = properties.fallbackOrder();
        this.hints = hints;
        this.scanInterval = feedbackProperties.scanInterval();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${hotline.feedback.delivery-interval:1s}")
    synchronized void deliverDue() {
        for (String caseId : due()) {
            try {
                feedback.claimForDelivery(caseId).ifPresent(this::deliver);
            }
            catch (RuntimeException ex) {
                // tried again at the next run; if this run had claimed the case, the claim holds it until its lease
                // lapses and the next scan after that takes it up
                hints.hint(caseId);
                log.warn("Feedback for case {} not delivered this time ({}); tried again on the next run", caseId,
                        ex.getClass().getSimpleName());
            }
        }
    }

    /** The cases hinted since the last run and, when a scan is due, every case due: each once. */
    private Set<String> due() {
        Set<String> due = new LinkedHashSet<>();
        Instant now = clock.instant();
        if (lastScan == null || !now.isBefore(lastScan.plus(scanInterval))) {
            due.addAll(feedback.dueForDelivery());
            lastScan = now;
        }
        due.addAll(hints.take());
        return due;
    }

    private void deliver(FeedbackCase feedbackCase) {
        String caseId = feedbackCase.getId();
        FeedbackCase.Caller caller = feedbackCase.getCaller();
        List<FeedbackChannel> channels = sender.plan(caller.preferredChannel(), fallbackOrder);
        if (channels.isEmpty()) {
            feedback.toWorklist(caseId, "the caller prefers " + caller.preferredChannel());
            return;
        }
        if (caller.contact() == null) {
            feedback.toWorklist(caseId, "no contact details to send to");
            return;
        }
        ContactKeys.Contact contact;
        try {
            contact = contactKeys.open(caller.contact());
        }
        catch (IllegalStateException ex) {
            feedback.toWorklist(caseId, "the contact details cannot be opened with this service's keys");
            return;
        }
        FeedbackCase.Result result = feedbackCase.lastResult();
        FeedbackMessage message = templates.render(new FeedbackTemplates.Facts(feedbackCase.getTrackingNumber(),
                feedbackCase.getKind(), result.outcome(), result.summary(), result.measures(), result.reason(),
                result.alternativeOffered()));
        Delivery delivery = sender.deliver(caseId, feedbackCase.getReopenCount(), channels, contact, message);
        try {
            feedback.deliveredAutomatically(feedbackCase, delivery);
        }
        catch (OptimisticLockingFailureException changedSinceClaim) {
            feedback.deliveredAutomatically(caseId, delivery);
        }
    }
}
