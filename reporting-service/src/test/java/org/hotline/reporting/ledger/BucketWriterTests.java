package org.hotline.reporting.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.hotline.reporting.ledger.CaseFacts.Grain;
import org.hotline.reporting.ledger.LedgerDocument.BucketDelta;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** Bucket changes written in bulk, each at most once, on the MongoDB stand-in. */
class BucketWriterTests {

    static final Generation GENERATION = new Generation(0);
    static final String DAY = "2026-11-23";

    MongoServer server;
    MongoClient client;
    MongoTemplate mongo;
    BucketWriter writer;

    @BeforeEach
    void startStandIn() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        mongo = new MongoTemplate(client, "reporting");
        writer = new BucketWriter(mongo);
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

    long counter(Grain grain, String bucketId, String counter) {
        Document bucket = mongo.findById(bucketId, Document.class, GENERATION.bucketCollection(grain, false));
        Number value = bucket == null ? null : bucket.get("c", Document.class).get(counter, Number.class);
        return value == null ? 0 : value.longValue();
    }

    @Test
    void whenOneBucketOfABulkTookItsChangeAlreadyThenTheOthersAreAppliedAndNothingTwice() {
        // a crash came after the "rubbish" bucket took change 1, before the others did
        writer.apply(GENERATION, "case-1", List.of(keyword(1, "rubbish", 1)));

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
        assertThat(mongo.findById(total, Document.class, GENERATION.bucketCollection(Grain.TOTAL, false))
                .get("seen", Document.class).get("case-1", Number.class).longValue()).isEqualTo(3);
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
    void whenABucketWriteFailsOtherwiseThenTheFailureIsThrownSoTheCaseIsRetried() {
        writer.apply(GENERATION, "case-1", List.of(total(1, "opened", 1)));
        // a counter that $inc cannot add to
        mongo.getCollection(GENERATION.bucketCollection(Grain.TOTAL, false)).updateOne(
                new Document("_id", "TOTAL|" + DAY + "|all"), new Document("$set", new Document("c.opened", "x")));

        assertThatThrownBy(() -> writer.apply(GENERATION, "case-2", List.of(total(1, "opened", 1))))
                .isInstanceOf(DataAccessException.class);
    }
}
