package org.hotline.reporting.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.hotline.events.HotlineEvent;
import org.hotline.reporting.ledger.CaseFacts.Grain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** Ledger writes of several consumer threads applied together, on the MongoDB stand-in. */
class BucketFlusherTests {

    static final Generation GENERATION = new Generation(0);
    static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    static final String TOTAL_DAY = "TOTAL|2026-11-23";
    static final CaseFacts.Settings SETTINGS = new CaseFacts.Settings(Duration.ofSeconds(15), Duration.ofMinutes(5),
            ZoneId.of("Asia/Shanghai"));

    MongoServer server;
    MongoClient client;
    MongoTemplate mongo;
    LedgerStore store;
    BucketFlusher flusher;
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    /** Update statements sent to the store. */
    AtomicInteger updates = new AtomicInteger();
    /** Find commands sent to the store. */
    AtomicInteger finds = new AtomicInteger();

    @BeforeEach
    void startStandIn() {
        server = new MongoServer(new MemoryBackend());
        client = CountingClient.create(server.bind().getPort(), updates, finds);
        mongo = new MongoTemplate(client, "reporting");
        store = freshStore();
        flusher = new BucketFlusher(store, meters, 100, Duration.ofMinutes(1), Duration.ZERO);
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

    /** Records a case's opening as the consumer does. */
    void recordOpening(String caseId, Instant at) {
        LedgerDocument written = store.write(GENERATION, CaseFlows.opened(caseId, at, Duration.ofSeconds(5)));
        flusher.apply(List.of(new BucketFlusher.Written(GENERATION, written)));
    }

    void breakTotalDay() {
        // a counter that $inc cannot add to
        mongo.getCollection(GENERATION.bucketCollection(Grain.TOTAL, false)).updateOne(
                new Document("_id", TOTAL_DAY), new Document("$set", new Document("c.all.opened", "broken")));
    }

    @Test
    void whenSeveralThreadsRecordAtOnceThenTheirChangesAreAppliedTogetherAndEachCountsOnce() throws Exception {
        ExecutorService consumers = Executors.newFixedThreadPool(4);
        List<Future<?>> recorded = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String caseId = "case-" + i;
            recorded.add(consumers.submit(() -> recordOpening(caseId, T0)));
        }
        for (Future<?> r : recorded) {
            r.get();
        }
        consumers.shutdown();

        await().until(flusher::idle);
        assertThat(opened()).isEqualTo(40);
        assertThat(store.withPendingChanges(GENERATION, null, 100)).isEmpty();
        assertThat(totalDay().get("seen", Document.class)).hasSize(40);
        DistributionSummary groups = meters.get("hotline.reporting.bucket.group").summary();
        assertThat(groups.totalAmount()).isEqualTo(40);
        assertThat(groups.count()).isBetween(1L, 40L);
        assertThat(meters.get("hotline.reporting.bucket.queue").gauge().value()).isZero();
    }

    @Test
    void whenACaseIsWrittenAgainBeforeItsClearingThenItsAppliedChangesAreNotSentAgain() {
        List<org.hotline.events.HotlineEvent> flow = CaseFlows.satisfied("case-1", T0);
        LedgerDocument opened = store.write(GENERATION, flow.get(0));
        LedgerDocument assigned = store.write(GENERATION, flow.get(1));
        store.flush(GENERATION, List.of(opened));
        assertThat(assigned.pending()).extracting(LedgerDocument.BucketDelta::seq).contains(1L, 2L);
        updates.set(0);

        store.flush(GENERATION, List.of(assigned));

        // one update per bucket document of change 2 (none for change 1, applied already), and one clearing
        long documentsOfChange2 = assigned.pending().stream().filter(d -> d.seq() == 2)
                .map(d -> d.grain() + "|" + d.day()).distinct().count();
        assertThat(updates.get()).isEqualTo(documentsOfChange2 + 1);
        assertThat(opened()).isEqualTo(1);
        assertThat(store.withPendingChanges(GENERATION, null, 10)).isEmpty();
    }

    @Test
    void whenAHandOverWaitedLongerThanHalfTheGuardRetentionThenItsCaseIsReadAfreshInstead() throws Exception {
        flusher.destroy();
        // no retention at all: every hand-over is too old by the time the writer takes it
        flusher = new BucketFlusher(store, meters, 100, Duration.ZERO, Duration.ZERO);

        recordOpening("case-1", T0);
        await().until(flusher::idle);

        assertThat(opened()).isZero();
        assertThat(store.find(GENERATION, "case-1")).get().extracting(LedgerDocument::hasPending).isEqualTo(true);
        store.retryUnflushed();
        assertThat(opened()).isEqualTo(1);
        assertThat(store.find(GENERATION, "case-1")).get().extracting(LedgerDocument::hasPending).isEqualTo(false);
    }

    @Test
    void whenACaseIsWrittenAgainThenItsDocumentIsNotReadAgainUnlessSomethingElseChangedIt() {
        List<org.hotline.events.HotlineEvent> flow = CaseFlows.satisfied("case-1", T0);
        store.write(GENERATION, flow.get(0));
        // a case's opening is written without a read
        assertThat(finds.get()).isZero();

        LedgerDocument assigned = store.write(GENERATION, flow.get(1));
        store.flush(GENERATION, List.of(assigned));
        store.write(GENERATION, flow.get(2));
        assertThat(finds.get()).isZero();

        // another writer (another instance, or its sweep) changes the document: the copy fails, is dropped, re-read
        mongo.getCollection(GENERATION.ledgerCollection()).updateOne(new Document("_id", "case-1"),
                new Document("$inc", new Document("revision", 1)));
        assertThatThrownBy(() -> store.write(GENERATION, flow.get(3)))
                .isInstanceOf(OptimisticLockingFailureException.class);
        // the retry, as @RetryOnConflict makes it
        LedgerDocument accepted = store.write(GENERATION, flow.get(3));

        assertThat(finds.get()).isEqualTo(1);
        assertThat(accepted.facts()).hasSize(4);
        assertThat(store.find(GENERATION, "case-1")).get().extracting(d -> d.facts().size()).isEqualTo(4);
        store.flush(GENERATION, List.of(accepted));
        assertThat(opened()).isEqualTo(1);
        assertThat(store.find(GENERATION, "case-1")).get().extracting(LedgerDocument::hasPending).isEqualTo(false);
    }

    @Test
    void whenAnOpeningArrivesAfterALaterFactThenItIsAddedToTheCaseAsRead() {
        List<org.hotline.events.HotlineEvent> flow = CaseFlows.satisfied("case-1", T0);
        LedgerStore other = new LedgerStore(mongo, new BucketWriter(mongo, Clock.systemUTC(), new BucketWrites()),
                new CaseFacts.Settings(Duration.ofSeconds(15), Duration.ofMinutes(5), ZoneId.of("Asia/Shanghai")),
                Duration.ofMinutes(1));
        // another instance wrote the assignment first; this one has no copy of the case
        other.write(GENERATION, flow.get(1));

        LedgerDocument opened = store.write(GENERATION, flow.get(0));
        LedgerDocument again = store.write(GENERATION, flow.get(0));

        assertThat(opened.facts()).hasSize(2);
        assertThat(again.facts()).hasSize(2);
        assertThat(store.find(GENERATION, "case-1")).get().extracting(d -> d.facts().size()).isEqualTo(2);
    }

    @Test
    void whenTheSameEventIsRecordedAgainThenNothingCountsTwice() {
        recordOpening("case-1", T0);
        await().until(flusher::idle);
        recordOpening("case-1", T0);
        await().until(flusher::idle);

        assertThat(opened()).isEqualTo(1);
    }

    @Test
    void whenOneCaseOfAGroupCannotBeAppliedThenTheOthersAreAndItIsRetriedLaterExactlyOnce() throws Exception {
        recordOpening("case-1", T0);
        await().until(flusher::idle);
        breakTotalDay();
        ExecutorService consumers = Executors.newFixedThreadPool(4);
        List<Future<?>> recorded = new ArrayList<>();
        recorded.add(consumers.submit(() -> recordOpening("case-2", T0)));
        for (int i = 0; i < 12; i++) {
            String caseId = "other-day-" + i;
            recorded.add(consumers.submit(() -> recordOpening(caseId, T0.plus(Duration.ofDays(1)))));
        }
        for (Future<?> r : recorded) {
            r.get();
        }
        consumers.shutdown();
        await().until(flusher::idle);

        assertThat(mongo.findById("TOTAL|2026-11-24", Document.class,
                GENERATION.bucketCollection(Grain.TOTAL, false)).get("c", Document.class).get("all", Document.class)
                .get("opened", Number.class).longValue()).isEqualTo(12);
        assertThat(store.find(GENERATION, "case-2")).get().extracting(LedgerDocument::hasPending).isEqualTo(true);

        mongo.getCollection(GENERATION.bucketCollection(Grain.TOTAL, false)).updateOne(
                new Document("_id", TOTAL_DAY), new Document("$set", new Document("c.all.opened", 1L)));
        store.retryUnflushed();
        store.retryUnflushed();

        assertThat(opened()).isEqualTo(2);
        assertThat(store.find(GENERATION, "case-2")).get().extracting(LedgerDocument::hasPending).isEqualTo(false);
    }

    LedgerStore freshStore() {
        return new LedgerStore(mongo, new BucketWriter(mongo, Clock.systemUTC(), new BucketWrites()), SETTINGS,
                Duration.ofMinutes(1));
    }

    long departmentOpened(String department) {
        Document bucket = mongo.findById("DEPARTMENT|2026-11-23", Document.class,
                GENERATION.bucketCollection(Grain.DEPARTMENT, false));
        Document counters = bucket.get("c", Document.class).get(department, Document.class);
        return counters == null ? 0 : counters.get("opened", Number.class).longValue();
    }

    @Test
    void whatACaseCountsIsStoredOncePerSetOfCountersAndReadBackAsOneSharePerBucket() {
        List<HotlineEvent> flow = CaseFlows.satisfied("case-1", T0);
        store.write(GENERATION, flow.get(0));
        LedgerDocument assigned = store.write(GENERATION, flow.get(1));

        Document stored = mongo.findById("case-1", Document.class, GENERATION.ledgerCollection());
        assertThat(stored).doesNotContainKey("kpiFacts");
        // the day's and month's buckets of every grain share one set of counters; keyword and area buckets count
        // the opening only
        assertThat(stored.getList("kpi", Document.class)).hasSize(2);
        List<CaseFacts.BucketFacts> expected = CaseFacts.of(CaseHistory.fold("case-1",
                flow.subList(0, 2).stream().map(StoredFact::withoutCallerData).toList(), null),
                assigned.facts().get(0).keywords(), SETTINGS);
        assertThat(store.find(GENERATION, "case-1")).get().extracting(LedgerDocument::counted)
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void whenALedgerDocumentKeepsOneEntryPerBucketAsWrittenBeforeThenItsNextEventMovesTheCaseAsBefore() {
        List<HotlineEvent> flow = CaseFlows.satisfied("case-1", T0);
        LedgerDocument opened = store.write(GENERATION, flow.get(0));
        flusher.apply(List.of(new BucketFlusher.Written(GENERATION, opened)));
        await().until(flusher::idle);
        assertThat(departmentOpened(CaseFacts.NO_DEPARTMENT)).isEqualTo(1);
        // the earlier layout: kpiFacts, one entry per bucket, and no kpi
        mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is("case-1")),
                new org.springframework.data.mongodb.core.query.Update().set("kpiFacts", opened.counted())
                        .unset("kpi"), GENERATION.ledgerCollection());
        LedgerStore restarted = freshStore();
        assertThat(restarted.find(GENERATION, "case-1")).get().extracting(LedgerDocument::kpi).isNull();

        LedgerDocument assigned = restarted.write(GENERATION, flow.get(1));
        restarted.flush(GENERATION, List.of(assigned));

        String department = ((org.hotline.events.routing.CaseAssigned) flow.get(1)).departmentCode();
        assertThat(departmentOpened(CaseFacts.NO_DEPARTMENT)).isZero();
        assertThat(departmentOpened(department)).isEqualTo(1);
        Document stored = mongo.findById("case-1", Document.class, GENERATION.ledgerCollection());
        assertThat(stored).containsKey("kpi").doesNotContainKey("kpiFacts");
    }
}
