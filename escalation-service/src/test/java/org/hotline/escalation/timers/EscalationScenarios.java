package org.hotline.escalation.timers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline.escalation.timers.EscalationController.CaseEscalations;
import org.hotline.escalation.timers.EscalationController.TimerView;
import org.hotline.escalation.timers.domain.EscalationLadder;
import org.hotline.events.CaseKind;
import org.hotline.events.Channel;
import org.hotline.events.CloudEventHeaders;
import org.hotline.events.EventCodec;
import org.hotline.events.EventEnvelope;
import org.hotline.events.FeedbackChannel;
import org.hotline.events.Topics;
import org.hotline.events.Urgency;
import org.hotline.events.escalation.CaseEscalated;
import org.hotline.events.escalation.EscalationReason;
import org.hotline.events.feedback.CaseResolved;
import org.hotline.events.intake.CallerProfile;
import org.hotline.events.intake.CaseOpened;
import org.hotline.events.routing.CaseAccepted;
import org.hotline.events.routing.CaseAssigned;
import org.hotline.events.routing.Deadlines;
import org.hotline.testsupport.KafkaProbe;
import org.hotline.testsupport.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Scenarios run twice: on an embedded Kafka broker with the MongoDB stand-in
 * ({@link EscalationIT}) and on the real images ({@link EscalationRealImagesIT}).
 */
@TestPropertySource(properties = "hotline.escalation.poll-interval=200ms")
abstract class EscalationScenarios {

    @LocalServerPort
    int port;

    @Value("${spring.cloud.stream.kafka.binder.brokers}")
    String brokers;

    @Autowired
    EscalationCaseRepository cases;

    RestClient http;
    KafkaProbe kafka;

    @BeforeEach
    void setUp() {
        http = TestHttp.client(port);
        kafka = new KafkaProbe(brokers, List.of(Topics.CASE_ESCALATED));
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    static CaseOpened opened(Urgency urgency) {
        String caseId = UUID.randomUUID().toString();
        return new CaseOpened(EventEnvelope.first(caseId, Instant.now(), "intake-service"), "HL-20261123-000007",
                Channel.PHONE, CaseKind.HELP_REQUEST, "OTHER", null, urgency, "Gas smell in the stairwell", null,
                new CallerProfile("cr-1", false, FeedbackChannel.PHONE), false, "op-1", null, null, null, null,
                Instant.now(), List.of());
    }

    static CaseAssigned assigned(CaseOpened opened, String assignmentId, Deadlines deadlines) {
        return new CaseAssigned(EventEnvelope.causedBy(opened.envelope(), Instant.now(), "routing-service"),
                assignmentId, "FACILITIES", List.of(), opened.kind(), opened.urgency(), opened.category(), "r-1", 1,
                deadlines, 0);
    }

    static CaseAccepted accepted(CaseAssigned assigned) {
        return new CaseAccepted(EventEnvelope.causedBy(assigned.envelope(), Instant.now(), "routing-service"),
                assigned.assignmentId(), assigned.departmentCode(), "h-1");
    }

    /** Deadlines far enough away that nothing fires during a test. */
    static Deadlines later() {
        Instant now = Instant.now();
        return new Deadlines(now.plus(Duration.ofHours(4)), null, now.plus(Duration.ofDays(3)),
                now.plus(Duration.ofDays(4)));
    }

    /** The escalation view of a case, or null while the service does not know the case. */
    CaseEscalations view(String caseId) {
        return http.get().uri("/api/escalations/{id}", caseId).exchange((request, response) -> response
                .getStatusCode().is2xxSuccessful() ? response.bodyTo(CaseEscalations.class) : null);
    }

    CaseEscalations awaitView(String caseId, Predicate<CaseEscalations> condition) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> view(caseId),
                body -> body != null && condition.test(body));
    }

    static List<TimerView> timersOf(CaseEscalations view, String assignmentId) {
        return view.timers().stream().filter(t -> t.assignmentId().equals(assignmentId)).toList();
    }

    static String status(CaseEscalations view, String assignmentId, String kind) {
        return timersOf(view, assignmentId).stream().filter(t -> t.kind().equals(kind)).map(TimerView::status)
                .findFirst().orElseThrow();
    }

    @Test
    void whenAnEmergencyIsOpenedThenTheCommandCentreIsAlertedAtOnce() {
        CaseOpened opened = opened(Urgency.EMERGENCY);

        KafkaProbe.publish(brokers, opened);

        ConsumerRecord<String, byte[]> record = kafka.await(r -> opened.caseId().equals(r.key()));
        CaseEscalated escalated = EventCodec.decode(record.value(), CaseEscalated.class);
        assertThat(escalated.level()).isEqualTo(1);
        assertThat(escalated.reason()).isEqualTo(EscalationReason.EMERGENCY);
        assertThat(escalated.escalatedTo()).isEqualTo("COMMAND_CENTRE");
        assertThat(escalated.envelope().causationId()).isEqualTo(opened.eventId().toString());
        assertThat(escalated.envelope().correlationId()).isEqualTo(opened.envelope().correlationId());
        assertThat(KafkaProbe.header(record, CloudEventHeaders.TYPE)).isEqualTo("org.hotline.case.escalated.v1");
        // published right after the escalation was saved, not by a later sweep
        assertThat(Duration.between(escalated.occurredAt(), Instant.ofEpochMilli(record.timestamp())))
                .isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void whenAnOrdinaryCaseIsOpenedThenNothingIsEscalated() {
        CaseOpened opened = opened(Urgency.NORMAL);

        KafkaProbe.publish(brokers, opened);

        CaseEscalations view = awaitView(opened.caseId(), v -> true);
        assertThat(view.trackingNumber()).isEqualTo("HL-20261123-000007");
        assertThat(view.escalations()).isEmpty();
        assertThat(view.timers()).isEmpty();
    }

    @Test
    void whenDeadlinesPassUnmetThenTheCaseClimbsTheLadder() {
        CaseOpened opened = opened(Urgency.NORMAL);
        Instant now = Instant.now();
        Deadlines deadlines = new Deadlines(now.minusSeconds(2), now.minusSeconds(1), now.plus(Duration.ofDays(3)),
                now.plus(Duration.ofDays(4)));
        CaseAssigned assigned = assigned(opened, opened.caseId() + "-A1", deadlines);

        KafkaProbe.publish(brokers, assigned);

        ConsumerRecord<String, byte[]> first = kafka.await(r -> opened.caseId().equals(r.key())
                && EventCodec.decode(r.value(), CaseEscalated.class).level() == 1);
        ConsumerRecord<String, byte[]> second = kafka.await(r -> opened.caseId().equals(r.key())
                && EventCodec.decode(r.value(), CaseEscalated.class).level() == 2);
        CaseEscalated acceptance = EventCodec.decode(first.value(), CaseEscalated.class);
        assertThat(acceptance.reason()).isEqualTo(EscalationReason.ACCEPTANCE_OVERDUE);
        assertThat(acceptance.escalatedTo()).isEqualTo("DEPARTMENT_HEAD");
        assertThat(acceptance.departmentCode()).isEqualTo("FACILITIES");
        assertThat(acceptance.deadline()).isEqualTo(deadlines.acceptBy().truncatedTo(ChronoUnit.MILLIS));
        assertThat(acceptance.envelope().causationId()).isEqualTo(assigned.eventId().toString());
        CaseEscalated onSite = EventCodec.decode(second.value(), CaseEscalated.class);
        assertThat(onSite.reason()).isEqualTo(EscalationReason.ON_SITE_OVERDUE);
        assertThat(onSite.escalatedTo()).isEqualTo("HOTLINE_SUPERVISOR");

        CaseEscalations view = awaitView(opened.caseId(), v -> v.escalations().size() == 2);
        assertThat(status(view, assigned.assignmentId(), "ACCEPTANCE")).isEqualTo("FIRED");
        assertThat(status(view, assigned.assignmentId(), "ON_SITE")).isEqualTo("FIRED");
        assertThat(status(view, assigned.assignmentId(), "RESOLUTION")).isEqualTo("PENDING");
        assertThat(view.highestLevel()).isEqualTo(2);
        assertThat(view.nextDueAt()).isEqualTo(deadlines.resolveBy().truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void whenTheDepartmentAcceptsBeforeTheDeadlineThenTheAcceptanceTimerIsCancelled() {
        CaseOpened opened = opened(Urgency.NORMAL);
        CaseAssigned assigned = assigned(opened, opened.caseId() + "-A1", later());
        KafkaProbe.publish(brokers, assigned);
        awaitView(opened.caseId(), v -> !v.timers().isEmpty());

        KafkaProbe.publish(brokers, accepted(assigned));

        CaseEscalations view = awaitView(opened.caseId(),
                v -> status(v, assigned.assignmentId(), "ACCEPTANCE").equals("CANCELLED"));
        assertThat(timersOf(view, assigned.assignmentId())).filteredOn(t -> t.kind().equals("ACCEPTANCE"))
                .singleElement().satisfies(t -> assertThat(t.settledBy()).isEqualTo("accepted"));
        assertThat(status(view, assigned.assignmentId(), "RESOLUTION")).isEqualTo("PENDING");
        assertThat(status(view, assigned.assignmentId(), "REPLY")).isEqualTo("PENDING");
        assertThat(view.escalations()).isEmpty();
    }

    @Test
    void whenTheSameAssignmentArrivesTwiceThenOneSetOfTimersIsKept() {
        CaseOpened opened = opened(Urgency.NORMAL);
        CaseAssigned assigned = assigned(opened, opened.caseId() + "-A1", later());
        CaseAssigned next = assigned(opened, opened.caseId() + "-A2", later());

        KafkaProbe.publish(brokers, assigned);
        KafkaProbe.publish(brokers, assigned);
        // same key, same topic: read after both copies
        KafkaProbe.publish(brokers, next);

        CaseEscalations view = awaitView(opened.caseId(), v -> !timersOf(v, next.assignmentId()).isEmpty());
        assertThat(timersOf(view, assigned.assignmentId())).hasSize(3);
        assertThat(view.timers()).hasSize(6);
    }

    @Test
    void whenTheAcceptanceArrivesBeforeItsAssignmentThenNoAcceptanceTimerIsLeftPending() {
        CaseOpened opened = opened(Urgency.NORMAL);
        CaseAssigned assigned = assigned(opened, opened.caseId() + "-A1", later());

        KafkaProbe.publish(brokers, accepted(assigned));
        awaitView(opened.caseId(), v -> true);
        KafkaProbe.publish(brokers, assigned);

        CaseEscalations view = awaitView(opened.caseId(), v -> !v.timers().isEmpty());
        assertThat(status(view, assigned.assignmentId(), "ACCEPTANCE")).isEqualTo("CANCELLED");
        assertThat(status(view, assigned.assignmentId(), "RESOLUTION")).isEqualTo("PENDING");
        assertThat(view.nextDueAt()).isEqualTo(assigned.deadlines().resolveBy().truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void whenTheResolutionArrivesBeforeTheAssignmentThenOnlyTheReplyTimerRuns() {
        CaseOpened opened = opened(Urgency.NORMAL);
        CaseAssigned assigned = assigned(opened, opened.caseId() + "-A1", later());
        CaseResolved resolved = new CaseResolved(EventEnvelope.causedBy(assigned.envelope(), Instant.now(),
                "feedback-service"), "FACILITIES", "Gas leak fixed", "Valve replaced", false);

        KafkaProbe.publish(brokers, resolved);
        awaitView(opened.caseId(), v -> true);
        KafkaProbe.publish(brokers, assigned);

        CaseEscalations view = awaitView(opened.caseId(), v -> !v.timers().isEmpty());
        assertThat(view.timers()).filteredOn(t -> t.status().equals("PENDING")).extracting(TimerView::kind)
                .containsExactly("REPLY");
    }

    @Test
    void whenTwoInstancesFireTheSameCaseThenTheSecondLosesAndChangesNothing() {
        CaseOpened opened = opened(Urgency.NORMAL);
        CaseAssigned assigned = assigned(opened, opened.caseId() + "-A1", later());
        KafkaProbe.publish(brokers, assigned);
        awaitView(opened.caseId(), v -> !v.timers().isEmpty());
        EscalationCase first = cases.findById(opened.caseId()).orElseThrow();
        EscalationCase second = cases.findById(opened.caseId()).orElseThrow();
        Instant afterAcceptBy = assigned.deadlines().acceptBy().plusSeconds(1);

        first.fireDue(afterAcceptBy, EscalationLadder.standard());
        cases.save(first);
        second.fireDue(afterAcceptBy, EscalationLadder.standard());

        assertThatExceptionOfType(OptimisticLockingFailureException.class).isThrownBy(() -> cases.save(second));
        CaseEscalations view = awaitView(opened.caseId(), v -> v.escalations().size() == 1);
        assertThat(status(view, assigned.assignmentId(), "ACCEPTANCE")).isEqualTo("FIRED");
    }

    @Test
    void whenSupervisorsAskForActiveCasesThenCasesWithPendingDeadlinesAreListed() {
        CaseOpened opened = opened(Urgency.NORMAL);
        CaseAssigned assigned = assigned(opened, opened.caseId() + "-A1", later());
        KafkaProbe.publish(brokers, assigned);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(http.get()
                .uri("/api/escalations?active=true&limit=500").retrieve().body(String.class))
                .contains(opened.caseId()));
    }

    @Test
    void whenTheCaseIsUnknownThenTheAnswerIsANotFoundProblem() {
        ResponseEntity<String> response = http.get().uri("/api/escalations/{id}", "no-such-case").retrieve()
                .toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
    }

    @Test
    void whenTheListIsAskedWithoutAFilterThenTheAnswerIsABadRequestProblem() {
        ResponseEntity<String> response = http.get().uri("/api/escalations").retrieve().toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
    }
}
