package org.hotline.reporting.kpi;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bson.Document;
import org.hotline.reporting.ledger.BucketLayout;
import org.hotline.reporting.ledger.BucketWriteBenchmark;
import org.hotline.reporting.ledger.BucketWrites;
import org.hotline.reporting.ledger.CaseFacts;
import org.hotline.reporting.ledger.Generation;
import org.hotline.reporting.ledger.Generations;
import org.hotline.reporting.ledger.SyntheticCases;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Loads the KPI buckets of N synthetic cases (default 1,000,000) opened over a year into a store and measures the
 * KPI queries over the whole year: p50 and p95 per breakdown, with the read cache off and on; then the bucket
 * writes. Not a test: run it with the {@code benchmark} profile (see the module README). The store is the in-memory
 * MongoDB stand-in unless {@code -Dbenchmark.mongo=<uri>} names another (a real MongoDB, or the dev stack's stand-in),
 * whose {@code reporting-benchmark} database it overwrites.
 */
public final class KpiQueryBenchmark {

    private static final int WARM_UP = 5;
    private static final int RUNS = 40;
    /** Documents per insert: the monthly documents of a year of a million cases are large. */
    private static final int BATCH = 20;

    private KpiQueryBenchmark() {
    }

    public static void main(String[] args) {
        int cases = Integer.parseInt(System.getProperty("benchmark.cases", "1000000"));
        String uri = System.getProperty("benchmark.mongo", "");
        MongoServer standIn = null;
        if (uri.isBlank()) {
            standIn = new MongoServer(new MemoryBackend());
            uri = "mongodb://" + standIn.bind().getHostString() + ":" + standIn.getLocalAddress().getPort();
        }
        try (MongoClient client = MongoClients.create(uri)) {
            MongoTemplate mongo = new MongoTemplate(client, "reporting-benchmark");
            Generations generations = new Generations(mongo);
            Generation generation = generations.active();
            for (String collection : generation.bucketCollections()) {
                if (mongo.collectionExists(collection)) {
                    mongo.dropCollection(collection);
                }
            }

            CaseFacts.Settings settings = new CaseFacts.Settings(Duration.ofSeconds(15), Duration.ofMinutes(5),
                    ZoneId.of("Asia/Shanghai"));
            Instant start = Instant.parse("2025-01-01T00:00:00Z");
            long began = System.nanoTime();
            // the documents as the bucket writer leaves them once the guard entries are pruned (see BucketLayout)
            Map<String, Document> buckets = new HashMap<>();
            int[] values = new int[1];
            SyntheticCases.generate(cases, start, 42, settings, facts -> facts.forEach(f -> {
                Document bucket = buckets.computeIfAbsent(BucketLayout.documentId(f.grain(), f.day()),
                        id -> new Document("_id", id).append("grain", f.grain().name()).append("day", f.day())
                                .append(BucketLayout.COUNTERS, new Document()).append(BucketLayout.SEEN,
                                        new Document()));
                Document counters = (Document) bucket.get(BucketLayout.COUNTERS, Document.class)
                        .computeIfAbsent(BucketLayout.field(f.key()), k -> {
                            values[0]++;
                            return new Document();
                        });
                f.counters().forEach((k, v) -> counters.merge(k, v, (a, b) -> (Long) a + (Long) b));
            }));
            long generated = System.nanoTime();
            Map<String, List<Document>> batches = new HashMap<>();
            for (Document bucket : buckets.values()) {
                String collection = generation.bucketCollection(CaseFacts.Grain.valueOf(bucket.getString("grain")),
                        CaseFacts.BucketFacts.monthly(bucket.getString("day")));
                List<Document> batch = batches.computeIfAbsent(collection, c -> new ArrayList<>(BATCH));
                batch.add(bucket);
                if (batch.size() == BATCH) {
                    mongo.getCollection(collection).insertMany(batch);
                    batch.clear();
                }
            }
            batches.forEach((collection, batch) -> {
                if (!batch.isEmpty()) {
                    mongo.getCollection(collection).insertMany(batch);
                }
            });
            long loaded = System.nanoTime();
            System.out.printf(Locale.ROOT,
                    "%,d cases -> %,d buckets in %,d documents: generated in %.1f s, loaded in %.1f s%n", cases,
                    values[0], buckets.size(), (generated - began) / 1e9, (loaded - generated) / 1e9);
            buckets.clear();

            Period year = new Period(LocalDate.parse("2025-01-01"), LocalDate.parse("2026-01-02"));
            System.out.println("Every query reads the store (read cache off):");
            measureAll(new KpiReports(new BucketReader(mongo, generations, new BucketWrites(), Duration.ZERO)), year,
                    () -> {
                    });
            // as on a live service: this instance writes to the latest day and month all the time, so those documents
            // are read again by every query and the others come from the cache
            System.out.println("Read cache on (5 s), the year's last day and month written before every query:");
            BucketWrites writes = new BucketWrites();
            KpiReports reports = new KpiReports(new BucketReader(mongo, generations, writes, Duration.ofSeconds(5)));
            measureAll(reports, year, () -> {
                for (CaseFacts.Grain grain : CaseFacts.Grain.values()) {
                    writes.written(generation.bucketCollection(grain, false),
                            BucketLayout.documentId(grain, "2026-01-01"));
                    writes.written(generation.bucketCollection(grain, true),
                            BucketLayout.documentId(grain, "2025-12"));
                }
            });
            System.out.printf(Locale.ROOT, "opened over the year: %,d%n", reports.overall(year).opened());
            // into the documents of the year's last month, which hold every key by now
            for (int group : new int[] {1, 4, 64}) {
                System.out.printf(Locale.ROOT, "bucket writes: %.0f case changes/s in groups of %d%n",
                        BucketWriteBenchmark.changesPerSecond(mongo, generation, 2_000, group,
                                Instant.parse("2025-12-01T00:00:00Z"), settings), group);
            }
        }
        finally {
            if (standIn != null) {
                standIn.shutdownNow();
            }
        }
    }

    private static void measureAll(KpiReports reports, Period year, Runnable writes) {
        System.out.printf(Locale.ROOT, "%-28s %10s %10s %10s%n", "query over a year", "p50 ms", "p95 ms", "max ms");
        for (KpiReports.GroupBy by : KpiReports.GroupBy.values()) {
            measure("kpis groupBy=" + by.name().toLowerCase(Locale.ROOT), () -> {
                writes.run();
                reports.overall(year);
                reports.groups(year, by);
            });
        }
        measure("common problems", () -> {
            writes.run();
            reports.top(CaseFacts.Grain.CATEGORY, year, 10);
            reports.top(CaseFacts.Grain.KEYWORD, year, 10);
            reports.top(CaseFacts.Grain.AREA, year, 10);
        });
    }

    private static void measure(String name, Runnable query) {
        for (int i = 0; i < WARM_UP; i++) {
            query.run();
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            query.run();
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "%-28s %10.1f %10.1f %10.1f%n", name, millis[RUNS / 2],
                millis[(int) Math.ceil(RUNS * 0.95) - 1], millis[RUNS - 1]);
    }
}
