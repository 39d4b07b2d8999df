package org.hotline.feedback.casefeedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline.events.CaseKind;
import org.hotline.events.Channel;
import org.hotline.events.CloudEventHeaders;
import org.hotline.events.EventCodec;
import org.hotline.events.EventEnvelope;
import org.hotline.events.FeedbackChannel;
import org.hotline.events.Satisfaction;
import org.hotline.events.Topics;
import org.hotline.events.Urgency;
import org.hotline.events.feedback.CallbackCompleted;
import org.hotline.events.feedback.CaseClosed;
import org.hotline.events.feedback.CaseOutcome;
import org.hotline.events.feedback.CaseReopened;
import org.hotline.events.feedback.CaseResolved;
import org.hotline.events.feedback.FeedbackDelivered;
import org.hotline.events.intake.CallerProfile;
import org.hotline.events.intake.CaseOpened;
import org.hotline.events.routing.CaseAssigned;
import org.hotline.testsupport.KafkaProbe;
import org.hotline.testsupport.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;

/**
 * Scenarios run twice: on an embedded Kafka broker with the MongoDB stand-in
 * ({@link FeedbackIT}) and on the real images ({@link FeedbackRealImagesIT}).
 */
abstract class FeedbackScenarios {

    private static final String PROBLEM_JSON = "application/problem+json";

    @LocalServerPort
    int port;

    @Value("${spring.cloud.stream.kafka.binder.brokers}")
    String brokers;

    RestClient http;
    KafkaProbe kafka;

    @BeforeEach
    void setUp() {
        http = TestHttp.client(port);
        kafka = new KafkaProbe(brokers, List.of(Topics.CASE_RESOLVED, Topics.FEEDBACK_DELIVERED,
                Topics.CALLBACK_COMPLETED, Topics.CASE_REOPENED, Topics.CASE_CLOSED));
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    @Test
    void whenTheDepartmentReportsAndTheCallerIsSatisfiedThenTheCaseIsResolvedFedBackAndClosed() {
        // given
        CaseOpened opened = opened(false);
        CaseAssigned assigned = assigned(opened, "A1", "FACILITIES");
        KafkaProbe.publish(brokers, opened);
        KafkaProbe.publish(brokers, assigned);
        awaitCase(opened.caseId(), c -> "ASSIGNED".equals(state(c)) && c.path("trackingNumber").isString());

        // when the department reports its result
        ResponseEntity<JsonNode> result = post("/api/results", """
                {"caseId":"%s","departmentCode":"FACILITIES","summary":"Boiler repaired","measures":"Pump replaced"}
                """.formatted(opened.caseId()), JsonNode.class);

        // then
        assertThat(result.getStatusCode().value()).isEqualTo(201);
        assertThat(result.getHeaders().getLocation()).hasToString("/api/cases/" + opened.caseId());
        assertThat(state(result.getBody())).isEqualTo("RESOLVED");
        ConsumerRecord<String, byte[]> record = kafka.await(r -> opened.caseId().equals(r.key())
                && "org.hotline.case.resolved.v1".equals(KafkaProbe.header(r, CloudEventHeaders.TYPE)));
        CaseResolved resolved = EventCodec.decode(record.value(), CaseResolved.class);
        assertThat(resolved.onTheSpot()).isFalse();
        assertThat(resolved.departmentCode()).isEqualTo("FACILITIES");
        assertThat(resolved.summary()).isEqualTo("Boiler repaired");
        assertThat(KafkaProbe.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(KafkaProbe.header(record, CloudEventHeaders.ID)).isEqualTo(resolved.eventId().toString());
        assertThat(KafkaProbe.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/hotline/feedback-service");
        assertThat(KafkaProbe.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(opened.caseId());
        assertThat(KafkaProbe.header(record, CloudEventHeaders.CORRELATION_ID))
                .isEqualTo(opened.envelope().correlationId());
        assertThat(dueCallbacks()).contains(opened.caseId());

        // when the result is fed back by the caller's preferred channel
        ResponseEntity<JsonNode> fedBack = post("/api/feedback", """
                {"caseId":"%s","operatorId":"op-2"}""".formatted(opened.caseId()), JsonNode.class);

        // then
        assertThat(fedBack.getStatusCode().value()).isEqualTo(201);
        assertThat(state(fedBack.getBody())).isEqualTo("FEEDBACK_DELIVERED");
        FeedbackDelivered delivered = kafka.awaitEvent(opened.caseId(), FeedbackDelivered.class);
        assertThat(delivered.channel()).isEqualTo(FeedbackChannel.SMS);
        assertThat(delivered.deliveredBy()).isEqualTo("op-2");

        // when the caller is satisfied at the callback
        ResponseEntity<JsonNode> called = post("/api/callbacks", """
                {"caseId":"%s","satisfaction":"SATISFIED","comment":"Warm again","operatorId":"op-3"}"""
                .formatted(opened.caseId()), JsonNode.class);

        // then
        assertThat(called.getStatusCode().value()).isEqualTo(201);
        assertThat(state(called.getBody())).isEqualTo("CLOSED");
        assertThat(called.getBody().path("outcome").asString()).isEqualTo("SATISFIED");
        CallbackCompleted completed = kafka.awaitEvent(opened.caseId(), CallbackCompleted.class);
        assertThat(completed.satisfaction()).isEqualTo(Satisfaction.SATISFIED);
        CaseClosed closed = kafka.awaitEvent(opened.caseId(), CaseClosed.class);
        assertThat(closed.outcome()).isEqualTo(CaseOutcome.SATISFIED);
        assertThat(closed.envelope().causationId()).isEqualTo(completed.eventId().toString());
        assertThat(dueCallbacks()).doesNotContain(opened.caseId());
        assertThat(getCase(opened.caseId()).path("results")).hasSize(1);
    }

    @Test
    void whenTheCallerIsUnsatisfiedThenTheCaseGoesBackToTheDepartmentAndItsNextResultIsAccepted() {
        // given a resolved case
        CaseOpened opened = opened(false);
        KafkaProbe.publish(brokers, opened);
        KafkaProbe.publish(brokers, assigned(opened, "A1", "HOUSING"));
        awaitCase(opened.caseId(), c -> "ASSIGNED".equals(state(c)) && c.path("trackingNumber").isString());
        assertThat(post("/api/results", result(opened.caseId(), "HOUSING"), String.class).getStatusCode().value())
                .isEqualTo(201);

        // when the caller is unsatisfied, without feedback first: the callback brings the result
        ResponseEntity<JsonNode> called = post("/api/callbacks", """
                {"caseId":"%s","satisfaction":"UNSATISFIED","comment":"The leak is back","operatorId":"op-3"}"""
                .formatted(opened.caseId()), JsonNode.class);

        // then
        assertThat(called.getStatusCode().value()).isEqualTo(201);
        assertThat(state(called.getBody())).isEqualTo("REOPENED");
        CaseReopened reopened = kafka.awaitEvent(opened.caseId(), CaseReopened.class);
        assertThat(reopened.departmentCode()).isEqualTo("HOUSING");
        assertThat(reopened.reason()).isEqualTo("The leak is back");
        assertThat(reopened.reopenCount()).isEqualTo(1);

        // when routing assigns it again, the department reports again
        KafkaProbe.publish(brokers, assigned(opened, "A2", "HOUSING"));
        awaitCase(opened.caseId(), c -> "ASSIGNED".equals(state(c)));
        ResponseEntity<JsonNode> again = post("/api/results", result(opened.caseId(), "HOUSING"), JsonNode.class);

        // then
        assertThat(again.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getBody().path("reopenCount").asInt()).isEqualTo(1);
        assertThat(again.getBody().path("results").get(1).path("round").asInt()).isEqualTo(1);
    }

    @Test
    void whenAnActionDoesNotFitTheCaseThenItIsRefusedWithProblemDetails() {
        // given
        CaseOpened opened = opened(false);
        KafkaProbe.publish(brokers, opened);
        awaitCase(opened.caseId(), c -> "OPEN".equals(state(c)));

        // when / then: nothing to feed back yet, and no department to report
        assertProblem(post("/api/feedback", """
                {"caseId":"%s","operatorId":"op-2"}""".formatted(opened.caseId()), String.class), 409, "not resolved");
        assertProblem(post("/api/results", result(opened.caseId(), "FACILITIES"), String.class), 409,
                "not been assigned");

        KafkaProbe.publish(brokers, assigned(opened, "A1", "FACILITIES"));
        awaitCase(opened.caseId(), c -> "ASSIGNED".equals(state(c)));

        // when / then: unknown case, another department, a blank summary
        assertProblem(post("/api/results", result(UUID.randomUUID().toString(), "FACILITIES"), String.class), 404,
                "No case");
        assertProblem(post("/api/results", result(opened.caseId(), "HOUSING"), String.class), 422,
                "currently handling");
        assertProblem(post("/api/results", """
                {"caseId":"%s","departmentCode":"FACILITIES","summary":"  "}""".formatted(opened.caseId()),
                String.class), 400, "summary");
        assertProblem(post("/api/callbacks", """
                {"caseId":"%s","satisfaction":"HAPPY","operatorId":"op-3"}""".formatted(opened.caseId()),
                String.class), 400, "SATISFIED");

        // when / then: a second result
        assertThat(post("/api/results", result(opened.caseId(), "FACILITIES"), String.class).getStatusCode().value())
                .isEqualTo(201);
        assertProblem(post("/api/results", result(opened.caseId(), "FACILITIES"), String.class), 409,
                "already resolved");
        assertProblem(http.get().uri("/api/cases/{id}", UUID.randomUUID()).retrieve().toEntity(String.class), 404,
                "No case");
    }

    @Test
    void whenTheCallerIsAnonymousThenTheCallbackIsRefusedAndTheCaseIsNotDue() {
        // given a case answered on the spot for an anonymous caller
        CaseOpened opened = opened(true);
        CaseResolved onTheSpot = new CaseResolved(EventEnvelope.causedBy(opened.envelope(), Instant.now(),
                "intake-service"), null, "Vaccination is free at the district clinic", null, true);
        KafkaProbe.publish(brokers, onTheSpot);
        KafkaProbe.publish(brokers, opened);
        JsonNode resolved = awaitCase(opened.caseId(),
                c -> "RESOLVED".equals(state(c)) && c.path("trackingNumber").isString());
        assertThat(resolved.path("results").get(0).path("onTheSpot").asBoolean()).isTrue();

        // when
        ResponseEntity<String> called = post("/api/callbacks", """
                {"caseId":"%s","satisfaction":"SATISFIED","operatorId":"op-3"}""".formatted(opened.caseId()),
                String.class);

        // then
        assertProblem(called, 409, "anonymously");
        assertThat(dueCallbacks()).doesNotContain(opened.caseId());
    }

    @Test
    void whenAnsweredOnTheSpotThenTheCallerCanBeCalledBackAndTheCaseCloses() {
        // given
        CaseOpened opened = opened(false);
        KafkaProbe.publish(brokers, opened);
        KafkaProbe.publish(brokers, new CaseResolved(EventEnvelope.causedBy(opened.envelope(), Instant.now(),
                "intake-service"), null, "Office hours are 9 to 5", null, true));
        awaitCase(opened.caseId(), c -> "RESOLVED".equals(state(c)) && c.path("trackingNumber").isString());

        // when
        ResponseEntity<JsonNode> called = post("/api/callbacks", """
                {"caseId":"%s","satisfaction":"NOT_REACHED","operatorId":"op-3"}""".formatted(opened.caseId()),
                JsonNode.class);

        // then
        assertThat(called.getStatusCode().value()).isEqualTo(201);
        assertThat(kafka.awaitEvent(opened.caseId(), CaseClosed.class).outcome()).isEqualTo(CaseOutcome.NOT_REACHED);
    }

    @Test
    void whenTheAssignmentArrivesTwiceAndBeforeTheOpeningThenTheCaseEndsAsIfInOrder() {
        // given
        CaseOpened opened = opened(false);
        CaseAssigned first = assigned(opened, "A1", "FACILITIES");
        CaseAssigned reassigned = assigned(opened, "A2", "HOUSING");

        // when the assignment comes first, twice, then a re-assignment, and the opening last
        KafkaProbe.publish(brokers, first);
        KafkaProbe.publish(brokers, first);
        KafkaProbe.publish(brokers, reassigned);
        awaitCase(opened.caseId(), c -> "HOUSING".equals(c.path("departmentCode").asString()));
        KafkaProbe.publish(brokers, opened);

        // then
        JsonNode c = awaitCase(opened.caseId(), view -> view.path("trackingNumber").isString());
        assertThat(state(c)).isEqualTo("ASSIGNED");
        assertThat(c.path("assignments")).hasSize(2);
        assertThat(c.path("assignmentId").asString()).isEqualTo(opened.caseId() + "-A2");
        assertThat(c.path("caller").path("callerRef").asString()).isEqualTo("cr-1");
        assertThat(c.path("kind").asString()).isEqualTo("COMPLAINT");
    }

    @Test
    void whenAResultIsSentAgainWithTheSameIdempotencyKeyThenItIsRecordedOnce() {
        // given
        CaseOpened opened = opened(false);
        KafkaProbe.publish(brokers, opened);
        KafkaProbe.publish(brokers, assigned(opened, "A1", "FACILITIES"));
        awaitCase(opened.caseId(), c -> "ASSIGNED".equals(state(c)));

        // when
        String key = UUID.randomUUID().toString();
        ResponseEntity<JsonNode> first = postWithKey("/api/results", result(opened.caseId(), "FACILITIES"), key);
        ResponseEntity<JsonNode> again = postWithKey("/api/results", result(opened.caseId(), "FACILITIES"), key);

        // then
        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getBody().path("results")).hasSize(1);
        assertThat(kafka.awaitEvent(opened.caseId(), CaseResolved.class).envelope().causationId()).isEqualTo(key);
    }

    private static CaseOpened opened(boolean anonymous) {
        String caseId = UUID.randomUUID().toString();
        return new CaseOpened(EventEnvelope.first(caseId, Instant.now(), "intake-service"), "HL-20261123-000042",
                Channel.PHONE, CaseKind.COMPLAINT, "LIVING", "UTILITIES", Urgency.NORMAL, "Heating off", null,
                new CallerProfile(anonymous ? null : "cr-1", anonymous, anonymous ? null : FeedbackChannel.SMS),
                false, "op-1", null, null, null, null, Instant.now(), List.of());
    }

    private static CaseAssigned assigned(CaseOpened opened, String suffix, String department) {
        return new CaseAssigned(EventEnvelope.causedBy(opened.envelope(), Instant.now(), "routing-service"),
                opened.caseId() + "-" + suffix, department, List.of(), opened.kind(), opened.urgency(),
                opened.category(), "r-test", 1, null, 0);
    }

    private static String result(String caseId, String department) {
        return """
                {"caseId":"%s","departmentCode":"%s","summary":"Fixed","measures":"Repaired"}"""
                .formatted(caseId, department);
    }

    private static String state(JsonNode view) {
        return view.path("state").asString();
    }

    private JsonNode awaitCase(String caseId, java.util.function.Predicate<JsonNode> condition) {
        return await().until(() -> {
            ResponseEntity<JsonNode> found = http.get().uri("/api/cases/{id}", caseId).retrieve()
                    .toEntity(JsonNode.class);
            return found.getStatusCode().value() == 200 ? found.getBody() : null;
        }, view -> view != null && condition.test(view));
    }

    private JsonNode getCase(String caseId) {
        return http.get().uri("/api/cases/{id}", caseId).retrieve().body(JsonNode.class);
    }

    private String dueCallbacks() {
        return http.get().uri("/api/callbacks/due").retrieve().body(String.class);
    }

    private <T> ResponseEntity<T> post(String path, String body, Class<T> type) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(type);
    }

    private ResponseEntity<JsonNode> postWithKey(String path, String body, String key) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", key)
                .body(body).retrieve().toEntity(JsonNode.class);
    }

    private static void assertProblem(ResponseEntity<String> response, int status, String detail) {
        assertThat(response.getStatusCode().value()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).hasToString(PROBLEM_JSON);
        assertThat(response.getBody()).contains(detail);
    }
}
