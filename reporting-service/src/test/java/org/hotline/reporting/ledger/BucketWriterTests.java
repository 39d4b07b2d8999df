package org.hotline.reporting.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.hotline.reporting.ledger.CaseFacts.Grain;
import org.hotline.reporting.ledger.LedgerDocument.BucketDelta;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** Bucket changes written in bulk, each at most once, on the MongoDB stand-in. */
class BucketWriterTests {

    static final Generation GENERATION = new Generation(0);
    static final String DAY = "2026-11-23";

    static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");

    MongoServer server;
    MongoClient client;
    MongoTemplate mongo;
    BucketWriter writer;
    Instant now = T0;
    /** Update statements sent to the store. */
    AtomicInteger updates = new AtomicInteger();

    @BeforeEach
    void startStandIn() {
        server = new MongoServer(new MemoryBackend());
        client = CountingClient.create(server.bind().getPort(), updates);
        mongo = new MongoTemplate(client, "reporting");
        writer = new BucketWriter(mongo, new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        }, new BucketWrites());
    }

    @AfterEach
    void stopStandIn() {
        client.close();
        server.shutdownNow();
    }

    static BucketDelta keyword(long seq, String keyword, long opened) {
        return new BucketDelta(seq, "KEYWORD|" + DAY + "|" + keyword, Grain.KEYWORD, DAY, keyword,
                Map.of("opened", opened));
    }

    static BucketDelta total(long seq, String counter, long value) {
        return new BucketDelta(seq, "TOTAL|" + DAY + "|all", Grain.TOTAL, DAY, "all", Map.of(counter, value));
    }

    static BucketDelta department(long seq, String department, long opened) {
        return new BucketDelta(seq, "DEPARTMENT|" + DAY + "|" + department, Grain.DEPARTMENT, DAY, department,
                Map.of("opened", opened));
    }

    /** A counter of a bucket, by the delta's bucket id ({@code grain|day|key}). */
    long counter(Grain grain, String bucketId, String counter) {
        String[] parts = bucketId.split("\\|", 3);
        Document document = mongo.findById(parts[0] + "|" + parts[1], Document.class,
                GENERATION.bucketCollection(grain, false));
        Document counters = document == null ? null
                : document.get("c", Document.class).get(BucketLayout.field(parts[2]), Document.class);
        Number value = counters == null ? null : counters.get(counter, Number.class);
        return value == null ? 0 : value.longValue();
    }

    Document seen(Grain grain) {
        return mongo.findById(grain.name() + "|" + DAY, Document.class, GENERATION.bucketCollection(grain, false))
                .get("seen", Document.class);
    }

    @Test
    void whenOneDocumentOfABulkTookItsChangeAlreadyThenTheOthersAreAppliedAndNothingTwice() {
        // a crash came after the TOTAL document took change 1, before the keyword document did
        writer.apply(GENERATION, "case-1", List.of(total(1, "opened", 1)));

        writer.apply(GENERATION, "case-1", List.of(keyword(1, "rubbish", 1), keyword(1, "noise", 1),
                keyword(1, "water", 1), total(1, "opened", 1)));

        assertThat(counter(Grain.KEYWORD, "KEYWORD|" + DAY + "|rubbish", "opened")).isEqualTo(1);
        assertThat(counter(Grain.KEYWORD, "KEYWORD|" + DAY + "|noise", "opened")).isEqualTo(1);
        assertThat(counter(Grain.KEYWORD, "KEYWORD|" + DAY + "|water", "opened")).isEqualTo(1);
        assertThat(counter(Grain.TOTAL, "TOTAL|" + DAY + "|all", "opened")).isEqualTo(1);
    }

    @Test
    void whenTheSameChangesAreDeliveredAgainThenNothingCountsTwice() {
        List<BucketDelta> changes = List.of(keyword(1, "rubbish", 1), total(1, "opened", 1));
        writer.apply(GENERATION, "case-1", changes);
        writer.apply(GENERATION, "case-2", List.of(total(1, "opened", 1)));

        writer.apply(GENERATION, "case-1", changes);
        writer.apply(GENERATION, "case-2", List.of(total(1, "opened", 1)));

        assertThat(counter(Grain.TOTAL, "TOTAL|" + DAY + "|all", "opened")).isEqualTo(2);
        assertThat(counter(Grain.KEYWORD, "KEYWORD|" + DAY + "|rubbish", "opened")).isEqualTo(1);
    }

    @Test
    void whenABucketHasSeveralPendingChangesThenEachIsAppliedOnceWhateverTheOrderGiven() {
        writer.apply(GENERATION, "case-1", List.of(total(1, "opened", 1)));

        // changes 2 and 3 were both left pending; listed newest first
        List<BucketDelta> pending = List.of(total(3, "closed", 1), total(2, "resolved", 1));
        writer.apply(GENERATION, "case-1", pending);
        writer.apply(GENERATION, "case-1", pending);

        String total = "TOTAL|" + DAY + "|all";
        assertThat(counter(Grain.TOTAL, total, "opened")).isEqualTo(1);
        assertThat(counter(Grain.TOTAL, total, "resolved")).isEqualTo(1);
        assertThat(counter(Grain.TOTAL, total, "closed")).isEqualTo(1);
        assertThat(seen(Grain.TOTAL).get("case-1", Document.class).get("s", Number.class).longValue()).isEqualTo(3);
    }

    @Test
    void whenSeveralCasesChangeTheSameBucketsInOneWriteThenEachChangeCountsOnce() {
        Map<String, List<BucketDelta>> changes = Map.of(
                "case-1", List.of(total(1, "opened", 1), keyword(1, "rubbish", 1), total(2, "closed", 1)),
                "case-2", List.of(total(1, "opened", 1), keyword(1, "rubbish", 1)));
        writer.apply(GENERATION, changes);
        // again, as after a crash before the ledger documents were cleared
        writer.apply(GENERATION, changes);

        assertThat(counter(Grain.TOTAL, "TOTAL|" + DAY + "|all", "opened")).isEqualTo(2);
        assertThat(counter(Grain.TOTAL, "TOTAL|" + DAY + "|all", "closed")).isEqualTo(1);
        assertThat(counter(Grain.KEYWORD, "KEYWORD|" + DAY + "|rubbish", "opened")).isEqualTo(2);
    }

    @Test
    void whenManyCasesChangeTheSameDocumentsThenOneUpdatePerDocumentCarriesThemAll() {
        Map<String, List<BucketDelta>> changes = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            changes.put("case-" + i, List.of(total(1, "opened", 1), department(1, i % 2 == 0 ? "WATER" : "ROADS", 1)));
        }

        writer.apply(GENERATION, changes);

        assertThat(updates.get()).isEqualTo(2);
        assertThat(counter(Grain.TOTAL, "TOTAL|" + DAY + "|all", "opened")).isEqualTo(50);
        assertThat(counter(Grain.DEPARTMENT, "DEPARTMENT|" + DAY + "|WATER", "opened")).isEqualTo(25);
        assertThat(counter(Grain.DEPARTMENT, "DEPARTMENT|" + DAY + "|ROADS", "opened")).isEqualTo(25);
        assertThat(seen(Grain.TOTAL)).hasSize(50);
    }

    @Test
    void whenADocumentTookSomeCasesOfAGroupAlreadyThenTheOthersAreAppliedCaseByCaseAndNothingTwice() {
        writer.apply(GENERATION, "case-1", List.of(total(1, "opened", 1)));

        writer.apply(GENERATION, Map.of("case-1", List.of(total(1, "opened", 1)), "case-2",
                List.of(total(1, "opened", 1)), "case-3", List.of(total(1, "opened", 1))));

        assertThat(counter(Grain.TOTAL, "TOTAL|" + DAY + "|all", "opened")).isEqualTo(3);
        assertThat(seen(Grain.TOTAL).keySet()).containsExactlyInAnyOrder("case-1", "case-2", "case-3");
    }

    @Test
    void whenABucketWriteFailsOtherwiseThenTheFailureIsThrownSoTheCaseIsRetried() {
        writer.apply(GENERATION, "case-1", List.of(total(1, "opened", 1)));
        // a counter that $inc cannot add to
        mongo.getCollection(GENERATION.bucketCollection(Grain.TOTAL, false)).updateOne(
                new Document("_id", "TOTAL|" + DAY), new Document("$set", new Document("c.all.opened", "x")));

        assertThatThrownBy(() -> writer.apply(GENERATION, "case-2", List.of(total(1, "opened", 1))))
                .isInstanceOf(DataAccessException.class);
    }
    @Test
    void whenACaseMovesBetweenKeysOfOneDocumentThenBothKeysChangeOnceAndTheKeysMayHoldDots() {
        writer.apply(GENERATION, "case.1", List.of(department(1, "WATER.BUREAU", 1)));
        List<BucketDelta> move = List.of(department(2, "WATER.BUREAU", -1), department(2, "ROADS$", 1));

        writer.apply(GENERATION, "case.1", move);
        writer.apply(GENERATION, "case.1", move);

        assertThat(counter(Grain.DEPARTMENT, "DEPARTMENT|" + DAY + "|WATER.BUREAU", "opened")).isZero();
        assertThat(counter(Grain.DEPARTMENT, "DEPARTMENT|" + DAY + "|ROADS$", "opened")).isEqualTo(1);
        assertThat(seen(Grain.DEPARTMENT).keySet()).containsExactly("case%2E1");
    }

    @Test
    void whenAChangeIsForTheRetiredCellGrainThenItIsDropped() {
        writer.apply(GENERATION, "case-1", List.of(new BucketDelta(1, "CELL|" + DAY + "|A|B|PHONE", Grain.CELL, DAY,
                "A|B|PHONE", Map.of("opened", 1L)), total(1, "opened", 1)));

        assertThat(counter(Grain.TOTAL, "TOTAL|" + DAY + "|all", "opened")).isEqualTo(1);
        assertThat(mongo.collectionExists(GENERATION.bucketCollection(Grain.CELL, false))).isFalse();
    }

    @Test
    void whenGuardEntriesAreOlderThanTheRetentionAndNothingIsPendingThenTheyAreRemovedAndLaterChangesStillCountOnce() {
        writer.apply(GENERATION, "case-1", List.of(total(1, "opened", 1)));
        writer.apply(GENERATION, "case-2", List.of(total(1, "opened", 1)));
        now = T0.plus(Duration.ofMinutes(10));
        writer.apply(GENERATION, "case-3", List.of(total(1, "opened", 1)));

        writer.pruneGuards(GENERATION, now.minus(Duration.ofMinutes(5)), false, cases -> Set.of("case-2"));

        // case-1 is quiet and settled; case-2 still has a change pending; case-3 changed lately
        assertThat(seen(Grain.TOTAL).keySet()).containsExactlyInAnyOrder("case-2", "case-3");
        writer.apply(GENERATION, "case-1", List.of(total(2, "resolved", 1)));
        writer.apply(GENERATION, "case-1", List.of(total(2, "resolved", 1)));
        writer.apply(GENERATION, "case-2", List.of(total(1, "opened", 1)));
        assertThat(counter(Grain.TOTAL, "TOTAL|" + DAY + "|all", "opened")).isEqualTo(3);
        assertThat(counter(Grain.TOTAL, "TOTAL|" + DAY + "|all", "resolved")).isEqualTo(1);
    }

    @Test
    void whenACaseChangesWhileItsGuardEntryIsBeingRemovedThenTheNewEntryStays() {
        writer.apply(GENERATION, "case-1", List.of(total(1, "opened", 1)));
        now = T0.plus(Duration.ofMinutes(10));

        writer.pruneGuards(GENERATION, now.minus(Duration.ofMinutes(5)), false, cases -> {
            // the case's next change is applied between the read of the entries and their removal
            writer.apply(GENERATION, "case-1", List.of(total(2, "resolved", 1)));
            return Set.of();
        });

        assertThat(seen(Grain.TOTAL).get("case-1", Document.class).get("s", Number.class).longValue()).isEqualTo(2);
        writer.apply(GENERATION, "case-1", List.of(total(2, "resolved", 1)));
        assertThat(counter(Grain.TOTAL, "TOTAL|" + DAY + "|all", "resolved")).isEqualTo(1);
    }

    @Test
    void whenPrunedEverywhereThenDocumentsThisInstanceNeverWroteArePrunedToo() {
        BucketWriter other = new BucketWriter(mongo, Clock.fixed(T0, ZoneOffset.UTC), new BucketWrites());
        other.apply(GENERATION, "case-1", List.of(total(1, "opened", 1)));
        now = T0.plus(Duration.ofMinutes(10));

        writer.pruneGuards(GENERATION, now.minus(Duration.ofMinutes(5)), false, cases -> Set.of());
        assertThat(seen(Grain.TOTAL).keySet()).containsExactly("case-1");
        writer.pruneGuards(GENERATION, now.minus(Duration.ofMinutes(5)), true, cases -> Set.of());
        assertThat(seen(Grain.TOTAL)).isEmpty();
    }
}
