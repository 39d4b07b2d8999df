package org.hotline.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline.events.CaseKind;
import org.hotline.events.Channel;
import org.hotline.events.EventEnvelope;
import org.hotline.events.FeedbackChannel;
import org.hotline.events.Topics;
import org.hotline.events.Urgency;
import org.hotline.events.feedback.CaseReopened;
import org.hotline.events.intake.CallerProfile;
import org.hotline.events.intake.CaseOpened;
import org.hotline.events.routing.CaseAccepted;
import org.hotline.events.routing.CaseAssigned;
import org.hotline.testsupport.KafkaProbe;
import org.hotline.testsupport.TestHttp;
import org.hotline.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Scenarios run twice: on an embedded Kafka broker with the MongoDB stand-in
 * ({@link RoutingIT}) and on the real images ({@link RoutingRealImagesIT}).
 */
abstract class RoutingScenarios {

    @LocalServerPort
    int port;

    @Value("${spring.cloud.stream.kafka.binder.brokers}")
    String brokers;

    @Autowired
    RoutedCaseRepository cases;

    RestClient http;
    KafkaProbe kafka;

    @BeforeEach
    void setUp() {
        http = TestHttp.client(port);
        kafka = new KafkaProbe(brokers, List.of(Topics.CASE_ASSIGNED, Topics.CASE_ACCEPTED,
                Topics.deadLetter(Topics.CASE_OPENED, "routing-service")));
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    static CaseOpened opened(String category, String subCategory, CaseKind kind, Urgency urgency) {
        String caseId = UUID.randomUUID().toString();
        return new CaseOpened(EventEnvelope.first(caseId, Instant.now(), "intake-service"), "HL-20261123-000001",
                Channel.PHONE, kind, category, subCategory, urgency, "Rubbish not collected", null,
                new CallerProfile("cr-1", false, FeedbackChannel.SMS), false, "op-1", null, null, null, null,
                Instant.now(), List.of());
    }

    @Test
    void whenACaseIsOpenedThenTheRuleTableAssignsItWithDeadlines() {
        CaseOpened opened = opened("PUBLIC_HEALTH", "SANITATION", CaseKind.COMPLAINT, Urgency.NORMAL);

        KafkaProbe.publish(brokers, opened);

        CaseAssigned assigned = kafka.awaitEvent(opened.caseId(), CaseAssigned.class);
        assertThat(assigned.departmentCode()).isEqualTo("PATRIOTIC_HEALTH_OFFICE");
        assertThat(assigned.ruleId()).isEqualTo("r-public-health");
        assertThat(assigned.envelope().causationId()).isEqualTo(opened.eventId().toString());
        assertThat(assigned.envelope().correlationId()).isEqualTo(opened.envelope().correlationId());
        assertThat(assigned.deadlines().acceptBy()).isAfter(assigned.occurredAt());
        assertThat(assigned.deadlines().onSiteBy()).isNotNull();
        assertThat(assigned.deadlines().resolveBy()).isAfter(assigned.deadlines().acceptBy());
    }

    @Test
    void whenTheSameEventArrivesTwiceThenTheCaseIsAssignedOnce() {
        CaseOpened opened = opened("LIVING", "HOUSING", CaseKind.HELP_REQUEST, Urgency.NORMAL);

        KafkaProbe.publish(brokers, opened);
        KafkaProbe.publish(brokers, opened);
        CaseOpened later = opened("LIVING", "HOUSING", CaseKind.HELP_REQUEST, Urgency.NORMAL);
        KafkaProbe.publish(brokers, later);

        kafka.awaitEvent(later.caseId(), CaseAssigned.class);
        kafka.awaitEvent(opened.caseId(), CaseAssigned.class);
        assertThat(cases.findById(opened.caseId()).orElseThrow().getAssignments()).hasSize(1);
        assertThat(kafka.seen().stream().filter(r -> r.key().equals(opened.caseId()))).hasSize(1);
    }

    @Test
    void whenARecordIsPoisonThenItLandsInTheDeadLetterTopicWithTheReason() {
        String caseId = UUID.randomUUID().toString();

        KafkaProbe.publishRaw(brokers, Topics.CASE_OPENED, caseId, "{not json".getBytes(StandardCharsets.UTF_8),
                Map.of("ce_type", "org.hotline.case.opened.v1"));
        CaseOpened next = opened("POLICY", null, CaseKind.CONSULTATION, Urgency.NORMAL);
        KafkaProbe.publish(brokers, next);

        ConsumerRecord<String, byte[]> dead = kafka.await(r -> caseId.equals(r.key()));
        assertThat(dead.topic()).isEqualTo("case.opened.routing-service.dlt");
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(KafkaProbe.header(dead, "x-exception-message")).contains("Cannot read org.hotline.case.opened.v1");
        kafka.awaitEvent(next.caseId(), CaseAssigned.class);
    }

    @Test
    void whenNoRuleMatchesThenTheCaseWaitsForDispatchAndAnOperatorAssignsIt() {
        CaseOpened opened = opened("INTERPERSONAL", null, CaseKind.OTHER, Urgency.NORMAL);
        CaseOpened unmatched = new CaseOpened(opened.envelope(), opened.trackingNumber(), opened.channel(),
                opened.kind(), "UNMAPPED", null, opened.urgency(), opened.description(), null, opened.caller(), false,
                null, null, null, null, null, opened.receivedAt(), List.of());

        KafkaProbe.publish(brokers, unmatched);

        await().untilAsserted(() -> assertThat(http.get().uri("/api/dispatch/queue").retrieve().body(String.class))
                .contains(opened.caseId()));
        // the operator is the token's subject
        ResponseEntity<String> assigned = TestHttp.client(port, TestTokens.token("op-3", null, "OPERATOR")).post()
                .uri("/api/dispatch/{id}/assign", opened.caseId())
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"departmentCode\":\"HUMAN_RESOURCES\"}").retrieve()
                .toEntity(String.class);
        assertThat(assigned.getStatusCode().value()).isEqualTo(200);
        assertThat(kafka.awaitEvent(opened.caseId(), CaseAssigned.class).ruleId()).isEqualTo("manual:op-3");
    }

    @Test
    void whenTheDepartmentAcceptsThenCaseAcceptedIsPublishedAndASecondAcceptIsAConflict() {
        CaseOpened opened = opened("WORK", "SAFETY", CaseKind.COMPLAINT, Urgency.NORMAL);
        KafkaProbe.publish(brokers, opened);
        String assignmentId = kafka.awaitEvent(opened.caseId(), CaseAssigned.class).assignmentId();

        ResponseEntity<String> accepted = accept(assignmentId);
        ResponseEntity<String> again = accept(assignmentId);

        assertThat(accepted.getStatusCode().value()).isEqualTo(200);
        assertThat(kafka.awaitEvent(opened.caseId(), CaseAccepted.class).handlerId()).isEqualTo("h-9");
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getHeaders().getContentType()).hasToString("application/problem+json");
    }

    @Test
    void whenARejectionHasNoReasonThenItIsRefused() {
        CaseOpened opened = opened("WORK", "QUALITY", CaseKind.COMPLAINT, Urgency.NORMAL);
        KafkaProbe.publish(brokers, opened);
        String assignmentId = kafka.awaitEvent(opened.caseId(), CaseAssigned.class).assignmentId();

        ResponseEntity<String> refused = http.post().uri("/api/assignments/{id}/reject", assignmentId)
                .contentType(MediaType.APPLICATION_JSON).body("{\"reason\":\" \"}").retrieve().toEntity(String.class);

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody()).contains("reason");
    }

    @Test
    void whenTheCallerIsUnsatisfiedThenTheCaseGoesBackToTheSameDepartmentWithFreshClocks() {
        CaseOpened opened = opened("LIVING", "UTILITIES", CaseKind.COMPLAINT, Urgency.NORMAL);
        KafkaProbe.publish(brokers, opened);
        CaseAssigned first = kafka.awaitEvent(opened.caseId(), CaseAssigned.class);

        CaseReopened reopened = new CaseReopened(EventEnvelope.causedBy(first.envelope(), Instant.now(),
                "feedback-service"), first.departmentCode(), "Heating still off", 1, false);
        KafkaProbe.publish(brokers, reopened);
        KafkaProbe.publish(brokers, reopened);

        ConsumerRecord<String, byte[]> second = kafka.await(r -> opened.caseId().equals(r.key())
                && new String(r.value(), StandardCharsets.UTF_8).contains("\"ruleId\":\"reopen\""));
        CaseAssigned again = org.hotline.events.EventCodec.decode(second.value(), CaseAssigned.class);
        assertThat(again.departmentCode()).isEqualTo("FACILITIES");
        assertThat(again.assignmentId()).isEqualTo(opened.caseId() + "-A2");
        assertThat(again.deadlines().acceptBy()).isAfterOrEqualTo(first.deadlines().acceptBy());
        assertThat(cases.findById(opened.caseId()).orElseThrow().getAssignments()).hasSize(2);
    }

    private ResponseEntity<String> accept(String assignmentId) {
        return http.post().uri("/api/assignments/{id}/accept", assignmentId).contentType(MediaType.APPLICATION_JSON)
                .body("{\"handlerId\":\"h-9\"}").retrieve().toEntity(String.class);
    }
}
