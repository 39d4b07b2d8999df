package org.hotline.feedback.delivery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.hotline.events.FeedbackChannel;
import org.hotline.feedback.privacy.ContactKeys.Contact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientResponseException;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;

/**
 * Tries to reach a caller through the automatic channels in order, each gateway call behind its Resilience4j retry,
 * circuit breaker and bulkhead (instances named after the gateway: {@code sms}, {@code mail}). A channel that fails
 * for good (retries used up, circuit open, bulkhead full, no address) hands over to the next. Every attempt is
 * stored in {@code feedback_attempts} and logged, without caller data.
 */
@Component
public class FeedbackSender {

    private static final Logger log = LoggerFactory.getLogger(FeedbackSender.class);

    /** How many attempt ids one look-up for the previous attempts of a round asks for. */
    private static final int LOOKUP = 8;

    /**
     * What came of trying every channel.
     *
     * @param channel the channel that reached the caller; null if none did
     * @param deliveredBy the gateway that delivered it; null if none did
     * @param attempts how many gateway calls were made, over all channels
     */
    public record Delivery(FeedbackChannel channel, String deliveredBy, int attempts) {

        public boolean delivered() {
            return channel != null;
        }
    }

    private final Map<FeedbackChannel, ChannelGateway> gateways = new EnumMap<>(FeedbackChannel.class);
    private final RetryRegistry retries;
    private final CircuitBreakerRegistry circuitBreakers;
    private final BulkheadRegistry bulkheads;
    private final DeliveryAttemptRepository attempts;
    private final Clock clock;

    FeedbackSender(List<ChannelGateway> gateways, RetryRegistry retries, CircuitBreakerRegistry circuitBreakers,
            BulkheadRegistry bulkheads, DeliveryAttemptRepository attempts, Clock clock) {
        gateways.forEach(gateway -> this.gateways.put(gateway.channel(), gateway));
        this.retries = retries;
        this.circuitBreakers = circuitBreakers;
        this.bulkheads = bulkheads;
        this.attempts = attempts;
        this.clock = clock;
    }

    /** The channels this sender can use by itself, without an operator. */
    public boolean automatic(FeedbackChannel channel) {
        return gateways.containsKey(channel);
    }

    /**
     * Tries the channels in order until one reaches the caller.
     *
     * @param round the handling round the feedback is about; with the case id it makes the gateway reference
     */
    public Delivery deliver(String caseId, int round, List<FeedbackChannel> channels, Contact contact,
            FeedbackMessage message) {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger numbering = new AtomicInteger(lastAttempt(caseId, round));
        String reference = caseId + "-" + round;
        for (FeedbackChannel channel : channels) {
            ChannelGateway gateway = gateways.get(channel);
            if (gateway == null) {
                continue;
            }
            String unusable = gateway.unusableFor(contact);
            if (unusable != null) {
                record(caseId, round, numbering.incrementAndGet(), gateway, DeliveryAttempt.Outcome.SKIPPED,
                        unusable);
                continue;
            }
            if (tryGateway(caseId, round, gateway, contact, message, reference, calls, numbering)) {
                return new Delivery(channel, gateway.name(), calls.get());
            }
        }
        return new Delivery(null, null, calls.get());
    }

    /**
     * The number of the last attempt of a round, 0 if none: a later run of the same round (after a crash, or a new
     * result) numbers on from it. Attempts are numbered from 1 without gaps and their ids derive from their numbers,
     * so they are looked up by id, {@value #LOOKUP} at a time, until a look-up finds none.
     */
    private int lastAttempt(String caseId, int round) {
        int last = 0;
        for (int from = 1;; from += LOOKUP) {
            List<String> ids = IntStream.range(from, from + LOOKUP)
                    .mapToObj(attempt -> DeliveryAttempt.id(caseId, round, attempt)).toList();
            List<DeliveryAttempt> found = attempts.findAllById(ids);
            if (found.isEmpty()) {
                return last;
            }
            last = Math.max(last, found.stream().mapToInt(DeliveryAttempt::attempt).max().orElse(0));
        }
    }

    /** Every attempt of a case, oldest first. */
    public List<DeliveryAttempt> attempts(String caseId) {
        return attempts.findByCaseIdOrderByAtAscAttemptAsc(caseId);
    }

    private boolean tryGateway(String caseId, int round, ChannelGateway gateway, Contact contact,
            FeedbackMessage message, String reference, AtomicInteger calls, AtomicInteger numbering) {
        Runnable call = () -> {
            calls.incrementAndGet();
            int attempt = numbering.incrementAndGet();
            try {
                gateway.send(contact, message, reference);
            }
            catch (RuntimeException ex) {
                record(caseId, round, attempt, gateway, DeliveryAttempt.Outcome.FAILED, failure(ex));
                throw ex;
            }
            record(caseId, round, attempt, gateway, DeliveryAttempt.Outcome.DELIVERED, null);
        };
        Retry retry = retries.retry(gateway.name());
        CircuitBreaker circuitBreaker = circuitBreakers.circuitBreaker(gateway.name());
        Bulkhead bulkhead = bulkheads.bulkhead(gateway.name());
        Runnable guarded = Retry.decorateRunnable(retry, CircuitBreaker.decorateRunnable(circuitBreaker,
                Bulkhead.decorateRunnable(bulkhead, call)));
        try {
            guarded.run();
            return true;
        }
        catch (CallNotPermittedException ex) {
            record(caseId, round, numbering.incrementAndGet(), gateway, DeliveryAttempt.Outcome.CIRCUIT_OPEN,
                    "circuit open");
        }
        catch (BulkheadFullException ex) {
            record(caseId, round, numbering.incrementAndGet(), gateway, DeliveryAttempt.Outcome.BULKHEAD_FULL,
                    "bulkhead full");
        }
        catch (RuntimeException ex) {
            log.warn("Feedback for case {}: {} failed for good ({}), trying the next channel", caseId,
                    gateway.name(), failure(ex));
        }
        return false;
    }

    private void record(String caseId, int round, int attempt, ChannelGateway gateway,
            DeliveryAttempt.Outcome outcome, String failure) {
        attempts.save(new DeliveryAttempt(DeliveryAttempt.id(caseId, round, attempt), caseId, round, attempt,
                gateway.channel(), gateway.name(), outcome, failure, clock.instant()));
        if (failure == null) {
            log.info("Feedback for case {} attempt {} by {}: {}", caseId, attempt, gateway.name(), outcome);
        }
        else {
            log.info("Feedback for case {} attempt {} by {}: {} ({})", caseId, attempt, gateway.name(), outcome,
                    failure);
        }
    }

    /** The failure without its message, which may quote the caller's address: an HTTP status or a type. */
    static String failure(Throwable ex) {
        if (ex instanceof RestClientResponseException response) {
            return "HTTP " + response.getStatusCode().value();
        }
        return ex.getClass().getSimpleName();
    }

    /**
     * Channels in the order to try: the preferred one, then the other automatic ones in the configured order. A
     * caller who prefers a channel only an operator can use (phone, letter, in person) gets none: the case goes to
     * the operators' worklist.
     */
    public List<FeedbackChannel> plan(FeedbackChannel preferred, List<FeedbackChannel> fallbackOrder) {
        List<FeedbackChannel> plan = new ArrayList<>();
        if (preferred != null && !automatic(preferred)) {
            return plan;
        }
        if (preferred != null) {
            plan.add(preferred);
        }
        fallbackOrder.stream().filter(this::automatic).filter(c -> !plan.contains(c)).forEach(plan::add);
        return plan;
    }
}
