package org.hotline.escalation.timers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline.escalation.calendar.WorkingCalendars;
import org.hotline.escalation.supervision.EscalationLog;
import org.hotline.escalation.timers.domain.TimerSpec;
import org.hotline.events.CaseKind;
import org.hotline.events.Channel;
import org.hotline.events.CloudEventHeaders;
import org.hotline.events.EventCodec;
import org.hotline.events.EventEnvelope;
import org.hotline.events.FeedbackChannel;
import org.hotline.events.Milestone;
import org.hotline.events.Topics;
import org.hotline.events.Urgency;
import org.hotline.events.calendar.CalendarPublished;
import org.hotline.events.calendar.WorkingCalendar;
import org.hotline.events.escalation.AfterActionReviewed;
import org.hotline.events.escalation.CaseEscalated;
import org.hotline.events.escalation.EscalationAcknowledged;
import org.hotline.events.escalation.EscalationLevel;
import org.hotline.events.feedback.CaseResolved;
import org.hotline.events.feedback.ResolutionOutcome;
import org.hotline.events.intake.CallerProfile;
import org.hotline.events.intake.CaseOpened;
import org.hotline.events.routing.AssignedDepartment;
import org.hotline.events.routing.AssignmentReason;
import org.hotline.events.routing.CaseAccepted;
import org.hotline.events.routing.CaseAssigned;
import org.hotline.events.routing.CaseOnHold;
import org.hotline.events.routing.CaseProgressed;
import org.hotline.events.routing.DeadlineChange;
import org.hotline.events.routing.DeadlinesChanged;
import org.hotline.events.routing.Deadlines;
import org.hotline.events.routing.DepartmentRole;
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
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scenarios run on an embedded Kafka broker with the MongoDB stand-in ({@link EscalationIT}) and on the real images
 * ({@link EscalationRealImagesIT}). Time is a {@link MovableClock}: the scheduled poller runs only at start-up, and the
 * tests fire due timers themselves after moving the clock, so no test waits for a deadline.
 */
@TestPropertySource(properties = "hotline.escalation.poll-interval=1h")
abstract class EscalationScenarios {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext applicationContext;

    @Value("${spring.cloud.stream.kafka.binder.brokers}")
    String brokers;

    @Autowired
    MovableClock clock;

    @Autowired
    EscalationService service;

    @Autowired
    TimerFiring firing;

    @Autowired
    TimerStore timers;

    @Autowired
    EscalationLog escalations;

    @Autowired
    EscalationCaseRepository cases;

    @Autowired
    WorkingCalendars calendars;

    @Autowired
    EscalationProperties properties;

    @Autowired
    MongoTemplate mongo;

    RestClient http;
    KafkaProbe kafka;

    /** Monday 00:00 in Shanghai of a week after anything an earlier test did. */
    Instant base;

    @BeforeEach
    void setUp() {
        http = TestHttp.client(port);
        kafka = new KafkaProbe(brokers, List.of(Topics.CASE_ESCALATED, Topics.ESCALATION_ACKNOWLEDGED,
                Topics.AFTER_ACTION_REVIEWED));
        LocalDate monday = LocalDate.ofInstant(clock.instant(), SHANGHAI).plusWeeks(1)
                .with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        base = monday.atStartOfDay(SHANGHAI).toInstant();
        clock.moveTo(base);
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    // --- events -------------------------------------------------------------------------------------------------

    static EventEnvelope envelope(String caseId, Instant at, String source) {
        return new EventEnvelope(UUID.randomUUID(), caseId, at, 1, source, "corr-" + caseId, null);
    }

    static CaseOpened opened(String caseId, Urgency urgency, String category, Instant at) {
        return new CaseOpened(envelope(caseId, at, "intake-service"), "HL-20261123-000007", Channel.PHONE,
                CaseKind.HELP_REQUEST, category, null, urgency, "Gas smell in the stairwell", null,
                new CallerProfile("cr-1", false, FeedbackChannel.PHONE), false, "op-1", null, null, null, null, at,
                List.of());
    }

    static CaseAssigned assigned(String caseId, String assignmentId, String department, Urgency urgency, Instant at,
            Deadlines deadlines) {
        return new CaseAssigned(envelope(caseId, at, "routing-service"), assignmentId, department,
                List.of(new AssignedDepartment(assignmentId, department, DepartmentRole.LEAD)), CaseKind.COMPLAINT,
                urgency, "LIVING", "r-1", 1, 1, deadlines, 0, AssignmentReason.RULE);
    }

    static Deadlines acceptBy(Instant at) {
        return new Deadlines(at, null, null, null, null, null);
    }

    static CaseAccepted accepted(String caseId, String assignmentId, Instant at) {
        return new CaseAccepted(envelope(caseId, at, "routing-service"), assignmentId, "FIRE", "h-1");
    }

    static CaseResolved resolved(String caseId, String department, Instant at) {
        return new CaseResolved(envelope(caseId, at, "feedback-service"), department, ResolutionOutcome.RESOLVED,
                "Leak sealed", "Valve replaced", null, null, List.of(), null, List.of(), false);
    }

    static String newCase() {
        return UUID.randomUUID().toString();
    }

    Instant shanghai(int daysAfterBase, int hour, int minute) {
        return base.atZone(SHANGHAI).plusDays(daysAfterBase).withHour(hour).withMinute(minute).toInstant();
    }

    /** Fires everything due now, as the poller does, and returns the escalation ids in the order they fired. */
    List<String> fireAll(TimerFiring by) {
        List<String> all = new ArrayList<>();
        List<String> fired;
        do {
            fired = by.fireDue();
            all.addAll(fired);
        }
        while (!fired.isEmpty());
        return all;
    }

    static List<String> ofCase(List<String> escalationIds, String caseId) {
        return escalationIds.stream().filter(id -> id.startsWith(caseId + ":")).toList();
    }

    TimerDocument timer(String caseId, String assignmentId, Milestone milestone) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(TimerSpec.timerId(caseId,
                assignmentId, milestone), TimerDocument.class), t -> t != null);
    }

    CaseEscalated awaitEscalated(String escalationId) {
        ConsumerRecord<String, byte[]> record = kafka.await(r -> "org.hotline.case.escalated.v1".equals(
                KafkaProbe.header(r, CloudEventHeaders.TYPE))
                && escalationId.equals(EventCodec.decode(r.value(), CaseEscalated.class).escalationId()));
        return EventCodec.decode(record.value(), CaseEscalated.class);
    }

    /**
     * How many distinct events of a type about a case reached Kafka. The outbox publishes at least once: a record may
     * be sent again (e.g. when a test moves the clock past the relay's lease mid-publication), always with the same
     * event id, which consumers deduplicate on.
     */
    long eventsOf(String type, String caseId) {
        return kafka.seen().stream().filter(r -> caseId.equals(r.key())
                && type.equals(KafkaProbe.header(r, CloudEventHeaders.TYPE)))
                .map(r -> KafkaProbe.header(r, CloudEventHeaders.ID)).distinct().count();
    }

    // --- the emergency path -------------------------------------------------------------------------------------

    @Test
    void whenAnEmergencyIsOpenedThenTheCommandCentreIsAlertedAtOnceAndAgainUntilADepartmentAccepts() {
        String caseId = newCase();
        CaseOpened opened = opened(caseId, Urgency.EMERGENCY, "PUBLIC_HEALTH", clock.instant());

        KafkaProbe.publish(brokers, opened);

        String first = caseId + ":-:EMERGENCY_RESPONSE:COMMAND_CENTER:0";
        CaseEscalated alert = awaitEscalated(first);
        assertThat(alert.level()).isEqualTo(EscalationLevel.COMMAND_CENTER);
        assertThat(alert.milestone()).isEqualTo(Milestone.EMERGENCY_RESPONSE);
        assertThat(alert.recipients()).containsExactly("COMMAND_CENTER");
        assertThat(alert.emergencyPlan()).isEqualTo("PUBLIC_HEALTH_EMERGENCY_PLAN");
        assertThat(alert.envelope().causationId()).isEqualTo(opened.eventId().toString());
        assertThat(alert.envelope().correlationId()).isEqualTo(opened.envelope().correlationId());

        clock.advance(Duration.ofMinutes(15));
        assertThat(ofCase(fireAll(firing), caseId)).containsExactly(caseId + ":-:EMERGENCY_RESPONSE:COMMAND_CENTER:1");
        CaseEscalated repeat = awaitEscalated(caseId + ":-:EMERGENCY_RESPONSE:COMMAND_CENTER:1");
        assertThat(repeat.recipients()).containsExactly("COMMAND_CENTER", "LEADERSHIP");
        assertThat(repeat.late()).isEqualTo(Duration.ofMinutes(15));

        KafkaProbe.publish(brokers, accepted(caseId, caseId + "-A1", clock.instant()));
        await().atMost(Duration.ofSeconds(30)).until(() -> timer(caseId, null, Milestone.EMERGENCY_RESPONSE)
                .getState().name().equals("MET"));

        clock.advance(Duration.ofMinutes(30));
        assertThat(ofCase(fireAll(firing), caseId)).isEmpty();
        assertThat(escalations.ofCase(caseId)).hasSize(2).allSatisfy(e -> assertThat(e.open()).isFalse());
    }

    @Test
    void whenAnEmergencyOfAnUnplannedCategoryIsOpenedThenTheDefaultPlanIsNamed() {
        String caseId = newCase();

        service.handle(opened(caseId, Urgency.EMERGENCY, "HOUSING", clock.instant()));

        assertThat(escalations.ofCase(caseId)).singleElement()
                .satisfies(e -> assertThat(e.emergencyPlan()).isEqualTo("GENERAL_EMERGENCY_PLAN"));
    }

    // --- the ladder -----------------------------------------------------------------------------------------------

    @Test
    void whenTheDepartmentNeverSignsThenEveryLevelFiresAndNightNoticesWaitForTheNextWorkingStart() {
        String caseId = newCase();
        String assignment = caseId + "-A1";
        Instant friday9 = shanghai(4, 9, 0);
        Instant friday17 = shanghai(4, 17, 0);
        clock.moveTo(friday9);
        KafkaProbe.publish(brokers, assigned(caseId, assignment, "FACILITIES", Urgency.NORMAL, friday9,
                acceptBy(friday17)));
        assertThat(timer(caseId, assignment, Milestone.ACCEPTANCE).getDueAt()).isEqualTo(shanghai(4, 15, 42));

        clock.moveTo(shanghai(4, 15, 42));
        assertThat(ofCase(fireAll(firing), caseId)).containsExactly(caseId + ":" + assignment + ":ACCEPTANCE:REMINDER");

        // Sunday midnight: the overdue warning is due since Friday 17:00, but waits for Monday 09:00
        clock.moveTo(shanghai(6, 0, 0));
        assertThat(ofCase(fireAll(firing), caseId)).isEmpty();
        assertThat(timer(caseId, assignment, Milestone.ACCEPTANCE).getDueAt()).isEqualTo(shanghai(7, 9, 0));

        clock.moveTo(shanghai(7, 9, 0));
        assertThat(ofCase(fireAll(firing), caseId)).containsExactly(caseId + ":" + assignment + ":ACCEPTANCE:OVERDUE");

        // supervision was due at Monday 10:00, leadership at 17:30: both fire, in order
        clock.moveTo(shanghai(7, 17, 45));
        assertThat(ofCase(fireAll(firing), caseId)).containsExactly(
                caseId + ":" + assignment + ":ACCEPTANCE:SUPERVISOR", caseId + ":" + assignment + ":ACCEPTANCE:LEADERSHIP");
        assertThat(timer(caseId, assignment, Milestone.ACCEPTANCE).getState().name()).isEqualTo("DONE");

        CaseEscalated reminder = awaitEscalated(caseId + ":" + assignment + ":ACCEPTANCE:REMINDER");
        assertThat(reminder.late()).isEqualTo(Duration.ofMinutes(-78));
        assertThat(reminder.recipients()).containsExactly("DEPARTMENT:FACILITIES");
        CaseEscalated overdue = awaitEscalated(caseId + ":" + assignment + ":ACCEPTANCE:OVERDUE");
        assertThat(overdue.late()).isEqualTo(Duration.between(friday17, shanghai(7, 9, 0)));
        assertThat(overdue.deadline()).isEqualTo(friday17);
        assertThat(overdue.occurredAt()).isEqualTo(shanghai(7, 9, 0));
        CaseEscalated leadership = awaitEscalated(caseId + ":" + assignment + ":ACCEPTANCE:LEADERSHIP");
        assertThat(leadership.recipients()).containsExactly("LEADERSHIP", "SUPERVISOR", "DEPARTMENT:FACILITIES");
        assertThat(leadership.late()).isEqualTo(Duration.between(friday17, shanghai(7, 17, 45)));
    }

    @Test
    void whenMilestonesAreMetBeforeTheirAssignmentsArriveThenNoTimerFires() {
        String caseId = newCase();
        Instant t0 = clock.instant();
        Deadlines deadlines = new Deadlines(t0.plus(Duration.ofHours(1)), null, t0.plus(Duration.ofHours(2)),
                t0.plus(Duration.ofHours(3)), null, null);
        CaseAssigned older = assigned(caseId, caseId + "-A1", "WATER", Urgency.EMERGENCY, t0, deadlines);
        CaseAssigned newer = assigned(caseId, caseId + "-A2", "FIRE", Urgency.EMERGENCY, t0.plusSeconds(60),
                deadlines);
        CaseAccepted accepted = accepted(caseId, newer.assignmentId(), t0.plusSeconds(120));

        service.handle(accepted);
        service.handle(new CaseProgressed(envelope(caseId, t0.plusSeconds(180), "routing-service"),
                newer.assignmentId(), "FIRE", "Crew at work", Milestone.HANDLING));
        service.handle(resolved(caseId, "FIRE", t0.plusSeconds(240)));
        service.handle(newer);
        service.handle(older);
        service.handle(accepted);

        clock.advance(Duration.ofDays(1));
        assertThat(ofCase(fireAll(firing), caseId)).isEmpty();
        assertThat(timers.ofCase(caseId)).extracting(t -> t.getAssignmentId() + "/" + t.getMilestone() + "/"
                + t.getState()).containsExactlyInAnyOrder(
                        // an emergency assignment: once resolved, its after-action review is owed
                        "null/AFTER_ACTION_REVIEW/OPEN",
                        caseId + "-A1/ACCEPTANCE/CANCELLED", caseId + "-A1/HANDLING/CANCELLED",
                        caseId + "-A1/RESOLUTION/CANCELLED", caseId + "-A2/ACCEPTANCE/MET",
                        caseId + "-A2/HANDLING/MET", caseId + "-A2/RESOLUTION/MET");
    }

    @Test
    void whenAMilestoneIsMetAfterItsStepsBeganThenTheRestOfTheLadderIsCancelledAndItsEscalationsClose() {
        String caseId = newCase();
        String assignment = caseId + "-A1";
        service.handle(assigned(caseId, assignment, "WATER", Urgency.EMERGENCY, clock.instant(),
                acceptBy(clock.instant().plus(Duration.ofHours(1)))));
        clock.advance(Duration.ofMinutes(61));
        assertThat(ofCase(fireAll(firing), caseId)).hasSize(2);

        service.handle(accepted(caseId, assignment, clock.instant()));

        clock.advance(Duration.ofDays(1));
        assertThat(ofCase(fireAll(firing), caseId)).isEmpty();
        assertThat(timer(caseId, assignment, Milestone.ACCEPTANCE).getState().name()).isEqualTo("MET");
        assertThat(escalations.ofCase(caseId)).allSatisfy(e -> {
            assertThat(e.open()).isFalse();
            assertThat(e.settledBy()).isEqualTo("accepted");
        });
    }

    @Test
    void whenTheClockIsPausedThenNothingFiresUntilItResumesWithNewDeadlines() {
        String caseId = newCase();
        String assignment = caseId + "-A1";
        Instant t0 = clock.instant();
        service.handle(assigned(caseId, assignment, "WATER", Urgency.EMERGENCY, t0,
                acceptBy(t0.plus(Duration.ofMinutes(30)))));
        service.handle(new CaseOnHold(envelope(caseId, t0.plusSeconds(60), "routing-service"), assignment, "WATER",
                "Waiting for the caller's photos"));

        clock.advance(Duration.ofDays(1));
        assertThat(ofCase(fireAll(firing), caseId)).isEmpty();
        assertThat(timer(caseId, assignment, Milestone.ACCEPTANCE).getState().name()).isEqualTo("SUSPENDED");

        Instant newDeadline = clock.instant().plus(Duration.ofMinutes(30));
        service.handle(new DeadlinesChanged(envelope(caseId, clock.instant(), "routing-service"), assignment, "WATER",
                acceptBy(newDeadline), DeadlineChange.RESUMED, 1, "Photos received"));
        assertThat(timer(caseId, assignment, Milestone.ACCEPTANCE).getState().name()).isEqualTo("OPEN");

        clock.moveTo(newDeadline.minusSeconds(1));
        assertThat(ofCase(fireAll(firing), caseId)).doesNotContain(caseId + ":" + assignment + ":ACCEPTANCE:OVERDUE");
        clock.moveTo(newDeadline);
        assertThat(ofCase(fireAll(firing), caseId)).containsExactly(caseId + ":" + assignment + ":ACCEPTANCE:OVERDUE");
        assertThat(awaitEscalated(caseId + ":" + assignment + ":ACCEPTANCE:OVERDUE").deadline()).isEqualTo(newDeadline);
    }

    // --- durable, exactly once ------------------------------------------------------------------------------------

    @Test
    void whenTwoInstancesPollOneStoreThenEveryStepFiresExactlyOnce() throws Exception {
        List<String> caseIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String caseId = newCase();
            caseIds.add(caseId);
            service.handle(assigned(caseId, caseId + "-A1", "WATER", Urgency.EMERGENCY, clock.instant(),
                    acceptBy(clock.instant().plus(Duration.ofMinutes(30)))));
        }
        TimerFiring other = new TimerFiring(timers, escalations, cases, calendars, properties, clock);
        clock.advance(Duration.ofDays(1));

        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<List<String>> first = CompletableFuture.supplyAsync(() -> {
            awaitStart(start);
            return fireAll(firing);
        });
        CompletableFuture<List<String>> second = CompletableFuture.supplyAsync(() -> {
            awaitStart(start);
            return fireAll(other);
        });
        start.countDown();
        List<String> fired = new ArrayList<>(first.get());
        fired.addAll(second.get());

        List<String> ours = fired.stream().filter(id -> caseIds.stream().anyMatch(c -> id.startsWith(c + ":")))
                .toList();
        assertThat(ours).hasSize(20).doesNotHaveDuplicates();
        for (String caseId : caseIds) {
            assertThat(escalations.ofCase(caseId)).extracting(e -> e.level().name())
                    .containsExactlyInAnyOrder("REMINDER", "OVERDUE", "SUPERVISOR", "LEADERSHIP");
            // waits until the four events reached Kafka
            kafka.await(r -> eventsOf("org.hotline.case.escalated.v1", caseId) == 4);
        }
    }

    private static void awaitStart(CountDownLatch latch) {
        try {
            latch.await();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    @Test
    void whenTheServiceComesBackAfterDeadlinesPassedThenTheOverdueStepsFireInDueOrder() {
        String a = newCase();
        String b = newCase();
        String c = newCase();
        Instant t0 = clock.instant();
        service.handle(assigned(a, a + "-A1", "WATER", Urgency.EMERGENCY, t0, acceptBy(t0.plus(Duration.ofMinutes(60)))));
        service.handle(assigned(b, b + "-A1", "WATER", Urgency.EMERGENCY, t0, acceptBy(t0.plus(Duration.ofMinutes(100)))));
        service.handle(assigned(c, c + "-A1", "WATER", Urgency.EMERGENCY, t0, acceptBy(t0.plus(Duration.ofMinutes(170)))));

        // nothing polled while the service was down; the poll at start-up fires what fell due meanwhile
        clock.advance(Duration.ofDays(2));
        List<String> fired = fireAll(firing).stream().filter(id -> id.startsWith(a) || id.startsWith(b)
                || id.startsWith(c)).map(id -> (id.startsWith(a) ? "a" : id.startsWith(b) ? "b" : "c") + "."
                        + id.substring(id.lastIndexOf(':') + 1)).toList();

        // reminders at 80 % of the window, supervisor 2 h and leadership 8 h after the deadline (acceptance ladder)
        assertThat(fired).containsExactly("a.REMINDER", "a.OVERDUE", "b.REMINDER", "b.OVERDUE", "c.REMINDER",
                "c.OVERDUE", "a.SUPERVISOR", "b.SUPERVISOR", "c.SUPERVISOR", "a.LEADERSHIP", "b.LEADERSHIP",
                "c.LEADERSHIP");
    }

    /** Another instance on the same store: its own queue of due timers, its own consumer. */
    record Instance(EscalationService service, TimerFiring firing) {
    }

    Instance anotherInstance() {
        TimerStore store = new TimerStore(mongo, calendars, properties, escalations, clock);
        return new Instance(new EscalationService(cases, mongo, store, escalations, calendars, properties, clock),
                new TimerFiring(store, escalations, cases, calendars, properties, clock));
    }

    @Test
    void whenAnInstanceRestartsWithNothingInMemoryThenTheOverdueStepsFireInDueOrder() {
        String a = newCase();
        String b = newCase();
        Instant t0 = clock.instant();
        service.handle(assigned(b, b + "-A1", "WATER", Urgency.EMERGENCY, t0, acceptBy(t0.plus(Duration.ofMinutes(100)))));
        service.handle(assigned(a, a + "-A1", "WATER", Urgency.EMERGENCY, t0, acceptBy(t0.plus(Duration.ofMinutes(60)))));
        clock.advance(Duration.ofDays(2));

        // a fresh instance knows of no timer: its first look scans the store
        List<String> fired = fireAll(anotherInstance().firing()).stream().filter(id -> id.startsWith(a)
                || id.startsWith(b)).map(id -> (id.startsWith(a) ? "a" : "b") + "."
                        + id.substring(id.lastIndexOf(':') + 1)).toList();

        assertThat(fired).containsExactly("a.REMINDER", "a.OVERDUE", "b.REMINDER", "b.OVERDUE", "a.SUPERVISOR",
                "b.SUPERVISOR", "a.LEADERSHIP", "b.LEADERSHIP");
        assertThat(ofCase(fireAll(firing), a)).isEmpty();
    }

    @Test
    void whenAnotherInstanceSetATimerThenThisOneFiresItOnceItScansTheStore() {
        String caseId = newCase();
        String assignment = caseId + "-A1";
        fireAll(firing);
        Instant t0 = clock.instant();
        // the instance that took the assignment died before the step was due
        anotherInstance().service().handle(assigned(caseId, assignment, "WATER", Urgency.EMERGENCY, t0,
                acceptBy(t0.plusSeconds(10))));

        clock.advance(Duration.ofSeconds(10));
        assertThat(ofCase(fireAll(firing), caseId)).isEmpty();

        clock.advance(properties.scanInterval());
        assertThat(ofCase(fireAll(firing), caseId)).containsExactly(caseId + ":" + assignment + ":ACCEPTANCE:REMINDER",
                caseId + ":" + assignment + ":ACCEPTANCE:OVERDUE");
    }

    @Test
    void whenAnotherInstanceMovedATimerThisOneHoldsThenItFiresAtItsNewTimeNotBefore() {
        String caseId = newCase();
        String assignment = caseId + "-A1";
        Instant t0 = clock.instant();
        service.handle(assigned(caseId, assignment, "WATER", Urgency.EMERGENCY, t0,
                acceptBy(t0.plus(Duration.ofMinutes(30)))));
        assertThat(timer(caseId, assignment, Milestone.ACCEPTANCE).getDueAt()).isEqualTo(t0.plus(Duration.ofMinutes(24)));
        Instant extended = t0.plus(Duration.ofHours(2));
        anotherInstance().service().handle(new DeadlinesChanged(envelope(caseId, t0.plusSeconds(60),
                "routing-service"), assignment, "WATER", acceptBy(extended), DeadlineChange.EXTENSION, 1,
                "Parts on order"));
        Instant reminder = t0.plus(Duration.ofMinutes(96));
        assertThat(timer(caseId, assignment, Milestone.ACCEPTANCE).getDueAt()).isEqualTo(reminder);

        // this instance still expects the reminder at the old time
        clock.moveTo(t0.plus(Duration.ofMinutes(24)));
        assertThat(ofCase(fireAll(firing), caseId)).isEmpty();
        clock.moveTo(reminder.minusSeconds(1));
        assertThat(ofCase(fireAll(firing), caseId)).isEmpty();

        clock.moveTo(reminder);
        assertThat(ofCase(fireAll(firing), caseId)).containsExactly(caseId + ":" + assignment + ":ACCEPTANCE:REMINDER");
        assertThat(awaitEscalated(caseId + ":" + assignment + ":ACCEPTANCE:REMINDER").deadline()).isEqualTo(extended);
    }

    @Test
    void whenTwoInstancesEachSetSomeTimersThenEveryStepFiresExactlyOnce() throws Exception {
        Instance other = anotherInstance();
        List<String> caseIds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String caseId = newCase();
            caseIds.add(caseId);
            (i % 2 == 0 ? service : other.service()).handle(assigned(caseId, caseId + "-A1", "WATER",
                    Urgency.EMERGENCY, clock.instant(), acceptBy(clock.instant().plus(Duration.ofMinutes(30)))));
        }
        clock.advance(Duration.ofDays(1));

        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<List<String>> first = CompletableFuture.supplyAsync(() -> {
            awaitStart(start);
            return fireAll(firing);
        });
        CompletableFuture<List<String>> second = CompletableFuture.supplyAsync(() -> {
            awaitStart(start);
            return fireAll(other.firing());
        });
        start.countDown();
        List<String> fired = new ArrayList<>(first.get());
        fired.addAll(second.get());

        assertThat(fired.stream().filter(id -> caseIds.stream().anyMatch(c -> id.startsWith(c + ":"))).toList())
                .hasSize(24).doesNotHaveDuplicates();
        for (String caseId : caseIds) {
            assertThat(escalations.ofCase(caseId)).extracting(e -> e.level().name())
                    .containsExactlyInAnyOrder("REMINDER", "OVERDUE", "SUPERVISOR", "LEADERSHIP");
        }
    }

    @Test
    void whenAnInstanceDiesAfterClaimingATimerThenAnotherFiresItOnceTheLeaseLapses() {
        String caseId = newCase();
        String assignment = caseId + "-A1";
        service.handle(assigned(caseId, assignment, "WATER", Urgency.EMERGENCY, clock.instant(),
                acceptBy(clock.instant().plus(Duration.ofMinutes(30)))));
        clock.advance(Duration.ofMinutes(25));
        // the instance that died had claimed the timer and recorded the reminder, but not moved the timer on
        String timerId = TimerSpec.timerId(caseId, assignment, Milestone.ACCEPTANCE);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(timerId)), new Update()
                .set("claimedUntil", clock.instant().plus(properties.claimLease())).set("claim", "dead-instance")
                .inc("version", 1L), TimerDocument.class);
        escalations.record(Notices.step(timer(caseId, assignment, Milestone.ACCEPTANCE), EscalationLevel.REMINDER,
                properties.policy(), clock.instant()));

        assertThat(ofCase(fireAll(firing), caseId)).isEmpty();
        awaitEscalated(timerId + ":REMINDER");

        clock.advance(properties.claimLease().plusSeconds(1));
        assertThat(ofCase(fireAll(firing), caseId)).containsExactly(timerId + ":REMINDER");
        assertThat(escalations.ofCase(caseId)).singleElement()
                .satisfies(e -> assertThat(e.level()).isEqualTo(EscalationLevel.REMINDER));
        assertThat(eventsOf("org.hotline.case.escalated.v1", caseId)).isEqualTo(1);
    }

    // --- supervision ----------------------------------------------------------------------------------------------

    JsonNode getJson(String uri) {
        ResponseEntity<String> response = http.get().uri(uri).retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return JSON.readTree(response.getBody());
    }

    @Test
    void whenASupervisorAcknowledgesAnEscalationThenItIsNoLongerOpenAndTheAcknowledgementIsPublished() {
        String caseId = newCase();
        String department = "D" + caseId.substring(0, 8).toUpperCase();
        String assignment = caseId + "-A1";
        service.handle(assigned(caseId, assignment, department, Urgency.EMERGENCY, clock.instant(),
                acceptBy(clock.instant().plus(Duration.ofMinutes(30)))));
        clock.advance(Duration.ofDays(1));
        fireAll(firing);

        assertThat(getJson("/api/escalations?department=" + department + "&open=true").get("totalElements")
                .asLong()).isEqualTo(4);
        JsonNode page = getJson("/api/escalations?department=" + department + "&size=3&page=1");
        assertThat(page.get("content")).hasSize(1);
        assertThat(page.get("totalPages").asInt()).isEqualTo(2);
        JsonNode supervisor = getJson("/api/escalations?department=" + department + "&level=SUPERVISOR")
                .get("content");
        assertThat(supervisor).hasSize(1);
        String id = supervisor.get(0).get("escalationId").asString();
        assertThat(id).isEqualTo(caseId + ":" + assignment + ":ACCEPTANCE:SUPERVISOR");
        // 30 min deadline + 2 h, fired a day after the assignment: an ISO-8601 duration
        assertThat(supervisor.get(0).get("late").asString()).isEqualTo("PT23H30M");

        // who acknowledged is the token's subject, whatever the body says
        ResponseEntity<String> acknowledged = TestHttp.client(port, TestTokens.token("supervisor-7", null,
                "SUPERVISOR")).post().uri("/api/escalations/{id}/acknowledge", id)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("acknowledgedBy", "someone-else", "note", "Called the department head"))
                .retrieve().toEntity(String.class);

        assertThat(acknowledged.getStatusCode().value()).isEqualTo(200);
        assertThat(JSON.readTree(acknowledged.getBody()).get("open").asBoolean()).isFalse();
        EscalationAcknowledged event = kafka.awaitEvent(caseId, EscalationAcknowledged.class);
        assertThat(event.escalationId()).isEqualTo(id);
        assertThat(event.acknowledgedBy()).isEqualTo("supervisor-7");
        assertThat(event.note()).isEqualTo("Called the department head");
        assertThat(getJson("/api/escalations?department=" + department + "&open=true").get("totalElements")
                .asLong()).isEqualTo(3);
        JsonNode summary = getJson("/api/escalations/summary");
        assertThat(summary.get("byDepartment").get(department).asLong()).isEqualTo(3);
        assertThat(summary.get("counts").toString()).contains(department);

        ResponseEntity<String> again = http.post().uri("/api/escalations/{id}/acknowledge", id)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("acknowledgedBy", "s-8", "note", "Again"))
                .retrieve().toEntity(String.class);
        assertThat(again.getStatusCode().value()).isEqualTo(409);

        // the department signs at last: the escalations still open close
        service.handle(accepted(caseId, assignment, clock.instant()));
        assertThat(getJson("/api/escalations?department=" + department + "&open=true").get("totalElements")
                .asLong()).isZero();
        assertThat(getJson("/api/escalations/summary").get("byDepartment").has(department)).isFalse();
    }

    @Test
    void whenTheSupervisionApiGetsBadInputThenItAnswersWithProblemsNamingTheField() {
        ResponseEntity<String> badLevel = http.get().uri("/api/escalations?level=URGENT").retrieve()
                .toEntity(String.class);
        assertThat(badLevel.getStatusCode().value()).isEqualTo(400);
        assertThat(badLevel.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(badLevel.getBody()).contains("level");

        ResponseEntity<String> badSize = http.get().uri("/api/escalations?size=0").retrieve().toEntity(String.class);
        assertThat(badSize.getStatusCode().value()).isEqualTo(400);
        assertThat(badSize.getBody()).contains("size");

        ResponseEntity<String> unknown = http.post().uri("/api/escalations/{id}/acknowledge", "no-such-escalation")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("acknowledgedBy", "s-1", "note", "Seen"))
                .retrieve().toEntity(String.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getHeaders().getContentType()).hasToString("application/problem+json");

        ResponseEntity<String> blankNote = http.post().uri("/api/escalations/{id}/acknowledge", "no-such-escalation")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("acknowledgedBy", "s-1", "note", " "))
                .retrieve().toEntity(String.class);
        assertThat(blankNote.getStatusCode().value()).isEqualTo(400);
        assertThat(blankNote.getBody()).contains("note");

        ResponseEntity<String> notJson = http.post().uri("/api/escalations/{id}/acknowledge", "x")
                .contentType(MediaType.APPLICATION_JSON).body("{").retrieve().toEntity(String.class);
        assertThat(notJson.getStatusCode().value()).isEqualTo(400);

        ResponseEntity<String> unknownCase = http.get().uri("/api/escalations/cases/{id}", "no-such-case").retrieve()
                .toEntity(String.class);
        assertThat(unknownCase.getStatusCode().value()).isEqualTo(404);
        assertThat(unknownCase.getHeaders().getContentType()).hasToString("application/problem+json");
    }

    // --- calendar and poison records -------------------------------------------------------------------------

    @Test
    void whenRoutingPublishesTheWorkingCalendarThenItIsInForce() {
        WorkingCalendar standard = WorkingCalendar.standard();
        // the same working time as the standard calendar today, so the other scenarios are not affected
        WorkingCalendar published = new WorkingCalendar(standard.zone(), standard.periods(), standard.weekend(),
                Set.of(), Set.of(LocalDate.of(2020, 1, 4)));

        KafkaProbe.publish(brokers, new CalendarPublished(new EventEnvelope(UUID.randomUUID(),
                CalendarPublished.key("default"), clock.instant(), 1, "routing-service", null, null), "default", 1,
                published));

        await().atMost(Duration.ofSeconds(30)).until(() -> calendars.current().equals(published));
    }

    @Test
    void whenACaseRecordCannotBeReadThenItGoesToTheDeadLetterTopic() {
        String key = newCase();
        try (KafkaProbe deadLetters = new KafkaProbe(brokers, List.of(Topics.deadLetter(Topics.CASE_ASSIGNED,
                "escalation-service")))) {
            KafkaProbe.publishRaw(brokers, Topics.CASE_ASSIGNED, key, "{not json".getBytes(StandardCharsets.UTF_8),
                    Map.of(CloudEventHeaders.TYPE, "org.hotline.case.assigned.v1"));

            deadLetters.await(r -> key.equals(r.key()));
        }
    }

    // --- identity and roles ---------------------------------------------------------------------------------------

    @Test
    void whenAnyEndpointIsCalledWithoutAValidTokenOrRoleThenItIsRefused() {
        EndpointSecurity.assertTokensAndRolesAreRequired(applicationContext, port, List.of());
    }

    @Test
    void whenCallersLackATokenTheRoleOrTheDepartmentThenTheyAreRefused() {
        String caseId = newCase();
        service.handle(opened(caseId, Urgency.EMERGENCY, "OTHER", clock.instant()));
        service.handle(accepted(caseId, caseId + "-A1", clock.instant().plusSeconds(60)));
        service.handle(resolved(caseId, "FIRE", clock.instant().plus(Duration.ofHours(2))));
        RestClient anonymous = TestHttp.client(port, null);
        RestClient fireStaff = TestHttp.client(port, TestTokens.token("dept-fire", "FIRE", "DEPARTMENT"));
        RestClient waterStaff = TestHttp.client(port, TestTokens.token("dept-water", "WATER", "DEPARTMENT"));
        RestClient analyst = TestHttp.client(port, TestTokens.token("analyst-1", null, "ANALYST"));
        Map<String, String> review = Map.of("department", "FIRE", "cause", "Corroded gas valve", "measures",
                "Quarterly valve checks");

        assertThat(anonymous.get().uri("/api/escalations").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(401);
        assertThat(TestHttp.client(port, TestTokens.expired("SUPERVISOR")).get().uri("/api/escalations/summary")
                .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(401);
        assertThat(fireStaff.get().uri("/api/escalations").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(403);
        assertThat(analyst.get().uri("/api/escalations/summary").retrieve().toBodilessEntity().getStatusCode()
                .value()).isEqualTo(200);
        assertThat(analyst.post().uri("/api/escalations/{id}/acknowledge", caseId + ":x").contentType(
                MediaType.APPLICATION_JSON).body(Map.of("note", "seen")).retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(403);
        // another department's staff learn nothing about the case: 404, as for an unknown case
        assertThat(waterStaff.post().uri("/api/escalations/cases/{id}/after-action-review", caseId)
                .contentType(MediaType.APPLICATION_JSON).body(review).retrieve().toBodilessEntity().getStatusCode()
                .value()).isEqualTo(404);
        assertThat(fireStaff.post().uri("/api/escalations/cases/{id}/after-action-review", caseId)
                .contentType(MediaType.APPLICATION_JSON).body(review).retrieve().toBodilessEntity().getStatusCode()
                .value()).isEqualTo(201);
    }

    // --- after-action review --------------------------------------------------------------------------------------

    @Test
    void whenAnEmergencyIsResolvedThenItsReviewIsDueAndFilingItMeetsTheMilestone() {
        String caseId = newCase();
        service.handle(opened(caseId, Urgency.EMERGENCY, "OTHER", clock.instant()));
        service.handle(accepted(caseId, caseId + "-A1", clock.instant().plusSeconds(60)));
        Instant resolvedAt = clock.instant().plus(Duration.ofHours(10));
        service.handle(resolved(caseId, "FIRE", resolvedAt));

        TimerDocument review = timer(caseId, null, Milestone.AFTER_ACTION_REVIEW);
        assertThat(review.getState().name()).isEqualTo("OPEN");
        assertThat(review.getDeadline()).isEqualTo(calendars.current().plusWorkingDays(resolvedAt,
                properties.afterActionReview().workingDays()));

        ResponseEntity<String> missingCause = http.post().uri("/api/escalations/cases/{id}/after-action-review",
                caseId).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("department", "FIRE", "measures", "Quarterly valve checks")).retrieve()
                .toEntity(String.class);
        assertThat(missingCause.getStatusCode().value()).isEqualTo(400);
        assertThat(missingCause.getBody()).contains("cause");

        ResponseEntity<String> filed = http.post().uri("/api/escalations/cases/{id}/after-action-review", caseId)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("department", "FIRE", "cause",
                        "Corroded gas valve", "measures", "Quarterly valve checks"))
                .retrieve().toEntity(String.class);

        assertThat(filed.getStatusCode().value()).isEqualTo(201);
        AfterActionReviewed event = kafka.awaitEvent(caseId, AfterActionReviewed.class);
        assertThat(event.departmentCode()).isEqualTo("FIRE");
        assertThat(event.cause()).isEqualTo("Corroded gas valve");
        assertThat(event.measures()).isEqualTo("Quarterly valve checks");
        assertThat(timer(caseId, null, Milestone.AFTER_ACTION_REVIEW).getState().name()).isEqualTo("MET");

        ResponseEntity<String> again = http.post().uri("/api/escalations/cases/{id}/after-action-review", caseId)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("department", "FIRE", "cause", "x",
                        "measures", "y")).retrieve().toEntity(String.class);
        assertThat(again.getStatusCode().value()).isEqualTo(409);

        String ordinary = newCase();
        service.handle(opened(ordinary, Urgency.NORMAL, "OTHER", clock.instant()));
        ResponseEntity<String> notEmergency = http.post().uri("/api/escalations/cases/{id}/after-action-review",
                ordinary).contentType(MediaType.APPLICATION_JSON).body(Map.of("department", "FIRE", "cause", "x",
                        "measures", "y")).retrieve().toEntity(String.class);
        assertThat(notEmergency.getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void whenTheReviewIsNotFiledThenItsOwnLadderFires() {
        String caseId = newCase();
        service.handle(opened(caseId, Urgency.EMERGENCY, "OTHER", clock.instant()));
        Instant resolvedAt = shanghai(0, 10, 0);
        service.handle(resolved(caseId, "FIRE", resolvedAt));
        Instant due = timer(caseId, null, Milestone.AFTER_ACTION_REVIEW).getDeadline();

        // the review is due at the end of a working day; two weeks later at 16:00 is working time
        clock.moveTo(due.plus(Duration.ofDays(14)).minus(Duration.ofHours(2)));
        assertThat(ofCase(fireAll(firing), caseId)).filteredOn(id -> id.contains("AFTER_ACTION_REVIEW"))
                .containsExactly(caseId + ":-:AFTER_ACTION_REVIEW:REMINDER", caseId + ":-:AFTER_ACTION_REVIEW:OVERDUE",
                        caseId + ":-:AFTER_ACTION_REVIEW:SUPERVISOR", caseId + ":-:AFTER_ACTION_REVIEW:LEADERSHIP");
    }

    // --- store round trips per event --------------------------------------------------------------------------------

    @Autowired
    StoreCommands store;

    @Test
    void whenACaseRunsItsCourseThenEachEventSendsOnlyTheStoreCommandsItNeeds() {
        String caseId = newCase();
        String assignment = caseId + "-A1";
        Instant t0 = clock.instant();
        Deadlines deadlines = new Deadlines(t0.plus(Duration.ofHours(1)), null, t0.plus(Duration.ofHours(4)),
                t0.plus(Duration.ofHours(8)), t0.plus(Duration.ofHours(9)), null);
        CaseAssigned assigned = assigned(caseId, assignment, "WATER", Urgency.NORMAL, t0.plusSeconds(1), deadlines);

        CaseOpened opened = opened(caseId, Urgency.NORMAL, "LIVING", t0);
        StoreCommands.Counts openedOnce = store.count(() -> service.handle(opened));
        assertThat(openedOnce.writes()).containsExactly("findAndModify escalation_cases");
        assertThat(openedOnce.reads()).isEmpty();

        // a redelivery: the upsert finds the event handled, and nothing changes
        StoreCommands.Counts openedAgain = store.count(() -> service.handle(opened));
        assertThat(openedAgain.writes()).containsExactly("findAndModify escalation_cases");
        assertThat(cases.findById(caseId)).get().satisfies(c -> assertThat(c.getVersion()).isEqualTo(1L));

        // four new timers: inserted in one command, without looking them up first
        StoreCommands.Counts assignedOnce = store.count(() -> service.handle(assigned));
        assertThat(assignedOnce.writes()).containsExactly("update escalation_cases", "insert escalation_timers");
        assertThat(assignedOnce.reads()).containsExactly("find escalation_cases");
        assertThat(timers.ofCase(caseId)).hasSize(4);

        // a redelivery writes nothing
        StoreCommands.Counts assignedAgain = store.count(() -> service.handle(assigned));
        assertThat(assignedAgain.writes()).isEmpty();

        // a progress report that meets no milestone changes no fact: nothing to write
        StoreCommands.Counts progressed = store.count(() -> service.handle(new CaseProgressed(envelope(caseId,
                t0.plusSeconds(2), "routing-service"), assignment, "WATER", "Looking into it", null)));
        assertThat(progressed.writes()).isEmpty();
        assertThat(progressed.reads()).containsExactly("find escalation_cases");

        // one timer met before any of its steps fired: no escalation to settle
        StoreCommands.Counts accepted = store.count(() -> service.handle(accepted(caseId, assignment,
                t0.plusSeconds(3))));
        assertThat(accepted.writes()).containsExactly("update escalation_cases", "update escalation_timers");
        assertThat(accepted.reads()).containsExactly("find escalation_cases", "find escalation_timers");

        // two timers met (handling, resolution): written in one command
        StoreCommands.Counts resolved = store.count(() -> service.handle(resolved(caseId, "WATER",
                t0.plusSeconds(4))));
        assertThat(resolved.writes()).containsExactly("update escalation_cases", "update escalation_timers");
        assertThat(timers.ofCase(caseId)).extracting(t -> t.getMilestone() + "/" + t.getState()).containsExactly(
                "ACCEPTANCE/MET", "FEEDBACK/OPEN", "HANDLING/MET", "RESOLUTION/MET");
        assertThat(cases.findById(caseId)).get().satisfies(c -> assertThat(c.facts().category()).isEqualTo("LIVING"));
    }

    @Test
    void whenAnEmergencyIsOpenedThenItsAlertIsTheFirstWriteAndNothingIsLookedUpButTheCase() {
        String caseId = newCase();
        CaseOpened opened = opened(caseId, Urgency.EMERGENCY, "PUBLIC_HEALTH", clock.instant());

        StoreCommands.Counts first = store.count(() -> service.handle(opened));

        assertThat(first.writes()).containsExactly("insert escalations", "insert escalation_cases",
                "insert escalation_timers");
        assertThat(first.reads()).containsExactly("find escalation_cases");
        awaitEscalated(caseId + ":-:EMERGENCY_RESPONSE:COMMAND_CENTER:0");

        // a redelivery only tries the alert again (stored once) and changes nothing else
        StoreCommands.Counts again = store.count(() -> service.handle(opened));
        assertThat(again.writes()).containsExactly("insert escalations");
        assertThat(escalations.ofCase(caseId)).hasSize(1);
        assertThat(timer(caseId, null, Milestone.EMERGENCY_RESPONSE).getStep()).isEqualTo(1);
    }

    @Test
    void whenTheAssignmentArrivesBeforeTheOpeningAndAfterTheAcceptanceThenTheTimersComeOutTheSame() {
        String inOrder = newCase();
        String outOfOrder = newCase();
        Instant t0 = shanghai(0, 9, 0);
        clock.moveTo(t0);
        Deadlines deadlines = new Deadlines(t0.plus(Duration.ofHours(1)), null, t0.plus(Duration.ofHours(4)), null,
                null, null);
        service.handle(opened(inOrder, Urgency.NORMAL, "LIVING", t0));
        service.handle(assigned(inOrder, "A1", "WATER", Urgency.NORMAL, t0.plusSeconds(1), deadlines));
        service.handle(accepted(inOrder, "A1", t0.plusSeconds(60)));

        service.handle(accepted(outOfOrder, "A1", t0.plusSeconds(60)));
        StoreCommands.Counts assigned = store.count(() -> service.handle(assigned(outOfOrder, "A1", "WATER",
                Urgency.NORMAL, t0.plusSeconds(1), deadlines)));
        service.handle(opened(outOfOrder, Urgency.NORMAL, "LIVING", t0));

        // the acceptance timer is born met: it raised nothing, so there is nothing to settle
        assertThat(assigned.writes()).containsExactly("update escalation_cases", "insert escalation_timers");
        assertThat(timers.ofCase(outOfOrder)).extracting(t -> t.getMilestone() + "/" + t.getState() + "/"
                + t.getDueAt() + "/" + t.getDeadline()).containsExactlyElementsOf(timers.ofCase(inOrder).stream()
                        .map(t -> t.getMilestone() + "/" + t.getState() + "/" + t.getDueAt() + "/" + t.getDeadline())
                        .toList())
                .containsExactly("ACCEPTANCE/MET/null/" + deadlines.acceptBy(), "HANDLING/OPEN/"
                        + timer(inOrder, "A1", Milestone.HANDLING).getDueAt() + "/" + deadlines.handleBy());
        assertThat(cases.findById(outOfOrder)).get().satisfies(c -> assertThat(c.facts().category())
                .isEqualTo("LIVING"));
    }

    @Test
    void whenAnEmergencyAssignmentCameBeforeAnOrdinaryOpeningThenTheEmergencyResponseStartsAtTheOpening() {
        String caseId = newCase();
        Instant t0 = clock.instant();
        service.handle(assigned(caseId, caseId + "-A1", "FIRE", Urgency.EMERGENCY, t0.plusSeconds(30),
                acceptBy(t0.plus(Duration.ofHours(1)))));
        assertThat(timers.ofCase(caseId)).extracting(TimerDocument::getMilestone).containsExactly(Milestone.ACCEPTANCE);

        service.handle(opened(caseId, Urgency.NORMAL, "OTHER", t0));

        TimerDocument response = timer(caseId, null, Milestone.EMERGENCY_RESPONSE);
        assertThat(response.getState().name()).isEqualTo("OPEN");
        assertThat(response.getWindowStart()).isEqualTo(t0.truncatedTo(ChronoUnit.MILLIS));
        assertThat(cases.findById(caseId)).get().satisfies(c -> {
            assertThat(c.facts().category()).isEqualTo("OTHER");
            assertThat(c.getCorrelationId()).isEqualTo("corr-" + caseId);
        });
    }

    @Test
    void whenANewTimerExistsAlreadyThenItIsReconciledAsAnyOtherAndFiresOnce() {
        String caseId = newCase();
        String assignment = caseId + "-A1";
        Instant t0 = clock.instant();
        service.handle(assigned(caseId, assignment, "WATER", Urgency.EMERGENCY, t0, acceptBy(t0.plusSeconds(10))));
        Instant dueAt = timer(caseId, assignment, Milestone.ACCEPTANCE).getDueAt();

        // as if the facts had no timer yet: an attempt that failed after inserting it, or another instance
        StoreCommands.Counts again = store.count(() -> timers.reconcile(cases.findById(caseId).orElseThrow(),
                List.of()));

        assertThat(again.writes()).containsExactly("insert escalation_timers");
        assertThat(timer(caseId, assignment, Milestone.ACCEPTANCE).getDueAt()).isEqualTo(dueAt);
        clock.advance(Duration.ofSeconds(10));
        assertThat(ofCase(fireAll(firing), caseId)).containsExactly(caseId + ":" + assignment + ":ACCEPTANCE:REMINDER",
                caseId + ":" + assignment + ":ACCEPTANCE:OVERDUE");
    }
}
