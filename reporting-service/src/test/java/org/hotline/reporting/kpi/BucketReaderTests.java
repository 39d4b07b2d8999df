package org.hotline.reporting.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.bson.Document;
import org.hotline.reporting.kpi.BucketReader.Bucket;
import org.hotline.reporting.ledger.BucketLayout;
import org.hotline.reporting.ledger.BucketWrites;
import org.hotline.reporting.ledger.CaseFacts.Grain;
import org.hotline.reporting.ledger.Generation;
import org.hotline.reporting.ledger.Generations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** Which bucket documents a period reads: whole months from the monthly ones, the edges day by day. */
class BucketReaderTests {

    static final Generation GENERATION = new Generation(0);

    MongoServer server;
    MongoClient client;
    MongoTemplate mongo;
    BucketReader reader;

    @BeforeEach
    void startStandIn() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        mongo = new MongoTemplate(client, "reporting");
        reader = new BucketReader(mongo, new Generations(mongo), new BucketWrites(), Duration.ZERO);
    }

    @AfterEach
    void stopStandIn() {
        client.close();
        server.shutdownNow();
    }

    /** A bucket document of the department grain with one department's count of opened cases. */
    void opened(String period, String department, long opened) {
        Document counters = new Document(BucketLayout.field(department), new Document("opened", opened));
        mongo.getCollection(GENERATION.bucketCollection(Grain.DEPARTMENT, period.length() == 7))
                .insertOne(new Document("_id", BucketLayout.documentId(Grain.DEPARTMENT, period))
                        .append("grain", Grain.DEPARTMENT.name()).append("day", period)
                        .append(BucketLayout.COUNTERS, counters)
                        .append(BucketLayout.SEEN, new Document("case-1", new Document("s", 1L).append("t", 0L))));
    }

    long sum(List<Bucket> buckets) {
        return buckets.stream().mapToLong(b -> b.counters().getOrDefault("opened", 0L)).sum();
    }

    @Test
    void whenAPeriodStartsAndEndsInsideMonthsThenTheWholeMonthsComeFromMonthlyDocumentsAndTheEdgesFromDays() {
        // monthly documents that would count differently from their days, to tell which ones are read
        opened("2026-01", "WATER", 100);
        opened("2026-02", "WATER", 5);
        opened("2026-03", "ROADS.WEST", 7);
        opened("2026-04", "WATER", 100);
        opened("2026-01-14", "WATER", 1000);
        opened("2026-01-15", "WATER", 1);
        opened("2026-01-31", "ROADS.WEST", 2);
        opened("2026-02-10", "WATER", 1000);
        opened("2026-04-09", "WATER", 3);
        opened("2026-04-10", "WATER", 1000);

        List<Bucket> read = reader.read(Grain.DEPARTMENT, LocalDate.parse("2026-01-15"), LocalDate.parse("2026-04-10"));

        assertThat(sum(read)).isEqualTo(1 + 2 + 5 + 7 + 3);
        assertThat(read).extracting(Bucket::key).containsOnly("WATER", "ROADS.WEST");
        assertThat(read).extracting(Bucket::day).containsExactlyInAnyOrder("2026-02", "2026-03", "2026-01-15",
                "2026-01-31", "2026-04-09");
    }

    @Test
    void whenAPeriodIsWithinOneMonthOrEndsOnAMonthBoundaryThenOnlyWhatItCoversIsRead() {
        opened("2026-03", "WATER", 7);
        opened("2026-03-01", "WATER", 4);
        opened("2026-03-02", "WATER", 3);
        opened("2026-04-01", "WATER", 1000);

        assertThat(sum(reader.read(Grain.DEPARTMENT, LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-03"))))
                .isEqualTo(3);
        assertThat(sum(reader.read(Grain.DEPARTMENT, LocalDate.parse("2026-03-01"), LocalDate.parse("2026-04-01"))))
                .isEqualTo(7);
        assertThat(sum(reader.days(Grain.DEPARTMENT, LocalDate.parse("2026-03-01"), LocalDate.parse("2026-04-01"))))
                .isEqualTo(7);
    }

    @Test
    void whenCachedThenADocumentIsReadAgainOnlyOnceThisInstanceWroteToIt() {
        BucketWrites writes = new BucketWrites();
        BucketReader cached = new BucketReader(mongo, new Generations(mongo), writes, Duration.ofHours(1));
        opened("2026-03-02", "WATER", 3);
        LocalDate from = LocalDate.parse("2026-03-02");
        LocalDate to = LocalDate.parse("2026-03-04");
        assertThat(sum(cached.read(Grain.DEPARTMENT, from, to))).isEqualTo(3);

        // another instance writes: not seen until the cache expires
        String collection = GENERATION.bucketCollection(Grain.DEPARTMENT, false);
        mongo.getCollection(collection).updateOne(new Document("_id", "DEPARTMENT|2026-03-02"),
                new Document("$inc", new Document("c.WATER.opened", 1L)));
        opened("2026-03-03", "WATER", 10);
        assertThat(sum(cached.read(Grain.DEPARTMENT, from, to))).isEqualTo(3);

        // this instance writes: read again at once
        writes.written(collection, "DEPARTMENT|2026-03-02");
        writes.written(collection, "DEPARTMENT|2026-03-03");
        assertThat(sum(cached.read(Grain.DEPARTMENT, from, to))).isEqualTo(14);
    }
}
