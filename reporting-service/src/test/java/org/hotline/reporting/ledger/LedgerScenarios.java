package org.hotline.reporting.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.hotline.events.EventCodec;
import org.hotline.events.EventType;
import org.hotline.events.HotlineEvent;
import org.hotline.events.Satisfaction;
import org.hotline.events.Topics;
import org.hotline.testsupport.KafkaProbe;
import org.hotline.testsupport.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;

/**
 * Scenarios run twice: on an embedded Kafka broker with the MongoDB stand-in
 * ({@link LedgerIT}) and on the real images ({@link LedgerRealImagesIT}).
 */
abstract class LedgerScenarios {

    static final List<String> TOPICS = Arrays.stream(EventType.values()).map(EventType::topic).toList();

    @LocalServerPort
    int port;

    @Value("${spring.cloud.stream.kafka.binder.brokers}")
    String brokers;

    RestClient http;

    @BeforeEach
    void setUp() {
        http = TestHttp.client(port);
    }

    /** A recent start, at the store's precision. */
    static Instant recently() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofDays(3));
    }

    /** The case's ledger, or null while the ledger does not know the case. */
    LedgerCase ledger(String caseId) {
        return http.get().uri("/api/ledger/{id}", caseId).exchange((request, response) ->
                response.getStatusCode().value() == 200 ? response.bodyTo(LedgerCase.class) : null);
    }

    LedgerCase awaitLedger(String caseId, int facts) {
        return await().until(() -> ledger(caseId),
                c -> c != null && c.timeline() != null && c.timeline().size() >= facts);
    }

    @Test
    void whenAWholeFlowArrivesThenTheLedgerShowsItsTimelineInTheOrderItHappened() {
        String caseId = UUID.randomUUID().toString();
        Instant t0 = recently();
        List<HotlineEvent> flow = CaseFlows.satisfied(caseId, t0);

        flow.forEach(event -> KafkaProbe.publish(brokers, event));

        LedgerCase ledger = awaitLedger(caseId, flow.size());
        assertThat(ledger.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(ledger.timeline()).extracting(LedgerCase.Entry::eventId)
                .containsExactlyElementsOf(flow.stream().map(e -> e.eventId().toString()).toList());
        assertThat(ledger.timeline()).extracting(LedgerCase.Entry::occurredAt)
                .containsExactlyElementsOf(flow.stream().map(HotlineEvent::occurredAt).toList());
        assertThat(ledger.timeline().get(0).type()).isEqualTo("org.hotline.case.opened.v1");
        assertThat(ledger.timeline().get(1).summary()).startsWith("Assigned to SANITATION_BUREAU");
        assertThat(ledger.timeline().get(1).source()).isEqualTo("routing-service");
        assertThat(ledger.trackingNumber()).isEqualTo("HL-20261123-000042");
        assertThat(ledger.openedAt()).isEqualTo(t0);
        assertThat(ledger.answerTime()).isEqualTo(Duration.ofSeconds(5));
        assertThat(ledger.department()).isEqualTo("SANITATION_BUREAU");
        assertThat(ledger.deadlines().resolveBy()).isEqualTo(t0.plus(Duration.ofDays(5)));
        assertThat(ledger.resolvedAt()).isEqualTo(t0.plus(CaseFlows.DAY));
        assertThat(ledger.satisfaction()).isEqualTo(Satisfaction.SATISFIED);
        assertThat(ledger.closedAt()).isNotNull();
    }

    @Test
    void whenTheFactsArriveBackwardsAndTwiceThenTheLedgerIsTheSameAsInOrder() {
        Instant t0 = recently();
        String inOrder = UUID.randomUUID().toString();
        String backwards = UUID.randomUUID().toString();
        List<HotlineEvent> flow = CaseFlows.troubled(inOrder, t0);
        List<HotlineEvent> arrivals = new ArrayList<>(CaseFlows.troubled(backwards, t0));
        Collections.reverse(arrivals);
        arrivals.addAll(List.of(arrivals.get(0), arrivals.get(5), arrivals.get(arrivals.size() - 1)));

        flow.forEach(event -> KafkaProbe.publish(brokers, event));
        arrivals.forEach(event -> KafkaProbe.publish(brokers, event));

        LedgerCase expected = awaitLedger(inOrder, flow.size());
        awaitLedger(backwards, flow.size());
        awaitEverythingRecorded();
        assertThat(ledger(backwards)).usingRecursiveComparison().ignoringFields("caseId", "timeline.eventId")
                .isEqualTo(ledger(inOrder)).isNotNull();
        assertThat(expected.status()).isEqualTo(CaseStatus.ASSIGNED);
        assertThat(expected.department()).isEqualTo("DISTRICT_OFFICE");
        assertThat(expected.rejections()).isEqualTo(1);
        assertThat(expected.reopens()).isEqualTo(1);
        assertThat(ledger(backwards).timeline()).hasSize(flow.size());
    }

    @Test
    void whenARecordIsPoisonThenItLandsInTheDeadLetterTopicAndTheNextRecordIsRecorded() {
        String badJson = UUID.randomUUID().toString();
        String noType = UUID.randomUUID().toString();
        String good = UUID.randomUUID().toString();
        List<HotlineEvent> flow = CaseFlows.satisfied(good, recently());
        try (KafkaProbe dead = new KafkaProbe(brokers, List.of(
                Topics.deadLetter(Topics.CASE_CLOSED, "reporting-service"),
                Topics.deadLetter(Topics.CASE_PROGRESSED, "reporting-service")))) {

            KafkaProbe.publishRaw(brokers, Topics.CASE_CLOSED, badJson, "{not json".getBytes(StandardCharsets.UTF_8),
                    Map.of("ce_type", "org.hotline.case.closed.v1"));
            KafkaProbe.publishRaw(brokers, Topics.CASE_PROGRESSED, noType, EventCodec.encode(flow.get(2)), Map.of());
            KafkaProbe.publish(brokers, flow.get(0));

            ConsumerRecord<String, byte[]> malformed = dead.await(r -> badJson.equals(r.key()));
            ConsumerRecord<String, byte[]> untyped = dead.await(r -> noType.equals(r.key()));
            assertThat(malformed.topic()).isEqualTo("case.closed.reporting-service.dlt");
            assertThat(new String(malformed.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
            assertThat(KafkaProbe.header(malformed, "x-exception-message"))
                    .contains("Cannot read org.hotline.case.closed.v1");
            assertThat(untyped.topic()).isEqualTo("case.progressed.reporting-service.dlt");
            assertThat(KafkaProbe.header(untyped, "x-exception-message")).contains("no ce_type header");
        }
        assertThat(awaitLedger(good, 1).status()).isEqualTo(CaseStatus.OPENED);
        assertThat(ledger(badJson)).isNull();
    }

    @Test
    void whenTheCaseIsUnknownThenTheAnswerIsAProblem() {
        ResponseEntity<String> unknown = http.get().uri("/api/ledger/{id}", "no-such-case").retrieve()
                .toEntity(String.class);

        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(unknown.getBody()).contains("no-such-case");
    }

    @Test
    void whenCasesWereOpenedInAPeriodThenTheKpisAndTheListShowThem() {
        Instant t0 = Instant.parse("2020-01-10T08:00:00Z");
        String satisfied = UUID.randomUUID().toString();
        String troubled = UUID.randomUUID().toString();
        List<HotlineEvent> one = CaseFlows.satisfied(satisfied, t0);
        List<HotlineEvent> two = CaseFlows.troubled(troubled, t0.plus(CaseFlows.HOUR));

        one.forEach(event -> KafkaProbe.publish(brokers, event));
        two.forEach(event -> KafkaProbe.publish(brokers, event));
        awaitLedger(satisfied, one.size());
        awaitLedger(troubled, two.size());

        JsonNode kpis = http.get().uri("/api/kpis?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z").retrieve()
                .body(JsonNode.class);
        JsonNode overall = kpis.get("overall");
        assertThat(overall.get("opened").asLong()).isEqualTo(2);
        assertThat(overall.get("resolved").asLong()).isEqualTo(1);
        assertThat(overall.get("closed").asLong()).isEqualTo(1);
        assertThat(rate(overall, "answerTimeliness")).containsExactly(1L, 2L);
        assertThat(rate(overall, "onTimeResolution")).containsExactly(1L, 1L);
        assertThat(rate(overall, "satisfaction")).containsExactly(1L, 2L);
        assertThat(rate(overall, "callbackRate")).containsExactly(1L, 1L);
        assertThat(overall.get("escalations").asLong()).isEqualTo(1);
        assertThat(overall.get("bounces").asLong()).isEqualTo(1);
        assertThat(overall.get("reopens").asLong()).isEqualTo(1);
        assertThat(kpis.get("answerThresholdSeconds").asLong()).isEqualTo(15);
        assertThat(kpis.get("departments").findValuesAsString("department"))
                .containsExactly("DISTRICT_OFFICE", "SANITATION_BUREAU");

        JsonNode listed = http.get().uri("/api/ledger?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z&limit=20")
                .retrieve().body(JsonNode.class);
        assertThat(listed.findValuesAsString("caseId")).containsExactlyInAnyOrder(satisfied, troubled);
        JsonNode closed = http.get().uri("/api/ledger?status=CLOSED&department=SANITATION_BUREAU"
                + "&from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z").retrieve().body(JsonNode.class);
        assertThat(closed.findValuesAsString("caseId")).containsExactly(satisfied);
        assertThat(closed.get(0).get("timeline").isNull()).isTrue();
    }

    @Test
    void whenAFilterIsInvalidThenTheAnswerIsAProblem() {
        ResponseEntity<String> badStatus = http.get().uri("/api/ledger?status=LOST").retrieve().toEntity(String.class);
        ResponseEntity<String> badLimit = http.get().uri("/api/ledger?limit=0").retrieve().toEntity(String.class);
        ResponseEntity<String> badPeriod = http.get().uri("/api/kpis?from=2020-02-01T00:00:00Z&to=2020-01-01T00:00:00Z")
                .retrieve().toEntity(String.class);

        assertThat(List.of(badStatus, badLimit, badPeriod)).allSatisfy(answer -> {
            assertThat(answer.getStatusCode().value()).isEqualTo(400);
            assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        });
    }

    @Test
    void whenTheDashboardIsOpenedThenThePageAndItsScriptAreServed() {
        ResponseEntity<String> page = http.get().uri("/").retrieve().toEntity(String.class);
        ResponseEntity<String> script = http.get().uri("/dashboard.js").retrieve().toEntity(String.class);

        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("<script src=\"dashboard.js\"").doesNotContain("http://", "https://");
        assertThat(script.getStatusCode().value()).isEqualTo(200);
        assertThat(script.getBody()).contains("/api/kpis", "/api/ledger");
    }

    private static List<Long> rate(JsonNode kpis, String name) {
        return List.of(kpis.get(name).get("count").asLong(), kpis.get(name).get("outOf").asLong());
    }

    /** Waits until the ledger's consumer group has read every record published so far. */
    private void awaitEverythingRecorded() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            await().untilAsserted(() -> {
                Map<TopicPartition, OffsetSpec> ends = new java.util.HashMap<>();
                admin.describeTopics(TOPICS).allTopicNames().get().values().forEach(topic -> topic.partitions()
                        .forEach(p -> ends.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> latest = admin.listOffsets(ends).all()
                        .get();
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("reporting-service")
                        .partitionsToOffsetAndMetadata().get();
                latest.forEach((partition, end) -> {
                    if (end.offset() > 0) {
                        assertThat(committed.get(partition)).as("%s", partition).isNotNull()
                                .extracting(OffsetAndMetadata::offset).isEqualTo(end.offset());
                    }
                });
            });
        }
    }
}
