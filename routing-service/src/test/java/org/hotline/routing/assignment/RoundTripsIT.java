package org.hotline.routing.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.hotline.routing.MovableClock;
import org.hotline.routing.webhooks.Webhooks;
import org.hotline.testsupport.HotlineServiceTest;
import org.hotline.testsupport.KafkaProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What each consumed event costs in MongoDB round trips (issue 9: the load benchmark on two cores), counted with a
 * command listener on the thread that handles the event.
 */
@HotlineServiceTest
@Import(RoundTripsIT.Instrumentation.class)
class RoundTripsIT {

    @TestConfiguration(proxyBeanMethods = false)
    static class Instrumentation {

        @Bean
        MongoCommands mongoCommands() {
            return new MongoCommands();
        }

        @Bean
        MongoClientSettingsBuilderCustomizer countCommands(MongoCommands commands) {
            return settings -> settings.addCommandListener(commands);
        }

        @Bean
        MovableClock clock() {
            return new MovableClock(Instant.parse("2026-11-24T02:00:00Z"));
        }
    }

    @Value("${spring.cloud.stream.kafka.binder.brokers}")
    String brokers;

    @Autowired
    RoutingService routing;

    @Autowired
    Webhooks webhooks;

    @Autowired
    MongoCommands commands;

    @Autowired
    MovableClock clock;

    KafkaProbe kafka;

    @BeforeEach
    void setUp() {
        kafka = new KafkaProbe(brokers, List.of(Topics.CASE_ASSIGNED));
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    static CaseOpened opened(String category, String subCategory, String description) {
        String caseId = UUID.randomUUID().toString();
        return new CaseOpened(EventEnvelope.first(caseId, Instant.parse("2026-11-24T01:00:00Z"), "intake-service"),
                "HL-20261124-000001", Channel.PHONE, CaseKind.COMPLAINT, category, subCategory, Urgency.NORMAL,
                description, null, null, false, null, null, null, null, null, Instant.parse("2026-11-24T01:00:00Z"),
                List.of());
    }

    static EventEnvelope after(CaseOpened opened, int seconds) {
        return EventEnvelope.causedBy(opened.envelope(), opened.occurredAt().plusSeconds(seconds), "feedback-service");
    }

    @Test
    void whenEventsAreHandledThenEachCostsTheFewestStoreRoundTrips() {
        routing.opened(opened("LIVING", "UTILITIES", "warm-up"));
        CaseOpened opened = opened("LIVING", "UTILITIES", "No heating");
        Map<String, List<String>> cost = new LinkedHashMap<>();

        cost.put("CaseOpened", commands.during(() -> routing.opened(opened)));
        cost.put("CaseOpened again", commands.during(() -> routing.opened(opened)));
        ConsumerRecord<String, byte[]> record = kafka.await(r -> opened.caseId().equals(r.key()));
        CaseAssigned assigned = EventCodec.decode(record.value(), CaseAssigned.class);
        cost.put("CaseAssigned", commands.during(() -> webhooks.push(assigned, record.value())));
        cost.put("CaseResolved", commands.during(() -> routing.resolved(new CaseResolved(after(opened, 10),
                "FACILITIES", ResolutionOutcome.RESOLVED, "Fixed", null, null, null, List.of(), null, List.of(),
                false))));
        cost.put("CaseReopened", commands.during(() -> routing.reopened(new CaseReopened(after(opened, 20),
                "FACILITIES", "Still cold", 1, false))));
        cost.put("CaseClosed", commands.during(() -> routing.closed(new CaseClosed(after(opened, 30),
                CaseOutcome.SATISFIED))));

        cost.forEach((event, sent) -> System.out.println("ROUND TRIPS " + event + ": " + sent.size() + " " + sent));
    }
}
