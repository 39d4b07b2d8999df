package org.hotline.reporting.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.hotline.events.EventCodec;
import org.hotline.events.EventType;
import org.hotline.events.HotlineEvent;
import org.hotline.events.Milestone;
import org.hotline.events.Satisfaction;
import org.hotline.events.Topics;
import org.hotline.events.Urgency;
import org.hotline.testsupport.EndpointSecurity;
import org.hotline.testsupport.KafkaProbe;
import org.hotline.testsupport.TestHttp;
import org.hotline.testsupport.TestTokens;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;

/**
 * Scenarios run twice: on an embedded Kafka broker with the MongoDB stand-in
 * ({@link LedgerIT}) and on the real images ({@link LedgerRealImagesIT}).
 */
abstract class LedgerScenarios {

    /** The topics the ledger listens to: every case topic (not the calendar's). */
    static final List<String> TOPICS = Arrays.stream(EventType.values())
            .filter(type -> type != EventType.CALENDAR_PUBLISHED).map(EventType::topic).toList();

    @LocalServerPort
    int port;

    @Autowired
    BucketFlusher flusher;

    @Autowired
    ApplicationContext applicationContext;

    @Value("${spring.cloud.stream.kafka.binder.brokers}")
    String brokers;

    RestClient http;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Generations generations;

    @Autowired
    Ledger ledgerService;

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
    void whenAnyEndpointIsCalledWithoutAValidTokenOrRoleThenItIsRefused() {
        EndpointSecurity.assertTokensAndRolesAreRequired(applicationContext, port, List.of());
    }

    @Test
    void whenCallersLackATokenOrTheRoleThenTheyAreRefusedButTheDashboardPageIsOpen() {
        RestClient department = TestHttp.client(port, TestTokens.token("dept-facilities", "FACILITIES",
                "DEPARTMENT"));
        RestClient analyst = TestHttp.client(port, TestTokens.token("analyst-1", null, "ANALYST"));

        assertThat(TestHttp.status(TestHttp.client(port, null).get().uri("/api/ledger"))).isEqualTo(401);
        assertThat(TestHttp.status(TestHttp.client(port, TestTokens.otherIssuer("ANALYST")).get().uri("/api/reports/kpis")))
                .isEqualTo(401);
        assertThat(TestHttp.status(department.get().uri("/api/ledger"))).isEqualTo(403);
        assertThat(TestHttp.status(department.get().uri("/api/reports/kpis"))).isEqualTo(403);
        assertThat(TestHttp.status(analyst.post().uri("/api/admin/rebuild"))).isEqualTo(403);
        assertThat(TestHttp.status(analyst.get().uri("/api/reports/common-problems"))).isEqualTo(200);
        assertThat(TestHttp.status(analyst.get().uri("/api/ledger"))).isEqualTo(200);
        assertThat(TestHttp.status(TestHttp.client(port, null).get().uri("/"))).isEqualTo(200);
        assertThat(TestHttp.status(TestHttp.client(port, null).get().uri("/dashboard.js"))).isEqualTo(200);
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
        assertThat(ledger.leadAssignment().deadline(Milestone.RESOLUTION).due()).isEqualTo(t0.plus(Duration.ofDays(5)));
        assertThat(ledger.leadAssignment().deadline(Milestone.RESOLUTION).state()).isEqualTo(DeadlineState.MET);
        assertThat(ledger.score()).isEqualTo(5);
        assertThat(ledger.resolvedAt()).isEqualTo(t0.plus(CaseFlows.DAY));
        assertThat(ledger.satisfaction()).isEqualTo(Satisfaction.SATISFIED);
        assertThat(ledger.closedAt()).isNotNull();
        String stored = mongo.getCollection(generations.active().ledgerCollection()).find(new Document("_id", caseId)).first().toJson();
        assertThat(stored + ledger).doesNotContain(CaseFlows.CALLER_NAME_MASKED, CaseFlows.CALLER_PHONE_MASKED,
                CaseFlows.ADDRESS, "Li Si", "13900139000", "Rubbish not collected");
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
        assertThat(ledger(backwards)).usingRecursiveComparison().ignoringFields("caseId", "timeline.eventId",
                "escalations.escalationId")
                .isEqualTo(ledger(inOrder)).isNotNull();
        assertThat(expected.status()).isEqualTo(CaseStatus.ASSIGNED);
        assertThat(expected.department()).isEqualTo("DISTRICT_OFFICE");
        assertThat(expected.bounces()).isEqualTo(1);
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
        Instant t0 = Instant.parse("2020-01-10T00:00:00Z");
        String satisfied = UUID.randomUUID().toString();
        String troubled = UUID.randomUUID().toString();
        List<HotlineEvent> one = CaseFlows.satisfied(satisfied, t0);
        List<HotlineEvent> two = CaseFlows.troubled(troubled, t0.plus(CaseFlows.HOUR));

        one.forEach(event -> KafkaProbe.publish(brokers, event));
        two.forEach(event -> KafkaProbe.publish(brokers, event));
        awaitLedger(satisfied, one.size());
        awaitLedger(troubled, two.size());

        awaitEverythingRecorded();
        JsonNode report = await().until(() -> kpis("from=2020-01-01&to=2020-02-01&groupBy=department"),
                r -> r.get("overall").get("opened").asLong() == 2 && r.get("overall").get("reopens").asLong() == 1);
        JsonNode overall = report.get("overall");
        assertThat(overall.get("resolved").asLong()).isEqualTo(1);
        assertThat(overall.get("closed").asLong()).isEqualTo(1);
        assertThat(overall.get("backlog").asLong()).isEqualTo(1);
        assertThat(rate(overall, "answerTimeliness")).containsExactly(1L, 2L);
        assertThat(rate(overall, "handlingAccuracy")).containsExactly(1L, 1L);
        assertThat(rate(overall, "onTimeAcceptance")).containsExactly(2L, 3L);
        assertThat(rate(overall, "onTimeResolution")).containsExactly(1L, 1L);
        assertThat(rate(overall, "feedbackTimeliness")).containsExactly(1L, 1L);
        assertThat(rate(overall, "callbackRate")).containsExactly(1L, 1L);
        assertThat(rate(overall, "satisfactionRate")).containsExactly(1L, 2L);
        assertThat(rate(overall, "reopenRate")).containsExactly(1L, 2L);
        assertThat(rate(overall, "responseRate")).containsExactly(1L, 2L);
        assertThat(rate(overall, "resolutionRate")).containsExactly(1L, 2L);
        assertThat(overall.get("meanScore").asDouble()).isEqualTo(3.5);
        assertThat(overall.get("handlingTime").get("meanHours").asDouble()).isEqualTo(24.0);
        assertThat(overall.get("escalations").asLong()).isEqualTo(1);
        assertThat(overall.get("bounces").asLong()).isEqualTo(1);
        assertThat(report.get("answerThresholdSeconds").asLong()).isEqualTo(15);
        assertThat(report.get("groups").findValuesAsString("key"))
                .containsExactly("DISTRICT_OFFICE", "SANITATION_BUREAU");
        assertThat(kpis("from=2020-01-01&to=2020-02-01&groupBy=month").get("groups").findValuesAsString("key"))
                .containsExactly("2020-01");
        assertThat(kpis("from=2020-01-01&to=2020-02-01&groupBy=operator").get("groups").findValuesAsString("key"))
                .containsExactly("op-7");

        JsonNode listed = http.get().uri("/api/ledger?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z&size=20")
                .retrieve().body(JsonNode.class);
        assertThat(listed.get("totalItems").asLong()).isEqualTo(2);
        assertThat(listed.get("items").findValuesAsString("caseId")).containsExactlyInAnyOrder(satisfied, troubled);
        JsonNode closed = http.get().uri("/api/ledger?status=CLOSED&department=SANITATION_BUREAU"
                + "&from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z").retrieve().body(JsonNode.class);
        assertThat(closed.get("items").findValuesAsString("caseId")).containsExactly(satisfied);
        assertThat(closed.get("items").get(0).get("timeline").isNull()).isTrue();
        JsonNode overdue = http.get().uri("/api/ledger?overdue=true&from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z")
                .retrieve().body(JsonNode.class);
        assertThat(overdue.get("items").findValuesAsString("caseId")).containsExactly(troubled);
    }

    @Test
    void whenReportsAreAskedForAsCsvThenTheyComeAsCsv() {
        Instant t0 = Instant.parse("2020-03-10T00:00:00Z");
        String caseId = UUID.randomUUID().toString();
        CaseFlows.satisfied(caseId, t0).forEach(event -> KafkaProbe.publish(brokers, event));
        awaitLedger(caseId, 7);
        awaitEverythingRecorded();
        await().until(() -> kpis("from=2020-03-01&to=2020-04-01").get("overall").get("closed").asLong() == 1);

        ResponseEntity<String> kpis = http.get().uri("/api/reports/kpis?from=2020-03-01&to=2020-04-01&groupBy=channel")
                .header("Accept", "text/csv").retrieve().toEntity(String.class);
        ResponseEntity<String> ledger = http.get().uri("/api/ledger?from=2020-03-01T00:00:00Z&to=2020-04-01T00:00:00Z")
                .header("Accept", "text/csv").retrieve().toEntity(String.class);

        assertThat(kpis.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(kpis.getBody().split("\r\n")).hasSize(3).satisfies(lines -> {
            assertThat(lines[0]).startsWith("group,opened,resolved,closed,");
            assertThat(lines[1]).startsWith("(all),1,1,1,");
            assertThat(lines[2]).startsWith("PHONE,1,1,1,");
        });
        assertThat(ledger.getHeaders().getFirst("X-Total-Count")).isEqualTo("1");
        assertThat(ledger.getBody().split("\r\n")).hasSize(2);
        assertThat(ledger.getBody().split("\r\n")[1]).startsWith(caseId + ",HL-20261123-000042,CLOSED,false,PHONE");
    }

    @Test
    void whenProblemsRecurThenTheCommonProblemsReportShowsThemAgainstThePreviousPeriod() {
        Instant t0 = Instant.parse("2020-05-20T00:00:00Z");
        for (int i = 0; i < 3; i++) {
            KafkaProbe.publish(brokers, CaseFlows.opened(UUID.randomUUID().toString(), t0.plus(CaseFlows.DAY
                    .multipliedBy(i)), Duration.ofSeconds(3)));
        }
        String last = UUID.randomUUID().toString();
        KafkaProbe.publish(brokers, CaseFlows.opened(last, t0.minus(CaseFlows.DAY.multipliedBy(20)),
                Duration.ofSeconds(3)));
        awaitLedger(last, 1);

        awaitEverythingRecorded();
        JsonNode report = await().until(() -> http.get().uri("/api/reports/common-problems?from=2020-05-15&to="
                + "2020-06-01&top=20").retrieve().body(JsonNode.class),
                r -> r.get("categories").size() == 1 && r.get("categories").get(0).get("count").asLong() == 3);

        assertThat(report.get("previousFrom").asString()).isEqualTo("2020-04-28");
        JsonNode category = report.get("categories").get(0);
        assertThat(category.get("key").asString()).isEqualTo("PUBLIC_HEALTH");
        assertThat(category.get("previousCount").asLong()).isEqualTo(1);
        assertThat(category.get("change").asLong()).isEqualTo(2);
        assertThat(category.get("changeRate").asDouble()).isEqualTo(2.0);
        assertThat(report.get("keywords").findValuesAsString("key")).contains("rubbish", "collected")
                .doesNotContain("the", "outside");
        assertThat(report.get("keywords").get(0).get("count").asLong()).isEqualTo(3);
        assertThat(report.get("areas").findValuesAsString("key")).containsExactly("110101");
        assertThat(report.toString()).doesNotContain("13900139000", "Li Si");
    }

    @Test
    void whenTheProjectionsAreRebuiltThenTheKpisAndTheLedgerAreTheSame() {
        Instant t0 = Instant.parse("2019-06-03T00:00:00Z");
        String satisfied = UUID.randomUUID().toString();
        String troubled = UUID.randomUUID().toString();
        CaseFlows.satisfied(satisfied, t0).forEach(event -> KafkaProbe.publish(brokers, event));
        CaseFlows.troubled(troubled, t0).forEach(event -> KafkaProbe.publish(brokers, event));
        awaitLedger(satisfied, 7);
        awaitLedger(troubled, 11);
        awaitEverythingRecorded();
        String query = "from=2019-06-01&to=2019-07-01&groupBy=department";
        JsonNode before = kpis(query);
        JsonNode everythingBefore = kpis("from=2017-01-01&to=2019-12-31&groupBy=month");
        LedgerCase ledgerBefore = ledger(troubled);

        ResponseEntity<JsonNode> started = http.post().uri("/api/admin/rebuild").retrieve().toEntity(JsonNode.class);
        assertThat(started.getStatusCode().value()).isEqualTo(202);
        int generation = started.getBody().get("generation").asInt();
        JsonNode done = await().atMost(Duration.ofSeconds(60)).until(() -> http.get().uri("/api/admin/rebuild")
                .retrieve().body(JsonNode.class), s -> !s.get("state").asString().equals("RUNNING"));

        assertThat(done.get("state").asString()).isEqualTo("DONE");
        assertThat(done.get("generation").asInt()).isEqualTo(generation);
        assertThat(done.get("recordsRead").asLong()).isGreaterThanOrEqualTo(18);
        assertThat(kpis(query)).isEqualTo(before);
        assertThat(kpis("from=2017-01-01&to=2019-12-31&groupBy=month")).isEqualTo(everythingBefore);
        assertThat(ledger(troubled)).usingRecursiveComparison().ignoringFields("overdue").isEqualTo(ledgerBefore);
    }

    @Test
    void whenACrashLeftBucketChangesPendingThenTheSweepAppliesEachExactlyOnce() {
        Instant t0 = Instant.parse("2018-02-05T00:00:00Z");
        String caseId = UUID.randomUUID().toString();
        CaseFlows.satisfied(caseId, t0).forEach(event -> KafkaProbe.publish(brokers, event));
        awaitLedger(caseId, 7);
        // not a whole month: the report reads the daily buckets
        String query = "from=2018-02-02&to=2018-02-27&groupBy=department";
        awaitEverythingRecorded();
        JsonNode before = await().until(() -> kpis(query), r -> r.get("overall").get("closed").asLong() == 1);
        Generation generation = generations.active();
        LedgerDocument document = mongo.findById(caseId, LedgerDocument.class, generation.ledgerCollection());

        // the buckets took the latest changes, the crash came before the document was cleared
        // (the closing fact changed every bucket but the keyword and area ones, which only the opening fact did)
        List<LedgerDocument.BucketDelta> taken = LedgerStore.difference(document.deltaSeq(), List.of(),
                document.counted().stream().filter(b -> b.grain() != CaseFacts.Grain.KEYWORD
                        && b.grain() != CaseFacts.Grain.AREA).toList());
        // and one change no bucket took yet
        List<LedgerDocument.BucketDelta> pending = new ArrayList<>(taken);
        pending.add(new LedgerDocument.BucketDelta(document.deltaSeq() + 1, "TOTAL|2018-02-05|all",
                CaseFacts.Grain.TOTAL, "2018-02-05", "all", Map.of("escalations", 1L)));
        pending.add(new LedgerDocument.BucketDelta(document.deltaSeq() + 1, "DEPARTMENT|2018-02-05|SANITATION_BUREAU",
                CaseFacts.Grain.DEPARTMENT, "2018-02-05", "SANITATION_BUREAU", Map.of("escalations", 1L)));
        mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(caseId)),
                new org.springframework.data.mongodb.core.query.Update().set("pending", pending)
                        .set("hasPending", true), generation.ledgerCollection());
        ledgerService.applyPendingChanges();
        ledgerService.applyPendingChanges();

        JsonNode after = kpis(query);
        assertThat(after.get("overall").get("escalations").asLong()).isEqualTo(1);
        assertThat(after.get("groups").get(0).get("kpis").get("escalations").asLong()).isEqualTo(1);
        ((tools.jackson.databind.node.ObjectNode) after.get("overall")).put("escalations", 0);
        ((tools.jackson.databind.node.ObjectNode) after.get("groups").get(0).get("kpis")).put("escalations", 0);
        assertThat(after).isEqualTo(before);
        assertThat(mongo.findById(caseId, LedgerDocument.class, generation.ledgerCollection()).hasPending())
                .isFalse();
    }

    @Test
    void whenAReportParameterIsInvalidThenTheAnswerIsAProblemNamingIt() {
        ResponseEntity<String> badGroup = http.get().uri("/api/reports/kpis?groupBy=planet").retrieve()
                .toEntity(String.class);
        ResponseEntity<String> badDate = http.get().uri("/api/reports/kpis?from=yesterday").retrieve()
                .toEntity(String.class);

        assertThat(badGroup.getBody()).contains("groupBy");
        assertThat(badDate.getBody()).contains("from");
        assertThat(List.of(badGroup, badDate)).allSatisfy(answer -> {
            assertThat(answer.getStatusCode().value()).isEqualTo(400);
            assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        });
    }

    @Test
    void whenTheOldKpiPathIsAskedThenItRedirectsToTheReport() {
        ResponseEntity<String> moved = TestHttp.client(port).get().uri("/api/kpis?from=2020-01-01T00:00:00Z")
                .exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
                        .headers(response.getHeaders()).body(""));

        assertThat(moved.getStatusCode().value()).isEqualTo(308);
        assertThat(moved.getHeaders().getLocation()).hasToString(
                "/api/reports/kpis?groupBy=department&from=2020-01-01T00:00:00Z");
    }

    @Test
    void whenAFilterIsInvalidThenTheAnswerIsAProblem() {
        ResponseEntity<String> badStatus = http.get().uri("/api/ledger?status=LOST").retrieve().toEntity(String.class);
        ResponseEntity<String> badSize = http.get().uri("/api/ledger?size=0").retrieve().toEntity(String.class);
        ResponseEntity<String> badPeriod = http.get().uri("/api/reports/kpis?from=2020-02-01&to=2020-01-01")
                .retrieve().toEntity(String.class);

        assertThat(List.of(badStatus, badSize, badPeriod)).allSatisfy(answer -> {
            assertThat(answer.getStatusCode().value()).isEqualTo(400);
            assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        });
    }

    @Test
    void whenTheDashboardIsOpenedInABrowserThenItShowsWhatTheApiSays() throws Exception {
        Assumptions.assumeTrue(DashboardBrowser.available(), "no chromium and chromium-driver here");
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofDays(12));
        String troubled = UUID.randomUUID().toString();
        String emergency = UUID.randomUUID().toString();
        CaseFlows.satisfied(UUID.randomUUID().toString(), t0).forEach(event -> KafkaProbe.publish(brokers, event));
        CaseFlows.troubled(troubled, t0).forEach(event -> KafkaProbe.publish(brokers, event));
        KafkaProbe.publish(brokers, CaseFlows.opened(emergency, Instant.now().truncatedTo(ChronoUnit.MILLIS),
                Duration.ofSeconds(2), Urgency.EMERGENCY));
        awaitLedger(troubled, 11);
        awaitLedger(emergency, 1);

        ChromeDriver browser = DashboardBrowser.start();
        try {
            // the analyst's token travels in the address once, as the README tells analysts to open the page
            browser.get("http://localhost:" + port + "/#token=" + TestTokens.token("analyst-1", null, "ANALYST"));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(browser.findElement(By.tagName("body")).getAttribute("data-loaded")).isEqualTo("true");
                String query = browser.findElement(By.tagName("body")).getAttribute("data-kpi-query");
                JsonNode overall = kpis(query + "&groupBy=day").get("overall");
                assertThat(tile(browser, "opened")).isEqualTo(overall.get("opened").asString());
                assertThat(tile(browser, "backlog")).isEqualTo(overall.get("backlog").asString());
                assertThat(tile(browser, "overdue")).isEqualTo(overall.get("overdue").asString());
                for (String rate : List.of("answerTimeliness", "handlingAccuracy", "onTimeAcceptance",
                        "onTimeResolution", "feedbackTimeliness", "callbackRate", "satisfactionRate", "reopenRate",
                        "responseRate", "resolutionRate")) {
                    assertThat(tile(browser, rate)).as(rate).isEqualTo(percent(overall.get(rate)));
                }
                JsonNode departments = kpis(query + "&groupBy=department").get("groups");
                assertThat(browser.findElements(By.cssSelector("#league tbody tr"))).hasSize(departments.size());
                assertThat(browser.findElements(By.cssSelector("#emergencies li[data-case-id='" + emergency + "']")))
                        .hasSize(1);
                assertThat(browser.findElements(By.cssSelector("#overdue tr[data-case-id='" + troubled + "']")))
                        .hasSize(1);
                JsonNode byDay = kpis(query + "&groupBy=day");
                assertThat(browser.executeScript("return Chart.getChart('trend').data.datasets[0].data.length"))
                        .isEqualTo(java.time.temporal.ChronoUnit.DAYS.between(
                                java.time.LocalDate.parse(byDay.get("from").asString()),
                                java.time.LocalDate.parse(byDay.get("to").asString())));
                assertThat(browser.executeScript("return Chart.getChart('trend').data.datasets[0].data"
                        + ".reduce((a, b) => a + b, 0)")).isEqualTo(byDay.get("overall").get("opened").asLong());
            });
            Path screenshot = Path.of("target", "dashboard.png");
            Files.createDirectories(screenshot.getParent());
            Files.write(screenshot, browser.getScreenshotAs(OutputType.BYTES));
        }
        finally {
            browser.quit();
        }
    }

    private static String tile(ChromeDriver browser, String kpi) {
        return browser.findElement(By.cssSelector("[data-kpi='" + kpi + "'] .value")).getText();
    }

    /** A rate as the dashboard shows it. */
    private static String percent(JsonNode rate) {
        JsonNode value = rate.get("value");
        return value == null || value.isNull() ? "—" : String.format(Locale.ROOT, "%.1f %%", value.asDouble() * 100);
    }

    @Test
    void whenTheDashboardIsOpenedThenThePageItsScriptAndTheChartLibraryAreServed() {
        ResponseEntity<String> page = http.get().uri("/").retrieve().toEntity(String.class);
        ResponseEntity<String> script = http.get().uri("/dashboard.js").retrieve().toEntity(String.class);
        ResponseEntity<String> chart = http.get().uri("/webjars/chart.js/dist/chart.umd.js").retrieve()
                .toEntity(String.class);

        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("<script src=\"dashboard.js\"").doesNotContain("http://", "https://");
        assertThat(script.getBody()).contains("/api/reports/kpis", "/api/ledger");
        assertThat(chart.getStatusCode().value()).isEqualTo(200);
        assertThat(chart.getBody()).contains("Chart");
    }

    JsonNode kpis(String query) {
        return http.get().uri("/api/reports/kpis?" + query).retrieve().body(JsonNode.class);
    }

    private static List<Long> rate(JsonNode kpis, String name) {
        return List.of(kpis.get(name).get("count").asLong(), kpis.get(name).get("outOf").asLong());
    }

    /**
     * Waits until the ledger's consumer group has read every record published so far and the bucket changes it
     * handed over are applied.
     */
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
        await().until(flusher::idle);
    }
}
