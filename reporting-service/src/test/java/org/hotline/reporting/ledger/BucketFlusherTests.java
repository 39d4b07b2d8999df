package org.hotline.reporting.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.hotline.reporting.ledger.CaseFacts.Grain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** Ledger writes of several consumer threads applied together, on the MongoDB stand-in. */
class BucketFlusherTests {

    static final Generation GENERATION = new Generation(0);
    static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    static final String TOTAL_DAY = "TOTAL|2026-11-23";

    MongoServer server;
    MongoClient client;
    MongoTemplate mongo;
    LedgerStore store;
    BucketFlusher flusher;
    SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void startStandIn() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        mongo = new MongoTemplate(client, "reporting");
        store = new LedgerStore(mongo, new BucketWriter(mongo, Clock.systemUTC(), new BucketWrites()),
                new CaseFacts.Settings(Duration.ofSeconds(15), Duration.ofMinutes(5), ZoneId.of("Asia/Shanghai")));
        flusher = new BucketFlusher(store, meters);
    }

    @AfterEach
    void stopStandIn() throws InterruptedException {
        flusher.destroy();
        client.close();
        server.shutdownNow();
    }

    Document totalDay() {
        return mongo.findById(TOTAL_DAY, Document.class, GENERATION.bucketCollection(Grain.TOTAL, false));
    }

    long opened() {
        Document bucket = totalDay();
        return bucket == null ? 0
                : bucket.get("c", Document.class).get("all", Document.class).get("opened", Number.class).longValue();
    }

    /** Records a case's opening as the consumer does, and says whether its bucket took it by the time it returned. */
    boolean recordOpening(String caseId) {
        LedgerDocument written = store.write(GENERATION, CaseFlows.opened(caseId, T0, Duration.ofSeconds(5)));
        flusher.apply(List.of(new BucketFlusher.Written(GENERATION, written)));
        return totalDay().get("seen", Document.class).containsKey(caseId);
    }

    @Test
    void whenSeveralThreadsRecordAtOnceThenEachReturnsOnceItsChangesAreAppliedAndEachCountsOnce() throws Exception {
        ExecutorService consumers = Executors.newFixedThreadPool(4);
        List<Future<Boolean>> taken = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String caseId = "case-" + i;
            taken.add(consumers.submit(() -> recordOpening(caseId)));
        }
        for (Future<Boolean> t : taken) {
            assertThat(t.get()).isTrue();
        }
        consumers.shutdown();

        assertThat(opened()).isEqualTo(40);
        assertThat(store.withPendingChanges(GENERATION, null, 100)).isEmpty();
        DistributionSummary groups = meters.get("hotline.reporting.bucket.group").summary();
        assertThat(groups.totalAmount()).isEqualTo(40);
        assertThat(groups.count()).isBetween(1L, 40L);
    }

    @Test
    void whenTheSameEventIsRecordedAgainThenNothingCountsTwice() {
        recordOpening("case-1");
        recordOpening("case-1");

        assertThat(opened()).isEqualTo(1);
    }

    @Test
    void whenOneRecordOfAGroupFailsThenOnlyThatRecordFails() throws Exception {
        // a case opened on a day whose TOTAL bucket $inc cannot add to
        recordOpening("case-1");
        mongo.getCollection(GENERATION.bucketCollection(Grain.TOTAL, false)).updateOne(
                new Document("_id", TOTAL_DAY), new Document("$set", new Document("c.all.opened", "broken")));
        ExecutorService consumers = Executors.newFixedThreadPool(4);
        List<Future<?>> others = new ArrayList<>();
        Future<?> failing = consumers.submit(() -> recordOpening("case-2"));
        for (int i = 0; i < 12; i++) {
            String caseId = "other-day-" + i;
            others.add(consumers.submit(() -> {
                LedgerDocument written = store.write(GENERATION,
                        CaseFlows.opened(caseId, T0.plus(Duration.ofDays(1)), Duration.ofSeconds(5)));
                flusher.apply(List.of(new BucketFlusher.Written(GENERATION, written)));
            }));
        }
        for (Future<?> other : others) {
            other.get();
        }
        consumers.shutdown();

        assertThatThrownBy(failing::get).hasCauseInstanceOf(DataAccessException.class);
        assertThat(mongo.findById("TOTAL|2026-11-24", Document.class,
                GENERATION.bucketCollection(Grain.TOTAL, false)).get("c", Document.class).get("all", Document.class)
                .get("opened", Number.class)
                .longValue()).isEqualTo(12);
    }

    @Test
    void whenTheBucketsCannotBeWrittenThenTheRecordFailsAndTheCaseIsRetriedLaterExactlyOnce() {
        recordOpening("case-1");
        // a counter that $inc cannot add to
        mongo.getCollection(GENERATION.bucketCollection(Grain.TOTAL, false)).updateOne(
                new Document("_id", TOTAL_DAY), new Document("$set", new Document("c.all.opened", "broken")));

        assertThatThrownBy(() -> recordOpening("case-2")).isInstanceOf(DataAccessException.class);
        assertThat(store.find(GENERATION, "case-2")).get().extracting(LedgerDocument::hasPending).isEqualTo(true);

        mongo.getCollection(GENERATION.bucketCollection(Grain.TOTAL, false)).updateOne(
                new Document("_id", TOTAL_DAY), new Document("$set", new Document("c.all.opened", 1L)));
        store.retryUnflushed();
        store.retryUnflushed();

        assertThat(opened()).isEqualTo(2);
        assertThat(store.find(GENERATION, "case-2")).get().extracting(LedgerDocument::hasPending).isEqualTo(false);
    }
}
