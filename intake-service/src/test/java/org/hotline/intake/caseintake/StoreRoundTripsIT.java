package org.hotline.intake.caseintake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.bson.BsonValue;
import org.bson.Document;
import org.hotline.events.EventEnvelope;
import org.hotline.events.Topics;
import org.hotline.events.feedback.CaseResolved;
import org.hotline.events.feedback.ResolutionOutcome;
import org.hotline.events.intake.CaseOpened;
import org.hotline.testsupport.HotlineServiceTest;
import org.hotline.testsupport.KafkaProbe;
import org.hotline.testsupport.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

import tools.jackson.databind.json.JsonMapper;

/**
 * Counts the MongoDB commands (round trips) a new case and a consumed event cost, with a driver command listener:
 * by the request thread, the outbox relay and the consumer. The figures are in the module README.
 */
@HotlineServiceTest
class StoreRoundTripsIT {

    static final int CASES = 10;

    /** Every command the service sends, with the thread that sent it (the sync driver reports on the caller's). */
    record Command(String thread, String name, String collection) {
    }

    static class Commands implements CommandListener {

        final Queue<Command> sent = new ConcurrentLinkedQueue<>();

        @Override
        public void commandStarted(CommandStartedEvent event) {
            BsonValue target = event.getCommand().get(event.getCommandName());
            sent.add(new Command(Thread.currentThread().getName(), event.getCommandName(),
                    target != null && target.isString() ? target.asString().getValue() : ""));
        }

        List<Command> by(Predicate<String> thread) {
            return sent.stream().filter(command -> thread.test(command.thread())).toList();
        }
    }

    @TestConfiguration
    static class ListenToCommands {

        @Bean
        Commands commands() {
            return new Commands();
        }

        @Bean
        MongoClientSettingsBuilderCustomizer countCommands(Commands commands) {
            return settings -> settings.addCommandListener(commands);
        }
    }

    @LocalServerPort
    int port;

    @Value("${spring.cloud.stream.kafka.binder.brokers}")
    String brokers;

    @Autowired
    Commands commands;

    @Autowired
    MongoTemplate mongo;

    RestClient http;
    KafkaProbe kafka;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void setUp() {
        http = TestHttp.client(port);
        kafka = new KafkaProbe(brokers, List.of(Topics.CASE_OPENED));
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    static boolean request(String thread) {
        return thread.startsWith("http-");
    }

    static boolean relay(String thread) {
        return thread.startsWith("outbox-");
    }

    /** Spring Kafka names its listener threads {@code …-C-<n>}. */
    static boolean consumer(String thread) {
        return thread.contains("-C-");
    }

    String post(int caller, String idempotencyKey) {
        String body = CaseIntakeScenarios.caseJson("WORK", "").replace(CaseIntakeScenarios.PHONE,
                "+86 139 %08d".formatted(caller));
        RestClient.RequestBodySpec request = http.post().uri("/api/cases").contentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return json.readTree(request.body(body).retrieve().body(String.class)).path("caseId").asString();
    }

    /** Posts the cases and waits until their events left the outbox; returns the case ids. */
    List<String> open(int firstCaller, boolean withKeys) {
        List<String> caseIds = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            caseIds.add(post(firstCaller + i, withKeys ? UUID.randomUUID().toString() : null));
        }
        caseIds.forEach(caseId -> kafka.awaitEvent(caseId, CaseOpened.class));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.getCollection("cases")
                .countDocuments(new Document("outbox.0", new Document("$exists", true))) == 0);
        return caseIds;
    }

    static Map<String, Long> tally(List<Command> commands) {
        Map<String, Long> tally = new TreeMap<>();
        commands.forEach(command -> tally.merge(command.name() + " " + command.collection(), 1L, Long::sum));
        return tally;
    }

    @Test
    void whenCasesArePostedAndFollowedThenEachCostsAFewRoundTrips() {
        open(1, false); // warms up: the taxonomy, the first tracking-number block
        commands.sent.clear();

        open(1000, false);
        List<Command> withoutKey = commands.by(StoreRoundTripsIT::request);
        List<Command> relayed = commands.by(StoreRoundTripsIT::relay);
        commands.sent.clear();

        List<String> keyed = open(2000, true);
        List<Command> withKey = commands.by(StoreRoundTripsIT::request);
        commands.sent.clear();

        for (String caseId : keyed) {
            CaseOpened opened = kafka.awaitEvent(caseId, CaseOpened.class);
            CaseResolved resolved = new CaseResolved(EventEnvelope.causedBy(opened.envelope(), Instant.now(),
                    "feedback-service"), "FACILITIES", ResolutionOutcome.RESOLVED, "Done", null, null, null,
                    List.of(), null, List.of(), false);
            KafkaProbe.publish(brokers, resolved);
            KafkaProbe.publish(brokers, resolved);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.getCollection("cases")
                .countDocuments(new Document("status", "RESOLVED")) == CASES);
        // the duplicates may still be on their way: wait for one command per delivery at least, then for a quiet second
        await().atMost(Duration.ofSeconds(30))
                .until(() -> commands.by(StoreRoundTripsIT::consumer).size() >= 2 * CASES);
        AtomicInteger seen = new AtomicInteger(-1);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> seen.getAndSet(commands.by(StoreRoundTripsIT::consumer).size()) == seen.get());
        List<Command> consumed = commands.by(StoreRoundTripsIT::consumer);

        System.out.printf("Round trips for %d cases without Idempotency-Key: %d %s%n", CASES, withoutKey.size(),
                tally(withoutKey));
        System.out.printf("Round trips for %d cases with Idempotency-Key: %d %s%n", CASES, withKey.size(),
                tally(withKey));
        System.out.printf("Outbox relay round trips for %d cases: %d %s%n", CASES, relayed.size(), tally(relayed));
        System.out.printf("Consumer round trips for %d case.resolved events, each delivered twice: %d %s%n", CASES,
                consumed.size(), tally(consumed));

        // one findAndModify on recent_calls and one insert per case; the tracking-number block is taken at warm-up
        assertThat(withoutKey).hasSize(2 * CASES);
        assertThat(withKey).hasSize(2 * CASES);
        // one conditional update per delivery, the duplicate included; nothing read first
        assertThat(consumed).hasSize(2 * CASES).allMatch(command -> command.name().equals("update"));
    }
}
