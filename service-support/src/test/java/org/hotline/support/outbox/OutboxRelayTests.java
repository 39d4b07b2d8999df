package org.hotline.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.hotline.events.EventEnvelope;
import org.hotline.events.feedback.CaseClosed;
import org.hotline.events.feedback.CaseOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

class OutboxRelayTests {

    @org.springframework.data.mongodb.core.mapping.Document("cases")
    static class TestCase extends AggregateRoot {

        @Id
        String id;

        TestCase(String id) {
            this.id = id;
        }

        void close(CaseOutcome outcome) {
            raise(new CaseClosed(EventEnvelope.first(id, Instant.parse("2026-11-23T01:00:00Z"), "test-service"),
                    outcome));
        }
    }

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T01:00:00Z"));
    MongoServer server;
    MongoClient client;
    MongoTemplate mongo;
    final List<Message<?>> sent = new ArrayList<>();
    StreamBridge bridge = mock(StreamBridge.class);
    OutboxRelay relay;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        mongo = new MongoTemplate(client, "relay");
        when(bridge.send(anyString(), any(Object.class))).thenAnswer(call -> sent.add(call.getArgument(1)));
        relay = new OutboxRelay(mongo, bridge, List.of("cases"), Runnable::run, clock, Duration.ofSeconds(30), 100,
                Duration.ofSeconds(30));
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void whenADocumentHasPendingEventsThenTheyArePublishedInOrderAndRemoved() {
        TestCase saved = new TestCase("c-1");
        saved.close(CaseOutcome.SATISFIED);
        saved.close(CaseOutcome.EXPLAINED);
        mongo.save(saved);

        assertThat(relay.sweep()).isEqualTo(2);

        assertThat(sent).hasSize(2);
        assertThat(new String((byte[]) sent.get(0).getPayload(), StandardCharsets.UTF_8)).contains("SATISFIED");
        assertThat(new String((byte[]) sent.get(1).getPayload(), StandardCharsets.UTF_8)).contains("EXPLAINED");
        assertThat(sent.get(0).getHeaders().get(KafkaHeaders.KEY)).isEqualTo("c-1".getBytes(StandardCharsets.UTF_8));
        assertThat(new String((byte[]) sent.get(0).getHeaders().get("ce_type"), StandardCharsets.UTF_8))
                .isEqualTo("org.hotline.case.closed.v1");
        Document stored = mongo.getCollection("cases").find().first();
        assertThat(stored.getList("outbox", Document.class)).isEmpty();
        assertThat(relay.sweep()).isZero();
    }

    @Test
    void whenAServiceSavesAStaleCopyAfterPublicationThenItConflictsInsteadOfRepublishing() {
        TestCase first = new TestCase("c-2");
        first.close(CaseOutcome.SATISFIED);
        mongo.save(first);
        TestCase stale = mongo.findById("c-2", TestCase.class);

        relay.sweep();
        stale.close(CaseOutcome.EXPLAINED);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mongo.save(stale))
                .isInstanceOf(OptimisticLockingFailureException.class);
        TestCase fresh = mongo.findById("c-2", TestCase.class);
        fresh.close(CaseOutcome.EXPLAINED);
        mongo.save(fresh);
        relay.sweep();
        assertThat(sent).hasSize(2);
    }

    @Test
    void whenAnotherInstanceHoldsTheLeaseThenTheDocumentIsLeftToIt() {
        TestCase saved = new TestCase("c-3");
        saved.close(CaseOutcome.SATISFIED);
        mongo.save(saved);
        mongo.getCollection("cases").updateOne(new Document("_id", "c-3"),
                new Document("$set", new Document("outboxClaimedUntil", java.util.Date.from(Instant.now()
                        .plusSeconds(60)))));

        assertThat(relay.sweep()).isZero();
        assertThat(sent).isEmpty();
    }

    @Test
    void whenKafkaRefusesAnEventThenItAndTheFollowingOnesStayForTheNextSweep() {
        TestCase saved = new TestCase("c-4");
        saved.close(CaseOutcome.SATISFIED);
        saved.close(CaseOutcome.EXPLAINED);
        mongo.save(saved);
        when(bridge.send(anyString(), any(Object.class))).thenReturn(false);

        org.assertj.core.api.Assertions.assertThatThrownBy(relay::sweep).isInstanceOf(IllegalStateException.class);

        assertThat(mongo.getCollection("cases").find().first().getList("outbox", Document.class)).hasSize(2);
    }

    @Test
    void whenSeveralDocumentsWaitThenOnePublicationTakesThemAllInOrder() {
        for (int i = 0; i < 5; i++) {
            TestCase saved = new TestCase("b-" + i);
            saved.close(CaseOutcome.SATISFIED);
            saved.close(CaseOutcome.EXPLAINED);
            mongo.save(saved);
        }

        assertThat(relay.publish("cases", List.of("b-0", "b-1", "b-2", "b-3", "b-4"))).isEqualTo(10);

        assertThat(sent).hasSize(10);
        for (int i = 0; i < 5; i++) {
            assertThat(new String((byte[]) sent.get(2 * i).getHeaders().get(KafkaHeaders.KEY), StandardCharsets.UTF_8))
                    .isEqualTo("b-" + i);
            assertThat(new String((byte[]) sent.get(2 * i).getPayload(), StandardCharsets.UTF_8)).contains("SATISFIED");
            assertThat(new String((byte[]) sent.get(2 * i + 1).getPayload(), StandardCharsets.UTF_8))
                    .contains("EXPLAINED");
        }
        assertThat(mongo.getCollection("cases").find().into(new ArrayList<>()))
                .allSatisfy(d -> assertThat(d.getList("outbox", Document.class)).isEmpty())
                .allSatisfy(d -> assertThat(d).doesNotContainKeys("outboxClaim", "outboxClaimedUntil"));
    }

    @Test
    void whenOneDocumentIsPublishedThenTheStoreSeesOneClaimAndOneRelease() {
        TestCase saved = new TestCase("o-1");
        saved.close(CaseOutcome.SATISFIED);
        mongo.save(saved);
        List<String> commands = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.mongodb.MongoClientSettings settings = com.mongodb.MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString(
                        "mongodb://127.0.0.1:" + server.getLocalAddress().getPort()))
                .addCommandListener(new com.mongodb.event.CommandListener() {
                    @Override
                    public void commandStarted(com.mongodb.event.CommandStartedEvent event) {
                        commands.add(event.getCommandName());
                    }
                }).build();
        try (MongoClient counted = MongoClients.create(settings)) {
            OutboxRelay countedRelay = new OutboxRelay(new MongoTemplate(counted, "relay"), bridge, List.of("cases"),
                    Runnable::run, clock, Duration.ofSeconds(30), 100, Duration.ofSeconds(30));

            assertThat(countedRelay.publish("cases", List.of("o-1"))).isEqualTo(1);
        }

        assertThat(commands).containsExactly("findAndModify", "update");
        assertThat(sent).hasSize(1);
        Document stored = mongo.getCollection("cases").find().first();
        assertThat(stored).doesNotContainKeys("outboxClaim", "outboxClaimedUntil");
        assertThat(stored.getList("outbox", Document.class)).isEmpty();
    }

    @Test
    void whenADocumentIsSavedThenItsEventsArePublishedWithoutASweep() {
        TestCase saved = new TestCase("s-1");
        saved.close(CaseOutcome.SATISFIED);
        mongo.save(saved);

        relay.publishSoon("cases", "s-1");

        assertThat(sent).hasSize(1);
        assertThat(mongo.getCollection("cases").find().first().getList("outbox", Document.class)).isEmpty();
    }

    @Test
    void theSweepReadsTheStoreAtStartAfterAFailureAndOtherwiseOnlyEveryFullSweepInterval() {
        assertThat(relay.sweepIfDue()).isZero();
        TestCase leftBehind = new TestCase("l-1");
        leftBehind.close(CaseOutcome.SATISFIED);
        mongo.save(leftBehind);

        clock.advance(Duration.ofSeconds(29));
        assertThat(relay.sweepIfDue()).as("no failure and the last sweep is recent").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(relay.sweepIfDue()).as("a full sweep interval later").isEqualTo(1);

        TestCase refused = new TestCase("l-2");
        refused.close(CaseOutcome.SATISFIED);
        mongo.save(refused);
        when(bridge.send(anyString(), any(Object.class))).thenReturn(false);
        relay.publishSoon("cases", "l-2");
        when(bridge.send(anyString(), any(Object.class))).thenAnswer(call -> sent.add(call.getArgument(1)));
        assertThat(relay.sweepIfDue()).as("right after a failed publication").isEqualTo(1);
        assertThat(relay.sweepIfDue()).as("nothing failed since").isZero();
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
