package org.hotline.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.hotline.escalation.EscalationServiceApplication;
import org.hotline.events.EventType;
import org.hotline.events.escalation.CaseEscalated;
import org.hotline.events.escalation.EscalationLevel;
import org.hotline.events.intake.CaseOpened;
import org.hotline.events.intake.SealedContact;
import org.hotline.feedback.FeedbackServiceApplication;
import org.hotline.feedback.privacy.ContactKeys;
import org.hotline.intake.IntakeServiceApplication;
import org.hotline.reporting.ReportingServiceApplication;
import org.hotline.routing.RoutingServiceApplication;
import org.hotline.testsupport.KafkaProbe;
import org.hotline.testsupport.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole suite in one JVM: the dev stack's own Kafka broker and MongoDB stand-in, and the five services, each
 * its own Spring application with its own configuration, database and consumer groups. Runs the thinnest complete
 * flow of a case and the emergency path, as a front desk, a department and the callback team would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HotlineFlowIT {

    @TempDir
    static Path dir;

    KafkaBroker kafka;
    MongoStandIn mongo;
    final List<ConfigurableApplicationContext> services = new ArrayList<>();
    final Map<String, RestClient> http = new java.util.HashMap<>();
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    void startStack() throws Exception {
        kafka = new KafkaBroker(dir.resolve("kafka"), ChildJvm.freePort(), ChildJvm.freePort());
        kafka.start(Duration.ofSeconds(60));
        int mongoPort = ChildJvm.freePort();
        mongo = new MongoStandIn(dir.resolve("mongo").resolve("hotline.mv"), mongoPort);
        mongo.start();
        start("intake-service", IntakeServiceApplication.class, mongoPort);
        start("routing-service", RoutingServiceApplication.class, mongoPort);
        start("escalation-service", EscalationServiceApplication.class, mongoPort);
        start("feedback-service", FeedbackServiceApplication.class, mongoPort);
        start("reporting-service", ReportingServiceApplication.class, mongoPort);
    }

    private void start(String service, Class<?> application, int mongoPort) {
        ConfigurableApplicationContext context = InProcessService.start(service, application,
                kafka.bootstrapServers(), mongoPort);
        services.add(context);
        http.put(service, TestHttp.client("http://127.0.0.1:" + InProcessService.port(context)));
    }

    @AfterAll
    void stopStack() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (mongo != null) {
            mongo.close();
        }
    }

    JsonNode post(String service, String path, String body) {
        ResponseEntity<String> response = http.get(service).post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as("%s %s: %s", service, path, response.getBody())
                .isTrue();
        return json.readTree(response.getBody());
    }

    ResponseEntity<String> get(String service, String path, Object... variables) {
        return http.get(service).get().uri(path, variables).retrieve().toEntity(String.class);
    }

    static String newCase(String category, String subCategory, String urgency) {
        return """
                {"channel":"PHONE","kind":"COMPLAINT","category":"%s","subCategory":"%s","urgency":"%s",
                 "description":"垃圾站三天沒有清運 / rubbish not collected for three days",
                 "caller":{"name":"Li Si","phone":"13900139000","anonymous":false,"preferredFeedbackChannel":"SMS"},
                 "location":{"address":"12 Huaihai Road"},"operatorId":"op-007",
                 "ringStartedAt":"2026-11-23T01:29:51Z","answeredAt":"2026-11-23T01:29:56Z"}
                """.formatted(category, subCategory, urgency);
    }

    @Test
    void whenACaseGoesThroughTheWholeFlowThenTheLedgerShowsItsTimeline() {
        String caseId = post("intake-service", "/api/cases", newCase("PUBLIC_HEALTH", "SANITATION", "NORMAL"))
                .path("caseId").asString();

        // routing picked a department by category and set deadlines
        JsonNode assignment = await().atMost(Duration.ofSeconds(30)).until(
                () -> json.readTree(get("routing-service", "/api/assignments?caseId={id}", caseId).getBody()),
                list -> list.size() == 1).get(0);
        assertThat(assignment.path("departmentCode").asString()).isEqualTo("PATRIOTIC_HEALTH_OFFICE");
        assertThat(assignment.path("deadlines").path("resolveBy").asString()).isNotBlank();
        String assignmentId = assignment.path("assignmentId").asString();
        post("routing-service", "/api/assignments/" + assignmentId + "/accept", "{\"handlerId\":\"h-21\"}");

        // the department reports its result once feedback-service knows the assignment
        await().atMost(Duration.ofSeconds(30)).until(() -> json.readTree(get("feedback-service",
                "/api/cases/{id}", caseId).getBody()).toString().contains("PATRIOTIC_HEALTH_OFFICE"));
        post("feedback-service", "/api/results", """
                {"caseId":"%s","departmentCode":"PATRIOTIC_HEALTH_OFFICE","summary":"Rubbish collected",
                 "measures":"Extra collection round on Mondays"}""".formatted(caseId));
        post("feedback-service", "/api/callbacks", """
                {"caseId":"%s","satisfaction":"SATISFIED","comment":"Thanks","operatorId":"op-011"}"""
                .formatted(caseId));

        List<String> expected = List.of(EventType.CASE_OPENED, EventType.CASE_ASSIGNED, EventType.CASE_ACCEPTED,
                EventType.CASE_RESOLVED, EventType.CALLBACK_COMPLETED, EventType.CASE_CLOSED).stream()
                .map(EventType::cloudEventType).toList();
        JsonNode ledger = await().atMost(Duration.ofSeconds(30)).until(
                () -> json.readTree(get("reporting-service", "/api/ledger/{id}", caseId).getBody()),
                body -> body.path("timeline").findValuesAsString("type").containsAll(expected));
        assertThat(ledger.path("timeline").findValuesAsString("type")).containsSubsequence(expected);
        assertThat(ledger.path("status").asString()).isEqualTo("CLOSED");
        assertThat(ledger.toString()).doesNotContain("Li Si", "13900139000");

        // only feedback-service can read the caller's contact, sealed for it by intake-service
        ConfigurableApplicationContext feedback = services.get(3);
        Document stored = feedback.getBean(MongoTemplate.class).getCollection("feedback_cases")
                .find(new Document("_id", caseId)).first();
        Document sealed = stored.get("caller", Document.class).get("contact", Document.class);
        assertThat(stored.toJson()).doesNotContain("Li Si", "13900139000");
        ContactKeys.Contact contact = feedback.getBean(ContactKeys.class).open(new SealedContact(
                sealed.getString("keyId"), sealed.getString("encryptedKey"), sealed.getString("ciphertext")));
        assertThat(contact.name()).isEqualTo("Li Si");
        assertThat(contact.phone()).isEqualTo("13900139000");
    }

    @Test
    void whenAnEmergencyIsTakenThenTheCommandCentreIsAlertedWithinASecond() {
        try (KafkaProbe probe = new KafkaProbe(kafka.bootstrapServers(),
                List.of(EventType.CASE_OPENED.topic(), EventType.CASE_ESCALATED.topic()))) {
            String caseId = post("intake-service", "/api/cases", newCase("OTHER", "EMERGENCY", "EMERGENCY"))
                    .path("caseId").asString();

            CaseOpened opened = probe.awaitEvent(caseId, CaseOpened.class);
            CaseEscalated escalated = probe.awaitEvent(caseId, CaseEscalated.class);
            assertThat(escalated.level()).isEqualTo(EscalationLevel.COMMAND_CENTER);
            assertThat(Duration.between(opened.occurredAt(), escalated.occurredAt())).isLessThan(Duration.ofSeconds(1));
        }
    }

    /**
     * The poison fault drill, the fast one that runs in {@code verify}: on every topic a service reads, a record that
     * is not JSON and one of the wrong shape, then a valid one; every group dead-letters both with the reason and
     * goes on.
     */
    @Test
    void whenPoisonRecordsArriveOnEveryTopicThenEachGroupDeadLettersThemWithTheReasonAndGoesOn() throws Exception {
        post("intake-service", "/api/cases", newCase("LIVING", "UTILITIES", "NORMAL"));

        DrillVerdict verdict = new PoisonDrill(kafka.bootstrapServers(), CaseAudit.GROUPS, System.out::println)
                .run(Duration.ofSeconds(120));

        System.out.println(verdict.line());
        assertThat(verdict.pass()).as(verdict.line()).isTrue();
        // all five groups read at least one topic, two poison records each
        assertThat(verdict.accepted()).isGreaterThanOrEqualTo(10);
        assertThat(verdict.inLedger()).isEqualTo(verdict.accepted());
    }
}
