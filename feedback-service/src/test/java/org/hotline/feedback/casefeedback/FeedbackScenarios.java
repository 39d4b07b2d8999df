package org.hotline.feedback.casefeedback;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.hotline.events.CaseKind;
import org.hotline.events.Channel;
import org.hotline.events.CloudEventHeaders;
import org.hotline.events.EventCodec;
import org.hotline.events.EventEnvelope;
import org.hotline.events.EventType;
import org.hotline.events.FeedbackChannel;
import org.hotline.events.HotlineEvent;
import org.hotline.events.Satisfaction;
import org.hotline.events.Topics;
import org.hotline.events.Urgency;
import org.hotline.events.feedback.CallbackCompleted;
import org.hotline.events.feedback.CaseClosed;
import org.hotline.events.feedback.CaseOutcome;
import org.hotline.events.feedback.CaseReopened;
import org.hotline.events.feedback.CaseResolved;
import org.hotline.events.feedback.FeedbackDelivered;
import org.hotline.events.feedback.ResolutionOutcome;
import org.hotline.events.intake.CallerProfile;
import org.hotline.events.intake.CaseOpened;
import org.hotline.events.intake.SealedContact;
import org.hotline.events.routing.AssignedDepartment;
import org.hotline.events.routing.CaseAssigned;
import org.hotline.events.routing.Deadlines;
import org.hotline.events.routing.DepartmentRole;
import org.hotline.feedback.delivery.DeliveryProperties;
import org.hotline.feedback.delivery.FeedbackSender;
import org.hotline.feedback.lifecycle.CaseState;
import org.hotline.feedback.lifecycle.ResultReport;
import org.hotline.feedback.privacy.ContactKeys;
import org.hotline.testsupport.EndpointSecurity;
import org.hotline.testsupport.KafkaProbe;
import org.hotline.testsupport.TestHttp;
import org.hotline.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;

/**
 * Scenarios run twice: on an embedded Kafka broker with the MongoDB stand-in ({@link FeedbackIT}) and on the real
 * images ({@link FeedbackRealImagesIT}). The SMS gateway is a WireMock stub and the SMTP server GreenMail, both in
 * this JVM; each case has its own caller phone and e-mail, so scenarios never see each other's messages.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class FeedbackScenarios {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String KEY_ID = "test";
    private static final KeyPair KEYS = keyPair();
    static final WireMockServer SMS = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SMS.start();
        SMTP.start();
    }

    @DynamicPropertySource
    static void gateways(DynamicPropertyRegistry registry) {
        registry.add("hotline.privacy.private-keys." + KEY_ID,
                () -> Base64.getEncoder().encodeToString(KEYS.getPrivate().getEncoded()));
        registry.add("hotline.feedback.delivery.sms.mode", () -> "HTTP");
        registry.add("hotline.feedback.delivery.sms.url", () -> SMS.baseUrl() + "/sms");
        registry.add("hotline.feedback.delivery-interval", () -> "200ms");
        // runs take up the cases this instance made due; the scan for others' only when a test moves the clock
        registry.add("hotline.feedback.scan-interval", () -> "1h");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        for (String gateway : List.of("sms", "mail")) {
            registry.add("resilience4j.retry.instances." + gateway + ".wait-duration", () -> "20ms");
            // the circuit breaker's opening and closing is FeedbackSenderTests' subject: here it stays closed
            registry.add("resilience4j.circuitbreaker.instances." + gateway + ".sliding-window-size", () -> "1000");
            registry.add("resilience4j.circuitbreaker.instances." + gateway + ".minimum-number-of-calls",
                    () -> "1000");
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext applicationContext;

    @Value("${spring.cloud.stream.kafka.binder.brokers}")
    String brokers;

    @Autowired
    MovableClock clock;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    FeedbackCaseRepository cases;

    @Autowired
    FeedbackService feedback;

    @Autowired
    FeedbackProperties properties;

    @Autowired
    FeedbackSender sender;

    @Autowired
    ContactKeys contactKeys;

    @Autowired
    DeliveryProperties deliveryProperties;

    @Autowired
    StoreCommands storeCommands;

    RestClient http;
    KafkaProbe kafka;

    /** A caller with their own phone number and e-mail address. */
    record Caller(String name, String phone, String email) {

        static Caller fresh() {
            String digits = String.valueOf(ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L));
            return new Caller("Wang Wu", "139" + digits, "caller" + digits + "@example.org");
        }
    }

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
    void whenAnyEndpointIsCalledWithoutAValidTokenOrRoleThenItIsRefused() {
        EndpointSecurity.assertTokensAndRolesAreRequired(applicationContext, port, List.of());
    }

    @Test
    void whenCallersLackATokenTheRoleOrTheDepartmentThenTheyAreRefusedAndOtherDepartmentsSeeNothing() {
        Caller caller = Caller.fresh();
        CaseOpened opened = opened(caller, FeedbackChannel.PHONE);
        KafkaProbe.publish(brokers, opened);
        KafkaProbe.publish(brokers, assigned(opened, 0, "FACILITIES"));
        awaitCase(opened.caseId(), c -> "ASSIGNED".equals(state(c)));
        RestClient facilities = TestHttp.client(port, TestTokens.token("dept-facilities", "FACILITIES",
                "DEPARTMENT"));
        RestClient logistics = TestHttp.client(port, TestTokens.token("dept-logistics", "LOGISTICS", "DEPARTMENT"));
        String result = """
                {"outcome":"RESOLVED","summary":"Boiler repaired","measures":"Pump replaced"}""";

        assertThat(TestHttp.client(port, null).get().uri("/api/callbacks/due").retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(401);
        assertThat(facilities.get().uri("/api/callbacks/due").retrieve().toBodilessEntity().getStatusCode()
                .value()).isEqualTo(403);
        assertThat(TestHttp.client(port, TestTokens.token("analyst-1", null, "ANALYST")).get()
                .uri("/api/cases/{id}", opened.caseId()).retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(403);
        // another department: the case does not exist for it, whatever department it names
        assertThat(logistics.get().uri("/api/cases/{id}", opened.caseId()).retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(404);
        assertThat(logistics.post().uri("/api/cases/{id}/resolution", opened.caseId()).header("X-Department",
                "FACILITIES").contentType(MediaType.APPLICATION_JSON).body(result).retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(404);
        // its own department reports without naming itself: the token does
        assertThat(facilities.get().uri("/api/cases/{id}", opened.caseId()).retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(200);
        assertThat(facilities.post().uri("/api/cases/{id}/resolution", opened.caseId())
                .contentType(MediaType.APPLICATION_JSON).body(result).retrieve().toBodilessEntity().getStatusCode()
                .value()).isEqualTo(201);
    }

    @Test
    void whenTheDepartmentReportsThenTheCallerGetsAnSmsAndOnceSatisfiedTheCaseCloses() {
        // given
        Caller caller = Caller.fresh();
        smsGatewayAnswers(caller, 200);
        CaseOpened opened = opened(caller, FeedbackChannel.SMS);
        KafkaProbe.publish(brokers, opened);
        KafkaProbe.publish(brokers, assigned(opened, 0, "FACILITIES"));
        awaitCase(opened.caseId(), c -> "ASSIGNED".equals(state(c)) && c.path("trackingNumber").isString());

        // when the department reports its result (first version of the API: no outcome means RESOLVED)
        ResponseEntity<JsonNode> result = post("/api/results", """
                {"caseId":"%s","departmentCode":"FACILITIES","summary":"Boiler repaired","measures":"Pump replaced"}
                """.formatted(opened.caseId()), JsonNode.class);

        // then it is resolved and announced
        assertThat(result.getStatusCode().value()).isEqualTo(201);
        assertThat(result.getHeaders().getLocation()).hasToString("/api/cases/" + opened.caseId());
        ConsumerRecord<String, byte[]> record = kafka.await(r -> opened.caseId().equals(r.key())
                && EventType.of(CaseResolved.class).cloudEventType().equals(KafkaProbe.header(r,
                        CloudEventHeaders.TYPE)));
        CaseResolved resolved = EventCodec.decode(record.value(), CaseResolved.class);
        assertThat(resolved.outcome()).isEqualTo(ResolutionOutcome.RESOLVED);
        assertThat(resolved.departmentCode()).isEqualTo("FACILITIES");
        assertThat(resolved.onTheSpot()).isFalse();
        assertThat(KafkaProbe.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/hotline/feedback-service");
        assertThat(KafkaProbe.header(record, CloudEventHeaders.CORRELATION_ID))
                .isEqualTo(opened.envelope().correlationId());

        // and the caller hears the result by SMS, from the Chinese template
        FeedbackDelivered delivered = kafka.awaitEvent(opened.caseId(), FeedbackDelivered.class);
        assertThat(delivered.channel()).isEqualTo(FeedbackChannel.SMS);
        assertThat(delivered.deliveredBy()).isEqualTo("sms");
        assertThat(delivered.attempts()).isEqualTo(1);
        SMS.verify(1, postRequestedFor(urlEqualTo("/sms"))
                .withRequestBody(matchingJsonPath("$.to", WireMock.equalTo(caller.phone())))
                .withRequestBody(matchingJsonPath("$.text", WireMock.containing("Boiler repaired"))));
        assertThat(dueCallbacks()).contains(opened.caseId());

        // when the caller is satisfied at the callback
        ResponseEntity<JsonNode> called = post("/api/cases/" + opened.caseId() + "/callback", """
                {"reached":true,"satisfaction":"SATISFIED","score":5,"comment":"Warm again","operatorId":"op-3"}""",
                JsonNode.class);

        // then
        assertThat(called.getStatusCode().value()).isEqualTo(201);
        assertThat(state(called.getBody())).isEqualTo("CLOSED");
        CallbackCompleted completed = kafka.awaitEvent(opened.caseId(), CallbackCompleted.class);
        assertThat(completed.reached()).isTrue();
        assertThat(completed.satisfaction()).isEqualTo(Satisfaction.SATISFIED);
        assertThat(completed.score()).isEqualTo(5);
        assertThat(completed.attempt()).isEqualTo(1);
        CaseClosed closed = kafka.awaitEvent(opened.caseId(), CaseClosed.class);
        assertThat(closed.outcome()).isEqualTo(CaseOutcome.SATISFIED);
        assertThat(closed.envelope().causationId()).isEqualTo(completed.eventId().toString());
        assertThat(dueCallbacks()).doesNotContain(opened.caseId());
    }

    @Test
    void whenTheSmsGatewayFailsThenTheResultGoesByEmailAndNoCallerDataIsStoredOrLogged(CapturedOutput output)
            throws Exception {
        // given
        Caller caller = Caller.fresh();
        smsGatewayAnswers(caller, 503);
        CaseOpened opened = opened(caller, FeedbackChannel.SMS);
        KafkaProbe.publish(brokers, opened);
        KafkaProbe.publish(brokers, assigned(opened, 0, "FACILITIES"));
        awaitCase(opened.caseId(), c -> "ASSIGNED".equals(state(c)) && c.path("trackingNumber").isString());

        // when the department reports on the case's own resolution path, naming itself in the header
        ResponseEntity<JsonNode> result = http.post().uri("/api/cases/{id}/resolution", opened.caseId())
                .header("X-Department", "FACILITIES").contentType(MediaType.APPLICATION_JSON).body("""
                        {"outcome":"PARTIALLY_RESOLVED","summary":"Two of three lamps fixed","measures":"New bulbs",
                         "attachments":["https://files.example.org/lamps.jpg"]}""")
                .retrieve().toEntity(JsonNode.class);

        // then three SMS attempts fail and the e-mail goes out
        assertThat(result.getStatusCode().value()).isEqualTo(201);
        FeedbackDelivered delivered = kafka.awaitEvent(opened.caseId(), FeedbackDelivered.class);
        assertThat(delivered.channel()).isEqualTo(FeedbackChannel.EMAIL);
        assertThat(delivered.deliveredBy()).isEqualTo("mail");
        assertThat(delivered.attempts()).isEqualTo(4);
        MimeMessage mail = await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(caller.email()),
                found -> found != null);
        assertThat(mail.getSubject()).contains(opened.trackingNumber());
        assertThat(mail.getContent()).asString().contains("已部分解決", "Two of three lamps fixed", "New bulbs");

        // and every attempt is on record, without caller data; neither the case nor the logs hold any
        JsonNode attempts = http.get().uri("/api/cases/{id}/feedback/attempts", opened.caseId()).retrieve()
                .body(JsonNode.class);
        assertThat(attempts.findValuesAsString("outcome")).containsExactly("FAILED", "FAILED", "FAILED",
                "DELIVERED");
        assertThat(attempts.findValuesAsString("channel")).containsExactly("SMS", "SMS", "SMS", "EMAIL");
        assertThat(attempts.findValuesAsString("failure")).contains("HTTP 503");
        List<String> stored = new ArrayList<>();
        mongo.getCollection("feedback_attempts").find(new Document("caseId", opened.caseId()))
                .forEach(d -> stored.add(d.toJson()));
        stored.add(mongo.getCollection("feedback_cases").find(new Document("_id", opened.caseId())).first().toJson());
        assertThat(String.join("\n", stored)).doesNotContain(caller.phone(), caller.email(), caller.name());
        assertThat(output.getAll().lines().filter(line -> !line.contains("icegreen")).toList())
                .anyMatch(line -> line.contains(opened.caseId()))
                .noneMatch(line -> line.contains(caller.phone()) || line.contains(caller.email())
                        || line.contains(caller.name()));
    }

    @Test
    void whenNoGatewayCanReachTheCallerThenTheCaseIsOnTheWorklistUntilAnOperatorReplies() {
        // given a caller without e-mail whose SMS fail, and one who prefers a phone call
        Caller noEmail = new Caller("Zhao Liu", Caller.fresh().phone(), null);
        smsGatewayAnswers(noEmail, 503);
        CaseOpened failing = opened(noEmail, FeedbackChannel.SMS);
        CaseOpened byPhone = opened(Caller.fresh(), FeedbackChannel.PHONE);
        for (CaseOpened opened : List.of(failing, byPhone)) {
            KafkaProbe.publish(brokers, opened);
            KafkaProbe.publish(brokers, assigned(opened, 0, "FACILITIES"));
            awaitCase(opened.caseId(), c -> "ASSIGNED".equals(state(c)) && c.path("trackingNumber").isString());

            // when
            assertThat(post("/api/results", result(opened.caseId(), "FACILITIES"), String.class).getStatusCode()
                    .value()).isEqualTo(201);
        }

        // then both wait on the operators' worklist, with the reason
        JsonNode worklist = await().atMost(Duration.ofSeconds(30)).until(
                () -> http.get().uri("/api/feedback/worklist").retrieve().body(JsonNode.class),
                list -> list.findValuesAsString("caseId").containsAll(List.of(failing.caseId(), byPhone.caseId())));
        assertThat(task(worklist, failing.caseId()).path("note").asString()).contains("every automatic channel");
        assertThat(task(worklist, failing.caseId()).path("attempts").asInt()).isEqualTo(3);
        assertThat(task(worklist, byPhone.caseId()).path("note").asString()).contains("PHONE");
        assertThat(task(worklist, byPhone.caseId()).path("maskedPhone").asString()).contains("****");

        // when an operator phones the caller and records it
        // (who delivered it is the operator's token subject)
        ResponseEntity<JsonNode> recorded = TestHttp.client(port, TestTokens.token("op-9", null, "OPERATOR")).post()
                .uri("/api/cases/" + failing.caseId() + "/feedback").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"channel":"PHONE"}""").retrieve().toEntity(JsonNode.class);

        // then
        assertThat(recorded.getStatusCode().value()).isEqualTo(201);
        assertThat(state(recorded.getBody())).isEqualTo("FEEDBACK_DELIVERED");
        FeedbackDelivered delivered = kafka.awaitEvent(failing.caseId(), FeedbackDelivered.class);
        assertThat(delivered.channel()).isEqualTo(FeedbackChannel.PHONE);
        assertThat(delivered.deliveredBy()).isEqualTo("op-9");
        assertThat(delivered.attempts()).isEqualTo(4);
        assertThat(http.get().uri("/api/feedback/worklist").retrieve().body(String.class))
                .doesNotContain(failing.caseId());
        assertProblem(post("/api/cases/" + failing.caseId() + "/feedback", """
                {"channel":"PHONE","operatorId":"op-9"}""", String.class), 409, "already");
    }

    @Test
    void whenAComplexCaseIsConsolidatedThenASupervisorReviewsItBeforeItIsResolved() {
        // given a lead and an assisting department
        Caller caller = Caller.fresh();
        smsGatewayAnswers(caller, 200);
        CaseOpened opened = opened(caller, FeedbackChannel.SMS);
        KafkaProbe.publish(brokers, opened);
        KafkaProbe.publish(brokers, assigned(opened, 0, "HOUSING", "POLICE"));
        awaitCase(opened.caseId(), c -> "ASSIGNED".equals(state(c)) && c.path("assistingDepartments").size() == 1);
        String resolution = "/api/cases/" + opened.caseId() + "/resolution";
        String lead = """
                {"departmentCode":"HOUSING","outcome":"RESOLVED","summary":"Night market moved","measures":"Patrols"}""";

        // when / then: the lead cannot report before the assistant contributed; only the assistant contributes
        assertProblem(post(resolution, lead, String.class), 409, "POLICE");
        assertProblem(post("/api/cases/" + opened.caseId() + "/contributions", """
                {"departmentCode":"SANITATION","summary":"Swept"}""", String.class), 422, "assisting");
        assertThat(post("/api/cases/" + opened.caseId() + "/contributions", """
                {"departmentCode":"POLICE","summary":"Evening patrols for a month"}""", String.class)
                .getStatusCode().value()).isEqualTo(201);

        // when the lead consolidates, the supervisor returns it once, then approves it
        assertThat(state(post(resolution, lead, JsonNode.class).getBody())).isEqualTo("IN_REVIEW");
        assertThat(TestHttp.client(port, TestTokens.token("dept-market", "MARKET", "DEPARTMENT")).post()
                .uri(resolution + "/approve").contentType(MediaType.APPLICATION_JSON).body("{}").retrieve()
                .toBodilessEntity().getStatusCode().value()).as("only a supervisor approves").isEqualTo(403);
        ResponseEntity<JsonNode> returned = post(resolution + "/return", """
                {"supervisorId":"sup-1","reason":"Say where the market went"}""", JsonNode.class);
        assertThat(state(returned.getBody())).isEqualTo("ASSIGNED");
        assertThat(returned.getBody().path("results")).isEmpty();
        assertThat(state(post(resolution, lead, JsonNode.class).getBody())).isEqualTo("IN_REVIEW");
        // the supervisor is named by the token
        ResponseEntity<JsonNode> approved = TestHttp.client(port, TestTokens.token("sup-1", null, "SUPERVISOR"))
                .post().uri(resolution + "/approve").contentType(MediaType.APPLICATION_JSON).body("{}").retrieve()
                .toEntity(JsonNode.class);

        // then one result, approved, consolidating the assistant's part
        assertThat(approved.getStatusCode().value()).isEqualTo(201);
        assertThat(state(approved.getBody())).isEqualTo("RESOLVED");
        assertThat(approved.getBody().path("reviews").findValuesAsString("supervisorId")).hasSize(2);
        CaseResolved resolved = kafka.awaitEvent(opened.caseId(), CaseResolved.class);
        assertThat(resolved.departmentCode()).isEqualTo("HOUSING");
        assertThat(resolved.contributingDepartments()).containsExactly("POLICE");
        assertThat(resolved.approvedBy()).isEqualTo("sup-1");
        assertThat(kafka.awaitEvent(opened.caseId(), FeedbackDelivered.class).channel())
                .isEqualTo(FeedbackChannel.SMS);
    }

    @Test
    void whenTheCallerIsDissatisfiedThenTheCaseGoesBackAndPastTheLimitToASupervisorWhoClosesIt() {
        // given
        Caller caller = Caller.fresh();
        smsGatewayAnswers(caller, 200);
        CaseOpened opened = opened(caller, FeedbackChannel.SMS);
        KafkaProbe.publish(brokers, opened);
        KafkaProbe.publish(brokers, assigned(opened, 0, "HOUSING"));
        awaitCase(opened.caseId(), c -> "ASSIGNED".equals(state(c)) && c.path("trackingNumber").isString());
        String callback = "/api/cases/" + opened.caseId() + "/callback";

        // when the caller is dissatisfied three times (the reopen limit is 2)
        for (int round = 1; round <= 3; round++) {
            assertThat(post("/api/results", result(opened.caseId(), "HOUSING"), String.class).getStatusCode()
                    .value()).isEqualTo(201);
            // the first round through the first API, with its old name for DISSATISFIED
            ResponseEntity<JsonNode> called = round == 1 ? post("/api/callbacks", """
                    {"caseId":"%s","satisfaction":"UNSATISFIED","comment":"The leak is back","operatorId":"op-3"}"""
                    .formatted(opened.caseId()), JsonNode.class) : post(callback, """
                    {"satisfaction":"DISSATISFIED","score":1,"comment":"The leak is back","operatorId":"op-3"}""",
                    JsonNode.class);
            assertThat(called.getStatusCode().value()).isEqualTo(201);
            assertThat(state(called.getBody())).isEqualTo(round < 3 ? "REOPENED" : "WITH_SUPERVISOR");
        }

        // then twice back to the department, the third time to a supervisor
        List<CaseReopened> reopened = events(opened.caseId(), CaseReopened.class, 3);
        assertThat(reopened).extracting(CaseReopened::reopenCount).containsExactly(1, 2, 3);
        assertThat(reopened).extracting(CaseReopened::toSupervisor).containsExactly(false, false, true);
        assertThat(reopened).extracting(CaseReopened::departmentCode).containsOnly("HOUSING");
        assertThat(reopened).extracting(CaseReopened::reason).containsOnly("The leak is back");
        assertProblem(post("/api/results", result(opened.caseId(), "HOUSING"), String.class), 409, "supervisor");

        // when the supervisor explains why the demand cannot be met
        ResponseEntity<JsonNode> closed = post("/api/cases/" + opened.caseId() + "/close", """
                {"supervisorId":"sup-2","explanation":"The pipe is the owner's; repair subsidy offered"}""",
                JsonNode.class);

        // then
        assertThat(closed.getStatusCode().value()).isEqualTo(201);
        assertThat(kafka.awaitEvent(opened.caseId(), CaseClosed.class).outcome()).isEqualTo(CaseOutcome.EXPLAINED);
    }

    @Test
    void whenTheCallerIsNotReachedOnThreeDifferentDaysThenTheCaseClosesUnreachable() {
        // given a resolved case
        Caller caller = Caller.fresh();
        smsGatewayAnswers(caller, 200);
        CaseOpened opened = opened(caller, FeedbackChannel.SMS);
        KafkaProbe.publish(brokers, opened);
        KafkaProbe.publish(brokers, assigned(opened, 0, "HOUSING"));
        awaitCase(opened.caseId(), c -> "ASSIGNED".equals(state(c)) && c.path("trackingNumber").isString());
        post("/api/results", result(opened.caseId(), "HOUSING"), String.class);
        String callback = "/api/cases/" + opened.caseId() + "/callback";
        String notReached = """
                {"reached":false,"operatorId":"op-3"}""";

        // when not reached twice on the first day: the second try does not count, and it is not due again today
        post(callback, notReached, String.class);
        assertThat(state(post(callback, notReached, JsonNode.class).getBody())).isIn("RESOLVED", "FEEDBACK_DELIVERED");
        assertThat(dueCallbacks()).doesNotContain(opened.caseId());

        // when not reached on the second day either
        clock.advance(Duration.ofDays(1));
        assertThat(dueCallbacks()).contains(opened.caseId());
        assertThat(state(post(callback, notReached, JsonNode.class).getBody())).isNotEqualTo("CLOSED");

        // when not reached on the third day
        clock.advance(Duration.ofDays(1));
        ResponseEntity<JsonNode> last = post(callback, notReached, JsonNode.class);

        // then
        assertThat(state(last.getBody())).isEqualTo("CLOSED");
        assertThat(kafka.awaitEvent(opened.caseId(), CaseClosed.class).outcome()).isEqualTo(CaseOutcome.UNREACHABLE);
        assertThat(events(opened.caseId(), CallbackCompleted.class, 4)).extracting(CallbackCompleted::attempt)
                .containsExactly(1, 2, 3, 4);
    }

    @Test
    void whenAnActionDoesNotFitTheCaseThenItIsRefusedWithProblemDetails() {
        // given
        CaseOpened opened = opened(Caller.fresh(), FeedbackChannel.PHONE);
        KafkaProbe.publish(brokers, opened);
        awaitCase(opened.caseId(), c -> "OPEN".equals(state(c)));

        // when / then: nothing to feed back yet, and no department to report
        assertProblem(post("/api/feedback", """
                {"caseId":"%s","operatorId":"op-2"}""".formatted(opened.caseId()), String.class), 409, "not resolved");
        assertProblem(post("/api/results", result(opened.caseId(), "FACILITIES"), String.class), 409,
                "not been assigned");

        KafkaProbe.publish(brokers, assigned(opened, 0, "FACILITIES"));
        awaitCase(opened.caseId(), c -> "ASSIGNED".equals(state(c)));
        String resolution = "/api/cases/" + opened.caseId() + "/resolution";

        // when / then: unknown case, another department, missing or contradictory fields
        assertProblem(post("/api/results", result(UUID.randomUUID().toString(), "FACILITIES"), String.class), 404,
                "No case");
        assertProblem(post("/api/results", result(opened.caseId(), "HOUSING"), String.class), 422, "lead department");
        assertProblem(post(resolution, """
                {"departmentCode":"FACILITIES","outcome":"RESOLVED","summary":"  "}""", String.class), 400, "summary");
        assertProblem(post(resolution, """
                {"departmentCode":"FACILITIES","outcome":"CANNOT_RESOLVE","summary":"No","alternativeOffered":"x"}""",
                String.class), 400, "reason");
        assertProblem(post(resolution, """
                {"departmentCode":"FACILITIES","outcome":"CANNOT_RESOLVE","summary":"No","reason":"Private"}""",
                String.class), 400, "alternativeOffered");
        assertProblem(post(resolution, """
                {"departmentCode":"FACILITIES","outcome":"SUGGESTION_NOT_ADOPTED","summary":"No"}""", String.class),
                400, "reason");
        assertProblem(post(resolution, """
                {"departmentCode":"FACILITIES","outcome":"RESOLVED","summary":"Done","attachments":["ftp://x/y"]}""",
                String.class), 400, "attachments[0]");
        assertProblem(post(resolution, """
                {"outcome":"RESOLVED","summary":"Done"}""", String.class), 400, "X-Department");
        assertProblem(http.post().uri(resolution).header("X-Department", "HOUSING")
                .contentType(MediaType.APPLICATION_JSON).body("""
                        {"departmentCode":"FACILITIES","outcome":"RESOLVED","summary":"Done"}""")
                .retrieve().toEntity(String.class), 400, "differs");
        assertProblem(post(resolution, """
                {"departmentCode":"FACILITIES","outcome":"FIXED","summary":"Done"}""", String.class), 400,
                "CANNOT_RESOLVE");
        assertProblem(post("/api/callbacks", """
                {"caseId":"%s","satisfaction":"HAPPY","operatorId":"op-3"}""".formatted(opened.caseId()),
                String.class), 400, "SATISFIED");

        // when / then: a result, then a second one; a callback without what displeased the caller
        assertThat(post("/api/results", result(opened.caseId(), "FACILITIES"), String.class).getStatusCode().value())
                .isEqualTo(201);
        assertProblem(post("/api/results", result(opened.caseId(), "FACILITIES"), String.class), 409,
                "already resolved");
        assertProblem(post("/api/cases/" + opened.caseId() + "/callback", """
                {"satisfaction":"DISSATISFIED","operatorId":"op-3"}""", String.class), 400, "comment");
        assertProblem(post("/api/cases/" + opened.caseId() + "/callback", """
                {"satisfaction":"SATISFIED","score":9,"operatorId":"op-3"}""", String.class), 400, "score");
        assertProblem(post("/api/cases/" + opened.caseId() + "/close", """
                {"supervisorId":"sup-1","explanation":"x"}""", String.class), 409, "supervisor");
        assertProblem(http.get().uri("/api/cases/{id}", UUID.randomUUID()).retrieve().toEntity(String.class), 404,
                "No case");
    }

    @Test
    void whenTheCallerIsAnonymousThenTheResolvedCaseClosesWithoutFeedbackOrCallback() {
        // given a case answered on the spot for an anonymous caller, the answer arriving first
        CaseOpened opened = anonymous();
        KafkaProbe.publish(brokers, onTheSpot(opened));
        KafkaProbe.publish(brokers, opened);

        // then
        JsonNode closed = awaitCase(opened.caseId(), c -> "CLOSED".equals(state(c)));
        assertThat(closed.path("outcome").asString()).isEqualTo("ANONYMOUS");
        assertThat(closed.path("feedbackStatus").asString()).isEqualTo("NOT_NEEDED");
        assertThat(kafka.awaitEvent(opened.caseId(), CaseClosed.class).outcome()).isEqualTo(CaseOutcome.ANONYMOUS);
        assertProblem(post("/api/cases/" + opened.caseId() + "/callback", """
                {"satisfaction":"SATISFIED","operatorId":"op-3"}""", String.class), 409, "anonymously");
        assertThat(dueCallbacks()).doesNotContain(opened.caseId());
    }

    @Test
    void whenAnsweredOnTheSpotThenNothingIsSentAndTheCallbackClosesTheCase() {
        // given
        Caller caller = Caller.fresh();
        CaseOpened opened = opened(caller, FeedbackChannel.SMS);
        KafkaProbe.publish(brokers, opened);
        KafkaProbe.publish(brokers, onTheSpot(opened));
        JsonNode resolved = awaitCase(opened.caseId(),
                c -> "RESOLVED".equals(state(c)) && c.path("trackingNumber").isString());
        assertThat(resolved.path("feedbackStatus").asString()).isEqualTo("NOT_NEEDED");
        assertThat(resolved.path("results").get(0).path("onTheSpot").asBoolean()).isTrue();

        // when not reached first (the first API's NOT_REACHED), then reached
        ResponseEntity<JsonNode> notReached = post("/api/callbacks", """
                {"caseId":"%s","satisfaction":"NOT_REACHED","operatorId":"op-3"}""".formatted(opened.caseId()),
                JsonNode.class);
        assertThat(notReached.getStatusCode().value()).isEqualTo(201);
        assertThat(state(notReached.getBody())).isEqualTo("RESOLVED");
        assertThat(notReached.getBody().path("callbacks").get(0).path("reached").asBoolean()).isFalse();
        ResponseEntity<JsonNode> called = post("/api/callbacks", """
                {"caseId":"%s","satisfaction":"BASICALLY_SATISFIED","operatorId":"op-3"}""".formatted(opened.caseId()),
                JsonNode.class);

        // then
        assertThat(called.getStatusCode().value()).isEqualTo(201);
        assertThat(kafka.awaitEvent(opened.caseId(), CaseClosed.class).outcome()).isEqualTo(CaseOutcome.SATISFIED);
        SMS.verify(0, postRequestedFor(urlEqualTo("/sms")).withRequestBody(matchingJsonPath("$.to",
                WireMock.equalTo(caller.phone()))));
    }

    @Test
    void whenAssignmentsArriveTwiceAndOutOfOrderThenTheNewestOneIsInCharge() {
        // given
        CaseOpened opened = opened(Caller.fresh(), FeedbackChannel.PHONE);
        CaseAssigned first = assigned(opened, 0, "FACILITIES");
        CaseAssigned reassigned = assigned(opened, 60, "HOUSING");

        // when the re-assignment comes first, then the older assignment twice, and the opening last
        KafkaProbe.publish(brokers, reassigned);
        awaitCase(opened.caseId(), c -> "HOUSING".equals(c.path("departmentCode").asString()));
        KafkaProbe.publish(brokers, first);
        KafkaProbe.publish(brokers, first);
        awaitCase(opened.caseId(), c -> c.path("assignments").size() == 2);
        KafkaProbe.publish(brokers, opened);

        // then
        JsonNode c = awaitCase(opened.caseId(), view -> view.path("trackingNumber").isString());
        assertThat(state(c)).isEqualTo("ASSIGNED");
        assertThat(c.path("departmentCode").asString()).isEqualTo("HOUSING");
        assertThat(c.path("assignmentId").asString()).isEqualTo(reassigned.assignmentId());
        assertThat(c.path("replyBy").asString()).isNotBlank();
        assertThat(c.path("caller").path("maskedPhone").asString()).contains("****");
        assertThat(c.path("kind").asString()).isEqualTo("COMPLAINT");
    }

    @Test
    void whenCaseEventsAreHandledThenEachCostsAsFewStoreRoundTripsAsItNeeds() {
        // given two cases, one whose events come in order and one whose assignment comes first
        Map<String, StoreCommands.RoundTrips> roundTrips = new LinkedHashMap<>();
        CaseOpened opened = opened(Caller.fresh(), FeedbackChannel.SMS);
        CaseAssigned assigned = assigned(opened, 0, "FACILITIES");
        CaseOpened openedLate = opened(Caller.fresh(), FeedbackChannel.SMS);
        CaseOpened answered = opened(Caller.fresh(), FeedbackChannel.SMS);

        // when each event is handled (twice: the second delivery is a duplicate)
        roundTrips.put("CaseOpened", handled(opened.caseId(), () -> feedback.opened(opened)));
        roundTrips.put("CaseOpened again", handled(opened.caseId(), () -> feedback.opened(opened)));
        roundTrips.put("CaseAssigned", handled(opened.caseId(), () -> feedback.assigned(assigned)));
        roundTrips.put("CaseAssigned again", handled(opened.caseId(), () -> feedback.assigned(assigned)));
        roundTrips.put("CaseResolved by this desk", handled(opened.caseId(), () -> feedback.resolved(
                new CaseResolved(EventEnvelope.causedBy(assigned.envelope(), Instant.now(), FeedbackCase.SOURCE),
                        "FACILITIES", ResolutionOutcome.RESOLVED, "Fixed", null, null, null, null, null, null,
                        false))));
        roundTrips.put("CaseAssigned before CaseOpened", handled(openedLate.caseId(),
                () -> feedback.assigned(assigned(openedLate, 0, "HOUSING"))));
        roundTrips.put("CaseOpened after CaseAssigned", handled(openedLate.caseId(),
                () -> feedback.opened(openedLate)));
        feedback.opened(answered);
        roundTrips.put("CaseResolved on the spot", handled(answered.caseId(),
                () -> feedback.resolved(onTheSpot(answered))));

        // then
        assertThat(roundTrips).containsExactlyInAnyOrderEntriesOf(Map.of(
                "CaseOpened", new StoreCommands.RoundTrips(0, 1),
                "CaseOpened again", new StoreCommands.RoundTrips(0, 0),
                "CaseAssigned", new StoreCommands.RoundTrips(0, 1),
                "CaseAssigned again", new StoreCommands.RoundTrips(0, 0),
                "CaseResolved by this desk", new StoreCommands.RoundTrips(0, 0),
                "CaseAssigned before CaseOpened", new StoreCommands.RoundTrips(1, 1),
                "CaseOpened after CaseAssigned", new StoreCommands.RoundTrips(0, 1),
                "CaseResolved on the spot", new StoreCommands.RoundTrips(0, 1)));
        assertThat(cases.findById(opened.caseId())).get().satisfies(c -> {
            assertThat(c.getState()).isEqualTo(CaseState.ASSIGNED);
            assertThat(c.getAssignments()).hasSize(1);
        });
        assertThat(cases.findById(openedLate.caseId())).get().satisfies(c -> {
            assertThat(c.getState()).isEqualTo(CaseState.ASSIGNED);
            assertThat(c.getTrackingNumber()).isEqualTo(openedLate.trackingNumber());
            assertThat(c.getDepartmentCode()).isEqualTo("HOUSING");
        });
        assertThat(cases.findById(answered.caseId())).get().satisfies(c -> {
            assertThat(c.getState()).isEqualTo(CaseState.RESOLVED);
            assertThat(c.getFeedbackStatus()).isEqualTo(FeedbackStatus.NOT_NEEDED);
        });
    }

    @Test
    void whenAnotherInstanceChangedTheCaseSinceThisOneSavedItThenBothChangesAndNoDuplicateAreKept() {
        // given a case this instance opened and another instance (its own memory, the same store) assigned
        CaseOpened opened = opened(Caller.fresh(), FeedbackChannel.SMS);
        CaseAssigned first = assigned(opened, 0, "FACILITIES");
        CaseAssigned reassigned = assigned(opened, 60, "HOUSING");
        FeedbackService elsewhere = deskElsewhere(new DeliveryHints());
        feedback.opened(opened);
        elsewhere.assigned(first);

        // when this instance gets the re-assignment, then the first assignment again and the other the opening again
        StoreCommands.RoundTrips reassignment = handled(opened.caseId(), () -> feedback.assigned(reassigned));
        StoreCommands.RoundTrips duplicates = handled(opened.caseId(), () -> {
            feedback.assigned(first);
            elsewhere.opened(opened);
        });

        // then its stale copy failed to save and the change went to the stored case; the duplicates wrote nothing
        assertThat(reassignment).isEqualTo(new StoreCommands.RoundTrips(1, 2));
        assertThat(duplicates.writes()).isZero();
        assertThat(cases.findById(opened.caseId())).get().satisfies(c -> {
            assertThat(c.getTrackingNumber()).isEqualTo(opened.trackingNumber());
            assertThat(c.getDepartmentCode()).isEqualTo("HOUSING");
            assertThat(c.getAssignments()).extracting(FeedbackCase.AssignmentRecord::departmentCode)
                    .containsExactlyInAnyOrder("FACILITIES", "HOUSING");
        });
    }

    @Test
    void whenTheGatewaysDeliverThenTheRunReadsTheCaseOnceAndWritesItsClaimAndOutcome() {
        // given a case resolved on another instance, its case.resolved published
        Caller caller = Caller.fresh();
        smsGatewayAnswers(caller, 200);
        CaseOpened opened = opened(caller, FeedbackChannel.SMS);
        DeliveryHints hints = new DeliveryHints();
        FeedbackService elsewhere = deskElsewhere(hints);
        elsewhere.opened(opened);
        elsewhere.assigned(assigned(opened, 0, "FACILITIES"));
        elsewhere.reportResult(opened.caseId(), "FACILITIES", repaired(), null);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> cases.findById(opened.caseId()).orElseThrow().getOutbox().isEmpty());

        // when its dispatcher runs
        StoreCommands.RoundTrips run = handled(opened.caseId(), () -> dispatcherElsewhere(hints).deliverDue());

        // then
        assertThat(run).isEqualTo(new StoreCommands.RoundTrips(1, 2));
        assertThat(smsTo(caller)).isEqualTo(1);
        assertThat(cases.findById(opened.caseId())).get().extracting(FeedbackCase::getState)
                .isEqualTo(CaseState.FEEDBACK_DELIVERED);
    }

    private StoreCommands.RoundTrips handled(String caseId, Runnable handling) {
        StoreCommands.RoundTrips before = storeCommands.of(caseId);
        handling.run();
        return storeCommands.of(caseId).since(before);
    }

    /** Another instance's desk on the same store: its requests make cases due on its own hints. */
    FeedbackService deskElsewhere(DeliveryHints hints) {
        return new FeedbackService(cases, properties, hints, new RecentCases(properties), clock);
    }

    FeedbackDispatcher dispatcherElsewhere(DeliveryHints hints) {
        return new FeedbackDispatcher(feedback, sender, contactKeys, deliveryProperties, hints, properties, clock);
    }

    static ResultReport repaired() {
        return new ResultReport(ResolutionOutcome.RESOLVED, "Boiler repaired", "Pump replaced", null, null, null);
    }

    private static long smsTo(Caller caller) {
        return SMS.findAll(postRequestedFor(urlEqualTo("/sms")).withRequestBody(matchingJsonPath("$.to",
                WireMock.equalTo(caller.phone())))).size();
    }

    @Test
    void whenAnotherInstanceMadeACaseDueAndDiedThenThisOneDeliversItAtItsNextScan() {
        // given an instance that took the department's result and died before its dispatcher ran
        Caller caller = Caller.fresh();
        smsGatewayAnswers(caller, 200);
        CaseOpened opened = opened(caller, FeedbackChannel.SMS);
        KafkaProbe.publish(brokers, opened);
        KafkaProbe.publish(brokers, assigned(opened, 0, "FACILITIES"));
        awaitCase(opened.caseId(), c -> "ASSIGNED".equals(state(c)) && c.path("trackingNumber").isString());
        deskElsewhere(new DeliveryHints()).reportResult(opened.caseId(), "FACILITIES", repaired(), null);

        // then this instance's runs, which take up the cases it made due itself, leave it until the next scan
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> smsTo(caller) == 0);
        clock.advance(properties.scanInterval());

        FeedbackDelivered delivered = kafka.awaitEvent(opened.caseId(), FeedbackDelivered.class);
        assertThat(delivered.deliveredBy()).isEqualTo("sms");
        assertThat(smsTo(caller)).isEqualTo(1);
    }

    @Test
    void whenTwoInstancesBothHaveACaseDueThenTheCallerIsToldOnce() throws Exception {
        Caller caller = Caller.fresh();
        smsGatewayAnswers(caller, 200);
        CaseOpened opened = opened(caller, FeedbackChannel.SMS);
        KafkaProbe.publish(brokers, opened);
        KafkaProbe.publish(brokers, assigned(opened, 0, "FACILITIES"));
        awaitCase(opened.caseId(), c -> "ASSIGNED".equals(state(c)) && c.path("trackingNumber").isString());
        DeliveryHints first = new DeliveryHints();
        DeliveryHints second = new DeliveryHints();
        deskElsewhere(first).reportResult(opened.caseId(), "FACILITIES", repaired(), null);
        // the second instance learnt of it too (say its scan ran meanwhile)
        second.hint(opened.caseId());

        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> runs = List.of(dispatcherElsewhere(first), dispatcherElsewhere(second)).stream()
                .map(dispatcher -> CompletableFuture.runAsync(() -> {
                    try {
                        start.await();
                    }
                    catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                    }
                    dispatcher.deliverDue();
                })).toList();
        start.countDown();
        CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get();

        assertThat(kafka.awaitEvent(opened.caseId(), FeedbackDelivered.class).attempts()).isEqualTo(1);
        assertThat(smsTo(caller)).isEqualTo(1);
        assertThat(http.get().uri("/api/cases/{id}/feedback/attempts", opened.caseId()).retrieve()
                .body(JsonNode.class).findValuesAsString("outcome")).containsExactly("DELIVERED");
    }

    @Test
    void whenAResultIsSentAgainWithTheSameIdempotencyKeyThenItIsRecordedOnce() {
        // given
        CaseOpened opened = opened(Caller.fresh(), FeedbackChannel.PHONE);
        KafkaProbe.publish(brokers, opened);
        KafkaProbe.publish(brokers, assigned(opened, 0, "FACILITIES"));
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

    private static CaseOpened opened(Caller caller, FeedbackChannel preferred) {
        String caseId = UUID.randomUUID().toString();
        String contact = """
                {"name":"%s","phone":"%s","email":%s,"organisation":null}""".formatted(caller.name(), caller.phone(),
                caller.email() == null ? "null" : "\"" + caller.email() + "\"");
        CallerProfile profile = new CallerProfile("cr-" + caseId.substring(0, 8), false, preferred, "W*",
                caller.phone().substring(0, 3) + "****" + caller.phone().substring(7), caller.email() == null ? null
                        : "c***@example.org", SealedContact.seal(contact, KEY_ID, KEYS.getPublic()));
        return new CaseOpened(EventEnvelope.first(caseId, Instant.now(), "intake-service"), "HL-20261123-000042",
                Channel.PHONE, CaseKind.COMPLAINT, "LIVING", "UTILITIES", Urgency.NORMAL, "Heating off", null,
                profile, false, "op-1", null, null, null, null, Instant.now(), List.of());
    }

    private static CaseOpened anonymous() {
        String caseId = UUID.randomUUID().toString();
        return new CaseOpened(EventEnvelope.first(caseId, Instant.now(), "intake-service"), "HL-20261123-000043",
                Channel.PHONE, CaseKind.CONSULTATION, "PUBLIC_HEALTH", "VACCINATION", Urgency.NORMAL, "Vaccines?",
                null, new CallerProfile(null, true, null), false, "op-1", null, null, null, null, Instant.now(),
                List.of());
    }

    private static CaseResolved onTheSpot(CaseOpened opened) {
        return new CaseResolved(EventEnvelope.causedBy(opened.envelope(), Instant.now(), "intake-service"), null,
                ResolutionOutcome.ANSWERED, "Vaccination is free at the district clinic", null, null, null, null,
                null, null, true);
    }

    /** An assignment made {@code secondsLater} after now, with a lead and optional assisting departments. */
    private static CaseAssigned assigned(CaseOpened opened, int secondsLater, String lead, String... assisting) {
        Instant at = Instant.now().plusSeconds(secondsLater);
        String assignmentId = opened.caseId() + "-A" + (secondsLater + 1);
        List<AssignedDepartment> departments = new ArrayList<>();
        departments.add(new AssignedDepartment(assignmentId, lead, DepartmentRole.LEAD));
        for (int i = 0; i < assisting.length; i++) {
            departments.add(new AssignedDepartment(assignmentId + "-S" + (i + 1), assisting[i],
                    DepartmentRole.ASSIST));
        }
        return new CaseAssigned(EventEnvelope.causedBy(opened.envelope(), at, "routing-service"), assignmentId, lead,
                departments, opened.kind(), opened.urgency(), opened.category(), "r-test", 1, 1,
                new Deadlines(null, null, null, at.plus(Duration.ofDays(5)), at.plus(Duration.ofDays(7)),
                        at.plus(Duration.ofDays(10))), 0, null);
    }

    private static void smsGatewayAnswers(Caller caller, int status) {
        SMS.stubFor(WireMock.post("/sms").withRequestBody(matchingJsonPath("$.to",
                WireMock.equalTo(caller.phone())))
                .willReturn(aResponse().withStatus(status)));
    }

    private static MimeMessage mailTo(String address) throws Exception {
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(address)) {
                return message;
            }
        }
        return null;
    }

    private static JsonNode task(JsonNode worklist, String caseId) {
        for (JsonNode task : worklist) {
            if (caseId.equals(task.path("caseId").asString())) {
                return task;
            }
        }
        throw new AssertionError("No task for case " + caseId);
    }

    private static String result(String caseId, String department) {
        return """
                {"caseId":"%s","departmentCode":"%s","summary":"Fixed","measures":"Repaired"}"""
                .formatted(caseId, department);
    }

    private static String state(JsonNode view) {
        return view.path("state").asString();
    }

    /**
     * Waits for {@code count} events of the type about the case, in the order they were published; a record the
     * outbox relay published twice (at least once delivery) counts once.
     */
    private <T extends HotlineEvent> List<T> events(String caseId, Class<T> type, int count) {
        String ceType = EventType.of(type).cloudEventType();
        Predicate<ConsumerRecord<String, byte[]>> ofCase = r -> caseId.equals(r.key())
                && ceType.equals(KafkaProbe.header(r, CloudEventHeaders.TYPE));
        kafka.await(r -> ofCase.test(r) && kafka.seen().stream().filter(ofCase).map(seen -> EventCodec.decode(
                seen.value(), type).eventId()).distinct().count() >= count);
        Set<UUID> ids = new HashSet<>();
        return kafka.seen().stream().filter(ofCase).map(r -> EventCodec.decode(r.value(), type))
                .filter(event -> ids.add(event.eventId())).toList();
    }

    private JsonNode awaitCase(String caseId, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            ResponseEntity<JsonNode> found = http.get().uri("/api/cases/{id}", caseId).retrieve()
                    .toEntity(JsonNode.class);
            return found.getStatusCode().value() == 200 ? found.getBody() : null;
        }, view -> view != null && condition.test(view));
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

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
