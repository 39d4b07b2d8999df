package org.hotline.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hotline.events.CaseKind;
import org.hotline.events.Channel;
import org.hotline.events.EventCodec;
import org.hotline.events.EventEnvelope;
import org.hotline.events.Topics;
import org.hotline.events.Urgency;
import org.hotline.events.feedback.CaseClosed;
import org.hotline.events.feedback.CaseOutcome;
import org.hotline.events.feedback.CaseReopened;
import org.hotline.events.feedback.CaseResolved;
import org.hotline.events.feedback.ResolutionOutcome;
import org.hotline.events.intake.CaseOpened;
import org.hotline.events.routing.CaseAssigned;
import org.hotline.routing.MongoCommands;
import org.hotline.routing.webhooks.Webhooks;
import org.hotline.testsupport.HotlineServiceTest;
import org.hotline.testsupport.KafkaProbe;
import org.hotline.testsupport.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * What each consumed event costs in MongoDB round trips (issue 9: the load benchmark on two cores), counted with a
 * command listener on the thread that handles the event, and how soon admin changes reach the routing of the next
 * case on the same instance. Another instance's changes: {@code RuleTablesTests}, {@code DepartmentsTests},
 * {@code CalendarsTests}.
 */
@HotlineServiceTest
class RoundTripsIT {

    @LocalServerPort
    int port;

    @Value("${spring.cloud.stream.kafka.binder.brokers}")
    String brokers;

    @Autowired
    RoutingService routing;

    @Autowired
    RoutedCaseRepository cases;

    @Autowired
    Webhooks webhooks;

    @Autowired
    MongoCommands commands;

    RestClient http;
    KafkaProbe kafka;

    @BeforeEach
    void setUp() {
        http = TestHttp.client(port);
        kafka = new KafkaProbe(brokers, List.of(Topics.CASE_ASSIGNED));
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    static CaseOpened opened(String category, String subCategory, String description) {
        String caseId = UUID.randomUUID().toString();
        return new CaseOpened(EventEnvelope.first(caseId, Instant.now(), "intake-service"), "HL-20261124-000001",
                Channel.PHONE, CaseKind.COMPLAINT, category, subCategory, Urgency.NORMAL, description, null, null,
                false, null, null, null, null, null, Instant.now(), List.of());
    }

    static EventEnvelope after(CaseOpened opened, int seconds) {
        return EventEnvelope.causedBy(opened.envelope(), opened.occurredAt().plusSeconds(seconds), "feedback-service");
    }

    static List<String> on(String collection, List<String> sent) {
        return sent.stream().filter(command -> command.endsWith(" " + collection)).toList();
    }

    /** Waits until the outbox relay is done with the case, so that its version no longer moves under a change. */
    void awaitPublished(String caseId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> cases.findById(caseId).orElseThrow().getOutbox().isEmpty());
    }

    @Test
    void whenCasesAreOpenedThenEachIsOneWriteAndTheReferenceDataIsNotReadPerCase() {
        routing.opened(opened("LIVING", "UTILITIES", "warm-up"));
        List<CaseOpened> openings = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            openings.add(opened("LIVING", "UTILITIES", "No heating"));
        }

        List<String> sent = commands.during(() -> openings.forEach(routing::opened));

        System.out.println("MongoDB commands for 20 new cases: " + sent);
        assertThat(on("routed_cases", sent)).hasSize(20).containsOnly("insert routed_cases");
        // the rule table, calendar and departments snapshots are read again only when their TTL (5 s) ran out
        assertThat(sent.size() - 20).as("reads of reference data").isLessThan(10);
        assertThat(cases.findById(openings.get(19).caseId()).orElseThrow().lead().orElseThrow().getDepartmentCode())
                .isEqualTo("FACILITIES");
    }

    @Test
    void whenTheOtherEventsAreHandledThenEachReadsAndWritesTheCaseOnce() {
        CaseOpened opened = opened("LIVING", "UTILITIES", "No heating");
        routing.opened(opened);
        awaitPublished(opened.caseId());

        List<String> again = commands.during(() -> routing.opened(opened));
        ConsumerRecord<String, byte[]> record = kafka.await(r -> opened.caseId().equals(r.key()));
        CaseAssigned assigned = EventCodec.decode(record.value(), CaseAssigned.class);
        List<String> pushed = commands.during(() -> webhooks.push(assigned, record.value()));
        List<String> resolved = commands.during(() -> routing.resolved(new CaseResolved(after(opened, 10),
                "FACILITIES", ResolutionOutcome.RESOLVED, "Fixed", null, null, null, List.of(), null, List.of(),
                false)));
        List<String> reopened = commands.during(() -> routing.reopened(new CaseReopened(after(opened, 20),
                "FACILITIES", "Still cold", 1, false)));
        awaitPublished(opened.caseId());
        List<String> closed = commands.during(() -> routing.closed(new CaseClosed(after(opened, 30),
                CaseOutcome.SATISFIED)));

        System.out.println("MongoDB commands: CaseOpened again " + again + ", CaseAssigned (Kafka departments) "
                + pushed + ", CaseResolved " + resolved + ", CaseReopened " + reopened + ", CaseClosed " + closed);
        assertThat(on("routed_cases", again)).containsExactly("insert routed_cases", "find routed_cases");
        assertThat(on("webhook_deliveries", pushed)).isEmpty();
        assertThat(on("departments", pushed)).hasSizeLessThanOrEqualTo(1);
        assertThat(on("routed_cases", resolved)).containsExactly("find routed_cases", "update routed_cases");
        assertThat(on("routed_cases", reopened)).containsExactly("find routed_cases", "update routed_cases");
        assertThat(on("routed_cases", closed)).containsExactly("find routed_cases", "update routed_cases");
        assertThat(cases.findById(opened.caseId()).orElseThrow().getStatus())
                .isEqualTo(RoutedCase.RoutingStatus.CLOSED);
    }

    @Test
    void whenTheRuleTableIsChangedHereThenTheNextCaseIsRoutedOnIt() {
        routing.opened(opened("LIVING", "UTILITIES", "warm-up"));
        String keyword = "zz-cable-" + UUID.randomUUID();
        String current = http.get().uri("/api/rules").retrieve().body(String.class);
        String rules = current.replaceAll("(?s).*?\"rules\":(\\[.*\\]),\"publishedAt\".*", "$1");
        String published = put("/api/rules", "{\"rules\":[{\"id\":\"r-" + keyword + "\",\"keywords\":[\"" + keyword
                + "\"],\"leadDepartment\":\"HUMAN_RESOURCES\"}," + rules.substring(1) + "}");
        int version = Integer.parseInt(published.replaceAll("(?s).*?\"version\":(\\d+).*", "$1"));

        CaseOpened next = opened("LIVING", "UTILITIES", "Loose " + keyword + " on the pavement");
        routing.opened(next);

        Assignment lead = cases.findById(next.caseId()).orElseThrow().lead().orElseThrow();
        assertThat(lead.getDepartmentCode()).isEqualTo("HUMAN_RESOURCES");
        assertThat(lead.getRuleVersion()).isEqualTo(version);
    }

    @Test
    void whenTheCalendarIsChangedHereThenTheNextCaseIsComputedOnIt() {
        routing.opened(opened("LIVING", "UTILITIES", "warm-up"));
        String published = put("/api/calendar", "{\"zone\":\"Asia/Shanghai\",\"workingHours\":[\"09:00-12:00\","
                + "\"13:30-18:00\"],\"weekend\":[\"SATURDAY\",\"SUNDAY\"],\"holidays\":[\"2031-01-02\"],"
                + "\"makeUpWorkdays\":[]}");
        int version = Integer.parseInt(published.replaceAll("(?s).*?\"version\":(\\d+).*", "$1"));

        CaseOpened next = opened("LIVING", "UTILITIES", "No heating");
        routing.opened(next);

        assertThat(cases.findById(next.caseId()).orElseThrow().getCalendarVersion()).isEqualTo(version);
    }

    String put(String path, String json) {
        return http.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(json).retrieve().body(String.class);
    }
}
