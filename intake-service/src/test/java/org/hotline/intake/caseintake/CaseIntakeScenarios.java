package org.hotline.intake.caseintake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.hotline.events.EventCodec;
import org.hotline.events.Topics;
import org.hotline.events.EventEnvelope;
import org.hotline.events.feedback.CaseClosed;
import org.hotline.events.feedback.CaseOutcome;
import org.hotline.events.feedback.CaseResolved;
import org.hotline.events.feedback.ResolutionOutcome;
import org.hotline.events.intake.CaseOpened;
import org.hotline.testsupport.KafkaProbe;
import org.hotline.testsupport.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scenarios run twice: on an embedded Kafka broker with the MongoDB stand-in
 * ({@link CaseIntakeIT}) and on the real images ({@link CaseIntakeRealImagesIT}).
 */
abstract class CaseIntakeScenarios {

    static final String PHONE = "+86 138 0013 8000";

    @LocalServerPort
    int port;

    @Value("${spring.cloud.stream.kafka.binder.brokers}")
    String brokers;

    @Autowired
    MongoTemplate mongo;

    RestClient http;
    KafkaProbe kafka;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void setUp() {
        http = TestHttp.client(port);
        kafka = new KafkaProbe(brokers, List.of(Topics.CASE_OPENED, Topics.CASE_RESOLVED));
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    static String caseJson(String category, String extra) {
        return """
                {"channel":"PHONE","kind":"COMPLAINT","category":"%s","subCategory":null,"urgency":"NORMAL",
                 "description":"Rubbish not collected for three days",
                 "caller":{"name":"Zhang San","phone":"%s","email":"zhang.san@example.org","organisation":"Acme Dumplings",
                           "anonymous":false,"preferredFeedbackChannel":"SMS"},
                 "location":{"address":"1 Renmin Road","latitude":31.23,"longitude":121.47},
                 "operatorId":"op-007","ringStartedAt":"2026-11-23T01:29:51Z","answeredAt":"2026-11-23T01:29:56Z"%s}
                """.formatted(category, PHONE, extra);
    }

    ResponseEntity<String> post(String body, String idempotencyKey) {
        RestClient.RequestBodySpec request = http.post().uri("/api/cases").contentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.body(body).retrieve().toEntity(String.class);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void whenACaseIsPostedThenCaseOpenedIsPublishedWithCloudEventsHeadersAndNoCallerData(CapturedOutput logs) {
        ResponseEntity<String> response = post(caseJson("PUBLIC_HEALTH", ""), null);

        assertThat(response.getStatusCode().value()).isEqualTo(201);
        JsonNode created = json.readTree(response.getBody());
        String caseId = created.path("caseId").asString();
        assertThat(created.path("trackingNumber").asString()).matches("HL-\\d{8}-\\d{6}");
        assertThat(response.getHeaders().getLocation()).hasToString("/api/cases/" + caseId);

        ConsumerRecord<String, byte[]> record = kafka.await(r -> caseId.equals(r.key()));
        assertThat(record.topic()).isEqualTo(Topics.CASE_OPENED);
        assertThat(KafkaProbe.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(KafkaProbe.header(record, "ce_type")).isEqualTo("org.hotline.case.opened.v1");
        assertThat(KafkaProbe.header(record, "ce_source")).isEqualTo("/hotline/intake-service");
        assertThat(KafkaProbe.header(record, "ce_subject")).isEqualTo(caseId);
        assertThat(KafkaProbe.header(record, "content-type")).isEqualTo("application/json");
        CaseOpened opened = EventCodec.decode(record.value(), CaseOpened.class);
        assertThat(KafkaProbe.header(record, "ce_id")).isEqualTo(opened.eventId().toString());
        assertThat(opened.trackingNumber()).isEqualTo(created.path("trackingNumber").asString());
        assertThat(opened.caller().anonymous()).isFalse();
        assertThat(opened.caller().maskedPhone()).isEqualTo("861****8000");
        assertThat(opened.caller().maskedName()).isEqualTo("Z**** S**");
        assertThat(opened.caller().contact().keyId()).isEqualTo("dev");

        String payload = new String(record.value(), StandardCharsets.UTF_8);
        assertThat(payload).doesNotContain("Zhang San", "138 0013", "13800138000", "zhang.san@example.org",
                "Acme Dumplings");
        String stored = mongo.getCollection("cases").find(new Document("_id", caseId)).first().toJson();
        assertThat(stored).doesNotContain("Zhang San", "138 0013", "13800138000", "zhang.san@example.org",
                "Acme Dumplings");
        assertThat(logs.getAll()).contains(caseId).doesNotContain("Zhang San", "138 0013", "13800138000",
                "zhang.san@example.org", "Acme Dumplings");
    }

    @Test
    void whenTheSameIdempotencyKeyIsRetriedThenTheOriginalCaseIsReturned() {
        ResponseEntity<String> first = post(caseJson("LIVING", ""), "desk-7-call-991");
        ResponseEntity<String> retry = post(caseJson("LIVING", ""), "desk-7-call-991");

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getStatusCode().value()).isEqualTo(200);
        assertThat(json.readTree(retry.getBody()).path("caseId").asString())
                .isEqualTo(json.readTree(first.getBody()).path("caseId").asString());
        assertThat(mongo.getCollection("cases").countDocuments(new Document("idempotencyKey", "desk-7-call-991")))
                .isEqualTo(1);
        // the retry was recorded among the caller's recent calls before its insert was refused, and taken out again
        List<String> recorded = mongo.getCollection("recent_calls").find().into(new java.util.ArrayList<>()).stream()
                .flatMap(calls -> calls.getList("calls", Document.class).stream())
                .map(call -> call.getString("caseId")).toList();
        assertThat(recorded).isNotEmpty();
        assertThat(mongo.getCollection("cases").countDocuments(new Document("_id", new Document("$in", recorded))))
                .isEqualTo(recorded.size());
    }

    @Test
    void whenTheCategoryIsUnknownThenAProblemIsReturnedAndNothingStored() {
        long before = mongo.getCollection("cases").countDocuments();

        ResponseEntity<String> response = post(caseJson("ASTROLOGY", ""), null);

        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(json.readTree(response.getBody()).path("detail").asString()).contains("ASTROLOGY");
        assertThat(mongo.getCollection("cases").countDocuments()).isEqualTo(before);
    }

    @Test
    void whenTheBodyIsInvalidThenTheProblemNamesTheField() {
        ResponseEntity<String> response = post("""
                {"channel":"PHONE","kind":"COMPLAINT","category":"LIVING","urgency":"NORMAL","description":"",
                 "caller":{"anonymous":false}}""", null);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody()).contains("description");
    }

    @Test
    void whenTheBodyIsTooLargeOrNotJsonThenItIsRefusedWithAProblemAndNothingStored() {
        long before = mongo.getCollection("cases").countDocuments();
        String huge = caseJson("LIVING", ",\"attachments\":[\"" + "x".repeat(300 * 1024) + "\"]");

        ResponseEntity<String> tooLarge = post(huge, null);
        ResponseEntity<String> notJson = http.post().uri("/api/cases").contentType(MediaType.TEXT_PLAIN)
                .body("a caller rang about rubbish").retrieve().toEntity(String.class);
        ResponseEntity<String> unknownEnum = post(caseJson("LIVING", "").replace("\"PHONE\"", "\"FAX\""), null);

        assertThat(tooLarge.getStatusCode().value()).isEqualTo(413);
        assertThat(tooLarge.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(notJson.getStatusCode().value()).isEqualTo(415);
        assertThat(notJson.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(unknownEnum.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(unknownEnum.getBody()).path("detail").asString()).contains("channel", "WECHAT");
        assertThat(mongo.getCollection("cases").countDocuments()).isEqualTo(before);
    }

    @Test
    void whenTheInputIsMalformedInAnyWayThenTheAnswerIsAProblemNeverA5xxAndNothingIsStored() {
        long before = mongo.getCollection("cases").countDocuments();
        String valid = caseJson("LIVING", "");
        List<String> bodies = List.of("", "null", "[]", "{", "\"a string\"", "{\"channel\":123}",
                "{\"caller\":\"Zhang San\"}", valid.replace("\"NORMAL\"", "null"),
                valid.replace("31.23", "1e999"), valid.replace("31.23", "\"north\""),
                valid.replace("\"2026-11-23T01:29:51Z\"", "\"yesterday\""),
                valid.replace("\"ringStartedAt\":\"2026-11-23T01:29:51Z\"",
                        "\"ringStartedAt\":\"2026-11-23T02:00:00Z\""),
                valid.replace("\"LIVING\"", "\"" + "X".repeat(100) + "\""), valid.replace("\"LIVING\"", "{}"),
                valid.replace("\"caller\":{", "\"caller\":[{").replace("\"SMS\"},", "\"SMS\"}],"),
                "{\"channel\":\"PHONE\"}".repeat(3), "\u0000\u0001",
                caseJson("LIVING", ",\"attachments\":[\"javascript:alert(1)\"]"));
        for (String body : bodies) {
            ResponseEntity<String> response = post(body, null);
            assertThat(response.getStatusCode().is4xxClientError()).as("%s -> %s", body.length() > 60
                    ? body.substring(0, 60) : body, response.getStatusCode()).isTrue();
            assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        }
        assertThat(mongo.getCollection("cases").countDocuments()).isEqualTo(before);
    }

    @Test
    void whenTheComplaintIsAboutTheHotlineItselfThenItIsMarkedForTheSupervisionGroup() {
        String byCategory = json.readTree(post(caseJson("HOTLINE_SERVICE", ""), null).getBody()).path("caseId")
                .asString();
        String byFlag = json.readTree(post(caseJson("LIVING", ",\"aboutHotlineService\":true"), null).getBody())
                .path("caseId").asString();

        assertThat(kafka.awaitEvent(byCategory, CaseOpened.class).supervisionComplaint()).isTrue();
        assertThat(kafka.awaitEvent(byFlag, CaseOpened.class).supervisionComplaint()).isTrue();
    }

    @Test
    void whenTheCaseIsResolvedAndClosedElsewhereThenTheFrontDeskSeesItInAnyOrder() {
        String inOrder = json.readTree(post(caseJson("LIVING", ""), null).getBody()).path("caseId").asString();
        String reversed = json.readTree(post(caseJson("LIVING", ""), null).getBody()).path("caseId").asString();
        for (String caseId : List.of(inOrder, reversed)) {
            CaseOpened opened = kafka.awaitEvent(caseId, CaseOpened.class);
            Instant resolvedAt = Instant.now();
            CaseResolved resolved = new CaseResolved(EventEnvelope.causedBy(opened.envelope(), resolvedAt,
                    "feedback-service"), "FACILITIES", ResolutionOutcome.RESOLVED, "Boiler repaired", "Pump replaced",
                    null, null, List.of(), null, List.of(), false);
            CaseClosed closed = new CaseClosed(EventEnvelope.causedBy(resolved.envelope(), resolvedAt.plusSeconds(60),
                    "feedback-service"), CaseOutcome.SATISFIED);
            if (caseId.equals(inOrder)) {
                KafkaProbe.publish(brokers, resolved);
                KafkaProbe.publish(brokers, closed);
            }
            else {
                KafkaProbe.publish(brokers, closed);
                KafkaProbe.publish(brokers, resolved);
                KafkaProbe.publish(brokers, resolved);
            }
        }

        for (String caseId : List.of(inOrder, reversed)) {
            org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(json.readTree(http.get()
                    .uri("/api/cases/{id}", caseId).retrieve().body(String.class)).path("status").asString())
                    .isEqualTo("CLOSED"));
        }
    }

    @Test
    void whenAnAnswerIsGivenOnTheSpotThenTheCaseIsOpenedAndResolvedAtOnce() {
        ResponseEntity<String> response = post(caseJson("POLICY", ",\"answer\":\"Leave is 5 working days\""), null);
        String caseId = json.readTree(response.getBody()).path("caseId").asString();

        CaseOpened opened = kafka.awaitEvent(caseId, CaseOpened.class);
        CaseResolved resolved = kafka.awaitEvent(caseId, CaseResolved.class);
        assertThat(resolved.onTheSpot()).isTrue();
        assertThat(resolved.summary()).isEqualTo("Leave is 5 working days");
        assertThat(resolved.envelope().causationId()).isEqualTo(opened.eventId().toString());
        assertThat(json.readTree(http.get().uri("/api/cases/" + caseId).retrieve().body(String.class))
                .path("status").asString()).isEqualTo("RESOLVED_ON_THE_SPOT");
    }

    @Test
    void whenTheSameCallerCallsAgainThenTheEarlierCaseIsFoundByPhoneAndFlagged() {
        String first = json.readTree(post(caseJson("WORK", ""), null).getBody()).path("caseId").asString();
        String second = json.readTree(post(caseJson("WORK", ""), null).getBody()).path("caseId").asString();

        JsonNode found = json.readTree(http.get().uri("/api/cases?phone={phone}", "+8613800138000").retrieve()
                .body(String.class));
        assertThat(found.findValuesAsString("caseId")).contains(first, second);
        CaseOpened opened = kafka.awaitEvent(second, CaseOpened.class);
        assertThat(opened.possibleDuplicateOf()).contains(first);
        String otherCategory = json.readTree(post(caseJson("POLICY", ""), null).getBody()).path("caseId").asString();
        assertThat(kafka.awaitEvent(otherCategory, CaseOpened.class).possibleDuplicateOf()).doesNotContain(first,
                second);
        String third = json.readTree(post(caseJson("WORK", ""), null).getBody()).path("caseId").asString();
        assertThat(kafka.awaitEvent(third, CaseOpened.class).possibleDuplicateOf()).contains(first, second)
                .doesNotContain(otherCategory);
    }

    @Test
    void theCaseLookupsOfEveryPostAreByUniqueIndexes() {
        // the stand-in, like MongoDB, finds a document by a field without reading them all only through an index,
        // and the stand-in only keeps unique ones: a POST looks cases up by Idempotency-Key and tracking number
        List<Document> indexes = mongo.getCollection("cases").listIndexes().into(new java.util.ArrayList<>());
        for (String field : List.of("trackingNumber", "idempotencyKey")) {
            assertThat(indexes).filteredOn(index -> index.get("key", Document.class).keySet().equals(Set.of(field)))
                    .singleElement().satisfies(index -> assertThat(index.getBoolean("unique")).isTrue());
        }
    }

    @Test
    void whenACaseIsUnknownThenNotFoundIsAProblem() {
        ResponseEntity<String> response = http.get().uri("/api/cases/nope").retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(json.readTree(response.getBody()).path("status").asInt()).isEqualTo(404);
    }
}
