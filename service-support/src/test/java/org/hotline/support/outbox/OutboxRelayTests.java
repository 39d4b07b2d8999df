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
        relay = new OutboxRelay(mongo, bridge, List.of("cases"), Runnable::run, Clock.systemUTC(),
                Duration.ofSeconds(30), 100);
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
}
