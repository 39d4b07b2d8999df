package org.hotline.routing.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;

import org.hotline.events.CloudEventHeaders;
import org.hotline.events.routing.CaseAssigned;
import org.hotline.routing.config.RoutingProperties;
import org.hotline.routing.departments.Department;
import org.hotline.routing.departments.Departments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;

/**
 * Pushes {@code case.assigned} to the departments that subscribe by webhook. Each delivery is logged in MongoDB
 * first, then sent on its own worker: signed, retried with exponential back-off, behind a circuit breaker per
 * department ({@code webhook-<code>}), so a department whose endpoint fails only ever delays its own deliveries.
 * Deliveries a restart interrupted are picked up again by a sweep; receivers deduplicate by {@code ce-id}.
 */
@Service
public class Webhooks {

    private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

    /** An answer other than 2xx. */
    static final class WebhookRefusedException extends IOException {

        final int status;

        WebhookRefusedException(int status) {
            super("HTTP " + status);
            this.status = status;
        }
    }

    private final WebhookDeliveryRepository deliveries;
    private final Departments departments;
    private final CircuitBreakerRegistry circuitBreakers;
    private final RetryRegistry retries;
    private final Executor executor;
    private final RoutingProperties.Webhooks settings;
    private final HttpClient http;
    private final Clock clock;

    Webhooks(WebhookDeliveryRepository deliveries, Departments departments, CircuitBreakerRegistry circuitBreakers,
            RetryRegistry retries, @Qualifier("webhookExecutor") Executor executor, RoutingProperties properties,
            Clock clock) {
        this.deliveries = deliveries;
        this.departments = departments;
        this.circuitBreakers = circuitBreakers;
        this.retries = retries;
        this.executor = executor;
        this.settings = properties.webhooks();
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        this.clock = clock;
    }

    /** Logs a delivery for each webhook department of the assignment and sends them. */
    public void push(CaseAssigned assigned, byte[] payload) {
        Map<String, String> headers = new LinkedHashMap<>();
        CloudEventHeaders.of(assigned).forEach((name, value) -> headers.put(name, new String(value,
                StandardCharsets.UTF_8)));
        for (String code : assigned.departments()) {
            boolean webhook = departments.find(code).map(Department::subscription)
                    .filter(s -> s.channel() == Department.Channel.WEBHOOK).isPresent();
            if (!webhook) {
                continue;
            }
            WebhookDelivery delivery = new WebhookDelivery(assigned.eventId() + ":" + code, code, assigned.caseId(),
                    assigned.eventId().toString(), assigned.type().cloudEventType(),
                    new String(payload, StandardCharsets.UTF_8), headers, WebhookDelivery.Status.PENDING, 0, null,
                    null, now(), null);
            try {
                deliveries.insert(delivery);
            }
            catch (DuplicateKeyException ex) {
                continue;
            }
            executor.execute(() -> deliver(delivery));
        }
    }

    Page<WebhookDelivery> log(String departmentCode, WebhookDelivery.Status status, Pageable page) {
        return status == null ? deliveries.findByDepartmentCodeOrderByCreatedAtDesc(departmentCode, page)
                : deliveries.findByDepartmentCodeAndStatusOrderByCreatedAtDesc(departmentCode, status, page);
    }

    /** Sends again what a stop interrupted. */
    @Scheduled(fixedDelayString = "${hotline.routing.webhooks.sweep-interval:60s}",
            initialDelayString = "${hotline.routing.webhooks.sweep-interval:60s}")
    void sweep() {
        try {
            deliveries.findTop100ByStatusAndCreatedAtBefore(WebhookDelivery.Status.PENDING,
                    now().minus(Duration.ofMinutes(5))).forEach(d -> executor.execute(() -> deliver(d)));
        }
        catch (RuntimeException ex) {
            log.warn("Webhook sweep postponed: {}", ex.getMessage());
        }
    }

    void deliver(WebhookDelivery delivery) {
        Department.Subscription subscription = departments.find(delivery.departmentCode())
                .map(Department::subscription).filter(s -> s.channel() == Department.Channel.WEBHOOK).orElse(null);
        if (subscription == null) {
            finish(delivery, WebhookDelivery.Status.FAILED, 0, null, "The department no longer subscribes by webhook");
            return;
        }
        String name = "webhook-" + delivery.departmentCode();
        CircuitBreaker breaker = circuitBreakers.circuitBreaker(name, CircuitBreakerConfig.custom()
                .slidingWindowSize(10).minimumNumberOfCalls(4).failureRateThreshold(50)
                .waitDurationInOpenState(settings.openCircuitFor()).permittedNumberOfCallsInHalfOpenState(1)
                .build());
        Retry retry = retries.retry(name, RetryConfig.custom().maxAttempts(settings.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.initialBackoff(), 2.0))
                .retryExceptions(IOException.class).ignoreExceptions(CallNotPermittedException.class).build());
        int[] attempts = { 0 };
        CheckedSupplier<Integer> call = CircuitBreaker.decorateCheckedSupplier(breaker, () -> {
            attempts[0]++;
            return send(subscription, delivery);
        });
        try {
            int status = Retry.decorateCheckedSupplier(retry, call).get();
            finish(delivery, WebhookDelivery.Status.DELIVERED, attempts[0], status, null);
        }
        catch (Throwable ex) {
            Integer status = ex instanceof WebhookRefusedException refused ? refused.status : null;
            finish(delivery, WebhookDelivery.Status.FAILED, attempts[0], status,
                    ex instanceof CallNotPermittedException ? "Circuit open: the endpoint failed too often lately"
                            : ex.getClass().getSimpleName() + ": " + ex.getMessage());
            log.warn("Webhook delivery {} to {} failed after {} attempts", delivery.id(), delivery.departmentCode(),
                    attempts[0]);
        }
    }

    private int send(Department.Subscription subscription, WebhookDelivery delivery)
            throws IOException, InterruptedException {
        byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(subscription.url()))
                .timeout(settings.timeout()).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json")
                .header(WebhookSignature.HEADER, WebhookSignature.of(subscription.secret(), body))
                .header("X-Hotline-Delivery", delivery.id());
        // CloudEvents HTTP binding, binary mode: ce-* headers
        delivery.headers().forEach((name, value) -> {
            if (name.startsWith("ce_")) {
                request.header("ce-" + name.substring(3), value);
            }
        });
        String departmentsHeader = delivery.headers().get(CloudEventHeaders.DEPARTMENTS);
        if (departmentsHeader != null) {
            request.header("X-Hotline-Departments", departmentsHeader);
        }
        HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new WebhookRefusedException(response.statusCode());
        }
        return response.statusCode();
    }

    private void finish(WebhookDelivery d, WebhookDelivery.Status status, int attempts, Integer code, String error) {
        deliveries.save(new WebhookDelivery(d.id(), d.departmentCode(), d.caseId(), d.eventId(), d.eventType(),
                d.payload(), d.headers(), status, d.attempts() + attempts, code, error, d.createdAt(), now()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
