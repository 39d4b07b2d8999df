package org.hotline.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline.events.CaseKind;
import org.hotline.events.Channel;
import org.hotline.events.CloudEventHeaders;
import org.hotline.events.EventCodec;
import org.hotline.events.EventEnvelope;
import org.hotline.events.EventType;
import org.hotline.events.FeedbackChannel;
import org.hotline.events.HotlineEvent;
import org.hotline.events.Milestone;
import org.hotline.events.Topics;
import org.hotline.events.Urgency;
import org.hotline.events.calendar.CalendarPublished;
import org.hotline.events.feedback.CaseReopened;
import org.hotline.events.feedback.CaseResolved;
import org.hotline.events.feedback.ResolutionOutcome;
import org.hotline.events.intake.CallerProfile;
import org.hotline.events.intake.CaseOpened;
import org.hotline.events.routing.AssignmentReason;
import org.hotline.events.routing.CaseAssigned;
import org.hotline.events.routing.CaseOnHold;
import org.hotline.events.routing.CaseProgressed;
import org.hotline.events.routing.DeadlineChange;
import org.hotline.events.routing.DeadlinesChanged;
import org.hotline.events.routing.DepartmentRole;
import org.hotline.events.routing.ExtensionDecided;
import org.hotline.events.routing.ExtensionRequested;
import org.hotline.testsupport.EndpointSecurity;
import org.hotline.testsupport.KafkaProbe;
import org.hotline.testsupport.TestHttp;
import org.hotline.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** The department workflow, the admin APIs and order-independence; see {@link WorkflowIT}. */
abstract class WorkflowScenarios {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext applicationContext;

    @Value("${spring.cloud.stream.kafka.binder.brokers}")
    String brokers;

    @Autowired
    RoutedCaseRepository cases;

    RestClient http;
    KafkaProbe kafka;

    @BeforeEach
    void setUp() {
        http = TestHttp.client(port);
        kafka = new KafkaProbe(brokers, List.of(Topics.CASE_ASSIGNED, Topics.CASE_PROGRESSED, Topics.CASE_ON_HOLD,
                Topics.DEADLINES_CHANGED, Topics.EXTENSION_REQUESTED, Topics.EXTENSION_DECIDED,
                Topics.CALENDAR_PUBLISHED, Topics.ASSIGNMENT_REJECTED));
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    static CaseOpened opened(String category, String subCategory, CaseKind kind, Urgency urgency) {
        String caseId = UUID.randomUUID().toString();
        return new CaseOpened(EventEnvelope.first(caseId, Instant.now(), "intake-service"), "HL-20261123-000002",
                Channel.PHONE, kind, category, subCategory, urgency, "Mosquitoes breeding in the drain", null,
                new CallerProfile("cr-2", false, FeedbackChannel.SMS), false, "op-1", null, null, null, null,
                Instant.now(), List.of());
    }

    <T extends HotlineEvent> T awaitEvent(String caseId, Class<T> type, Predicate<T> matching) {
        String ceType = EventType.of(type).cloudEventType();
        ConsumerRecord<String, byte[]> record = kafka.await(r -> caseId.equals(r.key())
                && ceType.equals(KafkaProbe.header(r, CloudEventHeaders.TYPE))
                && matching.test(EventCodec.decode(r.value(), type)));
        return EventCodec.decode(record.value(), type);
    }

    ResponseEntity<String> post(String path, String json, Object... vars) {
        return http.post().uri(path, vars).contentType(MediaType.APPLICATION_JSON).body(json).retrieve()
                .toEntity(String.class);
    }

    ResponseEntity<String> put(String path, String json) {
        return http.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(json).retrieve()
                .toEntity(String.class);
    }

    @Test
    void whenAComplexCaseIsAssignedThenEachDepartmentHasItsShareAndTheLeadSeesTheAssistantsProgress() {
        CaseOpened opened = opened("PUBLIC_HEALTH", "DISEASE_VECTORS", CaseKind.COMPLAINT, Urgency.COMPLEX);
        KafkaProbe.publish(brokers, opened);

        ConsumerRecord<String, byte[]> record = kafka.await(r -> opened.caseId().equals(r.key())
                && r.topic().equals(Topics.CASE_ASSIGNED));
        CaseAssigned assigned = EventCodec.decode(record.value(), CaseAssigned.class);
        assertThat(KafkaProbe.header(record, CloudEventHeaders.DEPARTMENTS))
                .isEqualTo("PATRIOTIC_HEALTH_OFFICE,FACILITIES");
        assertThat(assigned.assignments()).extracting(a -> a.departmentCode() + ":" + a.role())
                .containsExactly("PATRIOTIC_HEALTH_OFFICE:LEAD", "FACILITIES:ASSIST");
        assertThat(assigned.reason()).isEqualTo(AssignmentReason.RULE);
        assertThat(assigned.ruleVersion()).isPositive();
        assertThat(assigned.calendarVersion()).isPositive();
        assertThat(assigned.deadlines().onSiteBy()).isNotNull();
        assertThat(assigned.deadlines().handleBy()).isNotNull();
        assertThat(assigned.deadlines().callbackBy()).isAfter(assigned.deadlines().replyBy());
        String assist = assigned.assignments().get(1).assignmentId();

        assertThat(post("/api/assignments/{id}/accept", "{\"handlerId\":\"f-1\"}", assist).getStatusCode().value())
                .isEqualTo(200);
        post("/api/assignments/{id}/progress", "{\"note\":\"Drain cleared\",\"reached\":\"ON_SITE\"}", assist);

        CaseProgressed progressed = awaitEvent(opened.caseId(), CaseProgressed.class, p -> true);
        assertThat(progressed.reached()).isEqualTo(Milestone.ON_SITE);
        assertThat(progressed.departmentCode()).isEqualTo("FACILITIES");
        String lead = http.get().uri("/api/assignments/{id}", assigned.assignmentId()).retrieve().body(String.class);
        assertThat(lead).contains("\"assistants\":[{\"assignmentId\":\"" + assist + "\"")
                .contains("\"status\":\"ACCEPTED\"").contains("Drain cleared");
        assertThat(post("/api/assignments/{id}/progress", "{\"note\":\"x\",\"reached\":\"RESOLUTION\"}", assist)
                .getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void whenAnyEndpointIsCalledWithoutAValidTokenOrRoleThenItIsRefused() {
        EndpointSecurity.assertTokensAndRolesAreRequired(applicationContext, port, List.of(), "/api/rules*",
                "/api/calendar*", "/api/deadline-policy", "/api/departments", "/api/departments/probe");
    }

    @Test
    void whenCallersLackATokenTheRoleOrTheDepartmentThenTheyAreRefusedAndOtherDepartmentsSeeNothing() {
        CaseOpened opened = opened("PUBLIC_HEALTH", "DISEASE_VECTORS", CaseKind.COMPLAINT, Urgency.COMPLEX);
        KafkaProbe.publish(brokers, opened);
        CaseAssigned assigned = awaitEvent(opened.caseId(), CaseAssigned.class, a -> true);
        String lead = assigned.assignmentId();
        RestClient health = TestHttp.client(port, TestTokens.token("dept-patriotic-health-office",
                "PATRIOTIC_HEALTH_OFFICE", "DEPARTMENT"));
        RestClient facilities = TestHttp.client(port, TestTokens.token("dept-facilities", "FACILITIES",
                "DEPARTMENT"));
        RestClient logistics = TestHttp.client(port, TestTokens.token("dept-logistics", "LOGISTICS", "DEPARTMENT"));
        RestClient analyst = TestHttp.client(port, TestTokens.token("analyst-1", null, "ANALYST"));

        assertThat(TestHttp.status(TestHttp.client(port, null).get().uri("/api/assignments?caseId={id}", opened.caseId())))
                .isEqualTo(401);
        assertThat(TestHttp.status(TestHttp.client(port, TestTokens.badlySigned("SUPERVISOR")).get()
                .uri("/api/supervisor/queue"))).isEqualTo(401);
        assertThat(TestHttp.status(analyst.get().uri("/api/assignments?caseId={id}", opened.caseId()))).isEqualTo(403);
        assertThat(TestHttp.status(health.get().uri("/api/supervisor/queue"))).isEqualTo(403);
        assertThat(TestHttp.status(health.get().uri("/api/dispatch/queue"))).isEqualTo(403);
        assertThat(TestHttp.status(health.put().uri("/api/rules").contentType(MediaType.APPLICATION_JSON).body("{}")))
                .isEqualTo(403);
        assertThat(TestHttp.status(health.post().uri("/api/assignments/{id}/transfer", lead).contentType(
                MediaType.APPLICATION_JSON).body("{\"departmentCode\":\"LOGISTICS\"}"))).isEqualTo(403);
        // another department: the case and its assignments do not exist for it
        assertThat(TestHttp.status(logistics.get().uri("/api/assignments/{id}", lead))).isEqualTo(404);
        assertThat(TestHttp.status(logistics.get().uri("/api/departments/PATRIOTIC_HEALTH_OFFICE/assignments")))
                .isEqualTo(404);
        assertThat(TestHttp.status(logistics.post().uri("/api/assignments/{id}/accept", lead).contentType(
                MediaType.APPLICATION_JSON).body("{\"handlerId\":\"x\"}"))).isEqualTo(404);
        assertThat(logistics.get().uri("/api/assignments?caseId={id}", opened.caseId()).retrieve()
                .body(String.class)).isEqualTo("[]");
        // an assistant sees only its own share of the case
        assertThat(facilities.get().uri("/api/assignments?caseId={id}", opened.caseId()).retrieve()
                .body(String.class)).contains("FACILITIES").doesNotContain("\"departmentCode\":\"PATRIOTIC");
        // the lead department signs for its own assignment
        assertThat(TestHttp.status(health.post().uri("/api/assignments/{id}/accept", lead).contentType(
                MediaType.APPLICATION_JSON).body("{\"handlerId\":\"h-1\"}"))).isEqualTo(200);
        assertThat(TestHttp.status(health.get().uri("/api/departments/PATRIOTIC_HEALTH_OFFICE/assignments"))).isEqualTo(200);
    }

    @Test
    void whenDepartmentsRejectThenTheNextRuleTheDispatcherAndFinallyASupervisorGetTheCase() {
        CaseOpened opened = opened("WORK", "SAFETY", CaseKind.COMPLAINT, Urgency.NORMAL);
        KafkaProbe.publish(brokers, opened);
        CaseAssigned first = awaitEvent(opened.caseId(), CaseAssigned.class, a -> true);
        assertThat(first.departmentCode()).isEqualTo("SAFETY_OFFICE");

        post("/api/assignments/{id}/reject", "{\"reason\":\"Not a safety matter\"}", first.assignmentId());
        CaseAssigned second = awaitEvent(opened.caseId(), CaseAssigned.class, a -> a.bounceCount() == 1);
        assertThat(second.departmentCode()).isEqualTo("OPERATIONS");
        assertThat(second.reason()).isEqualTo(AssignmentReason.BOUNCE);
        assertThat(second.ruleId()).isEqualTo("r-work");
        assertThat(second.deadlines().acceptBy()).as("its own clock").isAfterOrEqualTo(first.deadlines().acceptBy());
        assertThat(second.deadlines().replyBy()).as("the caller's promise still counts from intake")
                .isEqualTo(first.deadlines().replyBy());

        post("/api/assignments/{id}/reject", "{\"reason\":\"Not ours either\"}", second.assignmentId());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(http.get().uri("/api/dispatch/queue")
                .retrieve().body(String.class)).contains(opened.caseId()));

        post("/api/dispatch/{id}/assign", "{\"departmentCode\":\"HUMAN_RESOURCES\",\"operatorId\":\"op-4\"}",
                opened.caseId());
        CaseAssigned third = awaitEvent(opened.caseId(), CaseAssigned.class, a -> a.bounceCount() == 2);
        assertThat(third.reason()).isEqualTo(AssignmentReason.MANUAL);
        post("/api/assignments/{id}/reject", "{\"reason\":\"Wrong again\"}", third.assignmentId());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(http.get().uri("/api/supervisor/queue")
                .retrieve().body(String.class)).contains(opened.caseId()).contains("\"bounceCount\":3"));
        assertThat(post("/api/dispatch/{id}/assign", "{\"departmentCode\":\"NO_SUCH\",\"operatorId\":\"sv-1\"}",
                opened.caseId()).getBody()).contains("departmentCode");
    }

    @Test
    void whenTheCaseWaitsOnTheCallerThenTheClockStopsAndResumesWithDeadlinesNoEarlier() {
        CaseOpened opened = opened("POLICY", null, CaseKind.CONSULTATION, Urgency.EMERGENCY);
        KafkaProbe.publish(brokers, opened);
        CaseAssigned assigned = awaitEvent(opened.caseId(), CaseAssigned.class, a -> true);
        String id = assigned.assignmentId();
        post("/api/assignments/{id}/accept", "{\"handlerId\":\"h-1\"}", id);

        assertThat(post("/api/assignments/{id}/hold", "{\"reason\":\"Waiting for the caller's photos\"}", id)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(awaitEvent(opened.caseId(), CaseOnHold.class, h -> true).assignmentId()).isEqualTo(id);
        assertThat(post("/api/assignments/{id}/resume", "{\"note\":\"Photos received\"}", id).getStatusCode()
                .value()).isEqualTo(200);

        DeadlinesChanged resumed = awaitEvent(opened.caseId(), DeadlinesChanged.class,
                c -> c.change() == DeadlineChange.RESUMED);
        assertThat(resumed.deadlines().resolveBy()).as("emergencies run on the clock: pushed back by the pause")
                .isAfter(assigned.deadlines().resolveBy());
        assertThat(post("/api/assignments/{id}/resume", "{}", id).getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void whenADepartmentAsksForMoreTimeThenASupervisorDecidesAndAGrantMovesTheDeadline() {
        CaseOpened opened = opened("LIVING", "HOUSING", CaseKind.HELP_REQUEST, Urgency.NORMAL);
        KafkaProbe.publish(brokers, opened);
        CaseAssigned assigned = awaitEvent(opened.caseId(), CaseAssigned.class, a -> true);
        String id = assigned.assignmentId();
        post("/api/assignments/{id}/accept", "{\"handlerId\":\"h-2\"}", id);
        Instant wanted = assigned.deadlines().resolveBy().plus(Duration.ofDays(10));

        assertThat(post("/api/assignments/{id}/extension", "{\"reason\":\"Parts on order\",\"requestedResolveBy\":\""
                + assigned.deadlines().acceptBy() + "\"}", id).getBody()).contains("requestedResolveBy");
        post("/api/assignments/{id}/extension", "{\"reason\":\"Parts on order\",\"requestedResolveBy\":\"" + wanted
                + "\"}", id);
        assertThat(awaitEvent(opened.caseId(), ExtensionRequested.class, e -> true).requestedResolveBy())
                .isEqualTo(wanted);
        assertThat(http.get().uri("/api/supervisor/extensions").retrieve().body(String.class)).contains(id);

        post("/api/assignments/{id}/extension/decision", "{\"approved\":true,\"supervisorId\":\"sv-2\"}", id);

        assertThat(awaitEvent(opened.caseId(), ExtensionDecided.class, e -> true).approved()).isTrue();
        DeadlinesChanged changed = awaitEvent(opened.caseId(), DeadlinesChanged.class,
                c -> c.change() == DeadlineChange.EXTENSION);
        assertThat(changed.deadlines().resolveBy()).isEqualTo(wanted);
        assertThat(post("/api/assignments/{id}/extension/decision", "{\"approved\":false,\"supervisorId\":\"sv-2\"}",
                id).getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void whenASupervisorTransfersTheCaseThenTheNewDepartmentGetsItWithAFreshClock() {
        CaseOpened opened = opened("POLICY", null, CaseKind.SUGGESTION, Urgency.NORMAL);
        KafkaProbe.publish(brokers, opened);
        CaseAssigned first = awaitEvent(opened.caseId(), CaseAssigned.class, a -> true);

        post("/api/assignments/{id}/transfer", "{\"departmentCode\":\"OPERATIONS\",\"supervisorId\":\"sv-3\"}",
                first.assignmentId());

        CaseAssigned moved = awaitEvent(opened.caseId(), CaseAssigned.class,
                a -> a.reason() == AssignmentReason.TRANSFER);
        assertThat(moved.departmentCode()).isEqualTo("OPERATIONS");
        assertThat(moved.assignmentId()).isEqualTo(opened.caseId() + "-A2");
        assertThat(post("/api/assignments/{id}/accept", "{\"handlerId\":\"h\"}", first.assignmentId())
                .getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void whenTheDepartmentListsItsWorkThenItIsPagedAndSortedByDeadline() {
        CaseOpened normal = opened("INTERPERSONAL", null, CaseKind.CONSULTATION, Urgency.NORMAL);
        CaseOpened emergency = opened("INTERPERSONAL", null, CaseKind.CONSULTATION, Urgency.EMERGENCY);
        KafkaProbe.publish(brokers, normal);
        KafkaProbe.publish(brokers, emergency);
        awaitEvent(normal.caseId(), CaseAssigned.class, a -> true);
        awaitEvent(emergency.caseId(), CaseAssigned.class, a -> true);

        String page = http.get().uri("/api/departments/HUMAN_RESOURCES/assignments?status=PENDING&size=200")
                .retrieve().body(String.class);

        assertThat(page.indexOf(emergency.caseId())).isPositive().isLessThan(page.indexOf(normal.caseId()));
        assertThat(http.get().uri("/api/departments/HUMAN_RESOURCES/assignments?size=1").retrieve()
                .body(String.class)).contains("\"size\":1");
        assertThat(http.get().uri("/api/departments/HUMAN_RESOURCES/assignments?status=LOST").retrieve()
                .toEntity(String.class).getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void whenEventsArriveOutOfOrderThenTheCaseEndsInTheSameState() {
        CaseOpened opened = opened("LIVING", "UTILITIES", CaseKind.COMPLAINT, Urgency.NORMAL);
        Instant t = Instant.now();
        CaseResolved resolved = new CaseResolved(new EventEnvelope(UUID.randomUUID(), opened.caseId(),
                t.plusSeconds(10), 1, "feedback-service", null, null), "FACILITIES", ResolutionOutcome.RESOLVED, "ok",
                null, null, null, List.of(), null, List.of(), false);
        CaseReopened reopened = new CaseReopened(new EventEnvelope(UUID.randomUUID(), opened.caseId(),
                t.plusSeconds(20), 1, "feedback-service", null, null), "FACILITIES", "Still cold", 1, false);

        KafkaProbe.publish(brokers, reopened);
        KafkaProbe.publish(brokers, resolved);
        KafkaProbe.publish(brokers, opened);

        CaseAssigned rework = awaitEvent(opened.caseId(), CaseAssigned.class,
                a -> a.reason() == AssignmentReason.REWORK);
        assertThat(rework.reason()).isEqualTo(AssignmentReason.REWORK);
        assertThat(rework.departmentCode()).isEqualTo("FACILITIES");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(cases.findById(opened.caseId())
                .orElseThrow().getStatus()).isEqualTo(RoutedCase.RoutingStatus.ASSIGNED));
    }

    @Test
    void whenTheReopenLimitIsReachedThenTheSupervisorGetsTheCase() {
        CaseOpened opened = opened("POLICY", null, CaseKind.COMPLAINT, Urgency.NORMAL);
        KafkaProbe.publish(brokers, opened);
        CaseAssigned assigned = awaitEvent(opened.caseId(), CaseAssigned.class, a -> true);

        KafkaProbe.publish(brokers, new CaseReopened(EventEnvelope.causedBy(assigned.envelope(), Instant.now(),
                "feedback-service"), assigned.departmentCode(), "Third time unhappy", 3, true));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(http.get().uri("/api/supervisor/queue")
                .retrieve().body(String.class)).contains(opened.caseId()).contains("Third time unhappy"));
    }

    @Test
    void whenANewCalendarVersionIsPublishedThenItIsAnEventAndOpenDeadlinesAreRecomputed() {
        CaseOpened opened = opened("POLICY", null, CaseKind.CONSULTATION, Urgency.NORMAL);
        KafkaProbe.publish(brokers, opened);
        CaseAssigned assigned = awaitEvent(opened.caseId(), CaseAssigned.class, a -> true);
        java.time.LocalDate dayOff = java.time.LocalDate.ofInstant(assigned.deadlines().acceptBy(),
                java.time.ZoneId.of("Asia/Shanghai"));

        ResponseEntity<String> published = put("/api/calendar", "{\"zone\":\"Asia/Shanghai\",\"workingHours\":"
                + "[\"09:00-12:00\",\"13:30-18:00\"],\"weekend\":[\"SATURDAY\",\"SUNDAY\"],\"holidays\":[\"" + dayOff
                + "\"],\"makeUpWorkdays\":[]}");

        assertThat(published.getStatusCode().value()).isEqualTo(200);
        ConsumerRecord<String, byte[]> calendar = kafka.await(r -> r.topic().equals(Topics.CALENDAR_PUBLISHED)
                && EventCodec.decode(r.value(), CalendarPublished.class).calendar().holidays().contains(dayOff));
        assertThat(calendar.key()).isEqualTo("calendar:default");
        DeadlinesChanged changed = awaitEvent(opened.caseId(), DeadlinesChanged.class,
                c -> c.change() == DeadlineChange.CALENDAR);
        assertThat(changed.calendarVersion()).isEqualTo(EventCodec.decode(calendar.value(), CalendarPublished.class)
                .version());
        assertThat(changed.deadlines().acceptBy()).isAfter(assigned.deadlines().acceptBy());
        assertThat(put("/api/calendar", "{\"zone\":\"Asia/Shanghai\",\"workingHours\":[\"9-12\"]}").getBody())
                .contains("workingHours");
    }

    @Test
    void whenTheRuleTableIsChangedThenBadTablesAreRefusedAndAGoodOneIsTheNextVersion() {
        ResponseEntity<String> refused = put("/api/rules", "{\"rules\":[{\"id\":\"r-a\",\"category\":\"WORK\","
                + "\"leadDepartment\":\"OPERATIONS\"},{\"id\":\"r-b\",\"category\":\"WORK\",\"subCategory\":\"SAFETY\","
                + "\"leadDepartment\":\"NOWHERE\"}]}");
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody()).contains("rules[1].conditions").contains("rules[1].leadDepartment");

        String current = http.get().uri("/api/rules").retrieve().body(String.class);
        int version = Integer.parseInt(current.replaceAll("(?s).*?\"version\":(\\d+).*", "$1"));
        String rules = current.replaceAll("(?s).*?\"rules\":(\\[.*\\]),\"publishedAt\".*", "$1");
        ResponseEntity<String> accepted = put("/api/rules", "{\"rules\":[{\"id\":\"r-rats\",\"keywords\":"
                + "[\"zz-rat-" + UUID.randomUUID() + "\"],\"leadDepartment\":\"FACILITIES\"}," + rules.substring(1)
                + "}");

        assertThat(accepted.getStatusCode().value()).isEqualTo(200);
        assertThat(accepted.getBody()).contains("\"version\":" + (version + 1));
        CaseOpened next = opened("POLICY", null, CaseKind.CONSULTATION, Urgency.NORMAL);
        KafkaProbe.publish(brokers, next);
        assertThat(awaitEvent(next.caseId(), CaseAssigned.class, a -> true).ruleVersion())
                .isGreaterThanOrEqualTo(version + 1);
    }

    @Test
    void whenADepartmentIsRegisteredThenItIsValidatedAndItsSecretIsNeverShown() {
        ResponseEntity<String> bad = put("/api/departments/ROADS", "{\"name\":\"Roads\",\"parent\":\"NOWHERE\","
                + "\"subscription\":{\"channel\":\"WEBHOOK\",\"url\":\"ftp://x\",\"secret\":\"short\"}}");
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody()).contains("parent").contains("subscription.url").contains("subscription.secret");

        ResponseEntity<String> good = put("/api/departments/ROADS", "{\"name\":\"Roads\",\"parent\":\"OPERATIONS\","
                + "\"contact\":\"duty desk\",\"subscription\":{\"channel\":\"WEBHOOK\",\"url\":\"http://127.0.0.1:9/h\","
                + "\"secret\":\"0123456789abcdef-roads\"}}");
        assertThat(good.getStatusCode().value()).isEqualTo(200);
        assertThat(good.getBody()).contains("\"secretSet\":true").doesNotContain("0123456789abcdef-roads");
        assertThat(put("/api/departments/OPERATIONS", "{\"name\":\"Ops\",\"parent\":\"ROADS\",\"subscription\":"
                + "{\"channel\":\"KAFKA\"}}").getBody()).contains("loop");
    }
}
