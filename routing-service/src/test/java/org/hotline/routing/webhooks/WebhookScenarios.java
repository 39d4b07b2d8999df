package org.hotline.routing.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotline.events.CaseKind;
import org.hotline.events.Channel;
import org.hotline.events.EventEnvelope;
import org.hotline.events.FeedbackChannel;
import org.hotline.events.Urgency;
import org.hotline.events.intake.CallerProfile;
import org.hotline.events.intake.CaseOpened;
import org.hotline.testsupport.KafkaProbe;
import org.hotline.testsupport.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

/** Webhook pushes against a plain JDK HTTP server: one endpoint answers, one always fails; see {@link WebhookIT}. */
abstract class WebhookScenarios {

    record Received(byte[] body, Headers headers) {
    }

    @LocalServerPort
    int port;

    @Value("${spring.cloud.stream.kafka.binder.brokers}")
    String brokers;

    @Autowired
    WebhookDeliveryRepository deliveries;

    RestClient http;
    HttpServer endpoints;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failedCalls = new AtomicInteger();

    @BeforeEach
    void setUp() throws IOException {
        http = TestHttp.client(port);
        endpoints = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoints.createContext("/ok", exchange -> {
            received.add(new Received(exchange.getRequestBody().readAllBytes(), exchange.getRequestHeaders()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        endpoints.createContext("/broken", exchange -> {
            exchange.getRequestBody().readAllBytes();
            failedCalls.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        endpoints.start();
    }

    @AfterEach
    void tearDown() {
        endpoints.stop(0);
    }

    void register(String code, String path, String secret) {
        http.put().uri("/api/departments/{code}", code).contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\":\"" + code + "\",\"subscription\":{\"channel\":\"WEBHOOK\",\"url\":\"http://127.0.0.1:"
                        + endpoints.getAddress().getPort() + path + "\",\"secret\":\"" + secret + "\"}}")
                .retrieve().toBodilessEntity();
    }

    @Test
    void whenACaseIsAssignedThenEachWebhookDepartmentGetsItSignedAndAFailingOneDelaysNoOther() {
        String okCode = "HOOK_OK_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String brokenCode = "HOOK_BROKEN_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        register(okCode, "/ok", "secret-of-the-ok-department");
        register(brokenCode, "/broken", "secret-of-the-broken-one");
        String caseId = UUID.randomUUID().toString();
        KafkaProbe.publish(brokers, new CaseOpened(EventEnvelope.first(caseId, Instant.now(), "intake-service"),
                "HL-20261123-000003", Channel.PHONE, CaseKind.COMPLAINT, "UNMAPPED", null, Urgency.NORMAL,
                "Pothole", null, new CallerProfile("cr-3", false, FeedbackChannel.SMS), false, "op-1", null, null,
                null, null, Instant.now(), List.of()));
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get().uri("/api/dispatch/queue").retrieve()
                .body(String.class).contains(caseId));

        http.post().uri("/api/dispatch/{id}/assign", caseId).contentType(MediaType.APPLICATION_JSON)
                .body("{\"departmentCode\":\"" + okCode + "\",\"assistingDepartments\":[\"" + brokenCode
                        + "\"],\"operatorId\":\"op-5\"}")
                .retrieve().toBodilessEntity();

        await().atMost(Duration.ofSeconds(30)).until(() -> received.stream()
                .anyMatch(r -> new String(r.body(), StandardCharsets.UTF_8).contains(caseId)));
        Received push = received.stream().filter(r -> new String(r.body(), StandardCharsets.UTF_8).contains(caseId))
                .findFirst().orElseThrow();
        assertThat(push.headers().getFirst("X-hotline-signature"))
                .isEqualTo(WebhookSignature.of("secret-of-the-ok-department", push.body()));
        assertThat(push.headers().getFirst("Ce-type")).isEqualTo("org.hotline.case.assigned.v1");
        assertThat(push.headers().getFirst("X-hotline-departments")).isEqualTo(okCode + "," + brokenCode);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(http.get()
                .uri("/api/departments/{code}/webhook-deliveries?status=FAILED", brokenCode).retrieve()
                .body(String.class)).contains(caseId).contains("\"attempts\":4").contains("\"lastStatusCode\":500"));
        assertThat(failedCalls).hasValue(4);
        WebhookDelivery delivered = deliveries.findAll().stream()
                .filter(d -> d.departmentCode().equals(okCode) && d.caseId().equals(caseId)).findFirst().orElseThrow();
        WebhookDelivery failed = deliveries.findAll().stream()
                .filter(d -> d.departmentCode().equals(brokenCode) && d.caseId().equals(caseId)).findFirst()
                .orElseThrow();
        assertThat(delivered.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(1);
        assertThat(delivered.finishedAt()).as("not held up by the failing department's retries")
                .isBefore(failed.finishedAt());
    }

    @Test
    void whenTheSignatureIsComputedThenItIsTheHexHmacOfTheBody() {
        assertThat(WebhookSignature.of("key", "The quick brown fox jumps over the lazy dog"
                .getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }
}
