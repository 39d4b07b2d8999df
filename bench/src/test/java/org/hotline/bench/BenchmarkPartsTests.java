package org.hotline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

class BenchmarkPartsTests {

    @TempDir
    Path dir;

    @Test
    void whenKafkasToolsPrintTheirSummariesThenTheRatesAreRead() {
        String producer = """
                99841 records sent, 19968.2 records/sec (28.56 MB/sec), 602.1 ms avg latency, 1130.0 ms max latency.
                200000 records sent, 21659.0 records/sec (30.98 MB/sec), 577.40 ms avg latency, 1130.00 ms max latency, 540 ms 50th, 1052 ms 95th, 1110 ms 99th, 1127 ms 99.9th.
                """;
        String consumer = """
                start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
                2026-11-23 22:01:02:003, 2026-11-23 22:01:05:120, 286.1023, 91.7877, 200000, 64164.2605, 289, 2828, 101.1677, 70721.3579
                """;

        assertThat(RawKafkaLimit.producerRate(producer)).isEqualTo(21659.0);
        assertThat(RawKafkaLimit.consumerRate(consumer)).isEqualTo(64164.2605);
    }

    @Test
    void whenLagKeepsClimbingThenItIsGrowingButAFlatOrDrainingLagIsNot() {
        assertThat(LagMonitor.growing(List.of(0L, 40L, 120L, 300L, 500L, 900L, 1400L, 2000L, 2600L))).isTrue();
        assertThat(LagMonitor.growing(List.of(30L, 80L, 60L, 70L, 90L, 40L, 60L, 80L, 50L))).isFalse();
        assertThat(LagMonitor.growing(List.of(900L, 700L, 500L, 300L, 100L, 0L))).isFalse();
    }

    @Test
    void whenAStepDoesNotKeepUpThenTheReportSaysWhichStagesFellBehind() {
        Map<String, Boolean> growing = new LinkedHashMap<>();
        growing.put("routing-service", false);
        growing.put("reporting-service", true);
        growing.put("feedback-service", true);

        assertThat(step(30, 30, growing).keptUp()).isEqualTo("**no** (reporting lag growing, feedback lag growing)");
        assertThat(step(30, 20, Map.of("routing-service", false)).keptUp()).isEqualTo("**no** (accepted < 95 %)");
        assertThat(step(20, 20, Map.of("routing-service", false)).keptUp()).isEqualTo("yes");
    }

    private static LoadBenchmark.StepResult step(int target, double achieved, Map<String, Boolean> growing) {
        return new LoadBenchmark.StepResult(target, achieved, target * 60, (int) achieved * 60, 0, new Histogram(3),
                new Histogram(3), new Histogram(3), new Histogram(3), new Histogram(3), new Histogram(3), 0, 0,
                Map.of(), growing, 0, null);
    }

    @Test
    void whenTheStoreLimitIsKnownThenTheStepWritingMostDocumentsPerSecondIsSetAgainstIt() {
        List<LoadBenchmark.StepResult> steps = List.of(
                step(20, 20, Map.of()).withStore(perCase(23.7)),
                step(30, 30, Map.of()).withStore(perCase(19.8)),
                // the highest target, but few accepted: fewer documents per second than the 30 cases/s step
                step(50, 10, Map.of()).withStore(perCase(20.0)),
                step(60, 60, Map.of()));

        Report.StoreShare share = Report.storeShare(steps, 5000).orElseThrow();

        assertThat(share.targetRate()).isEqualTo(30);
        assertThat(share.documentsPerCase()).isEqualTo(19.8);
        assertThat(share.documentsPerSecond()).isCloseTo(594.0, within(1e-9));
        assertThat(share.percentOfInsertLimit()).isCloseTo(11.88, within(1e-9));
        assertThat(share.casesPerSecondCap()).isCloseTo(5000 / 19.8, within(1e-9));
        assertThat(Report.storeShare(List.of(step(60, 60, Map.of()), step(20, 20, Map.of()).withStore(perCase(0))),
                5000)).isEmpty();
    }

    @Test
    void whenTheStoreLimitWasMeasuredThenTheReportRelatesTheBusiestStepToIt() {
        List<LoadBenchmark.StepResult> steps = List.of(step(20, 20, Map.of()).withStore(perCase(23.7)),
                step(30, 30, Map.of()).withStore(perCase(19.8)));
        RawStoreLimit.Result limit = new RawStoreLimit.Result(20000, 4, 1024, 5000, 4200.4, null);

        assertThat(Report.storeLimit(steps, limit)).isEqualTo("Store limit on the same store (20000 single-document "
                + "inserts and updates of about 1 KB by 4 clients, acknowledged): 5000 inserts/s, 4200 updates/s. "
                + "The suite's busiest step (30 cases/s target) wrote 594 documents/s (19.8 per case × 30 cases/s "
                + "accepted): 11.9 % of the insert limit; at 19.8 documents per case, each written on its own, the "
                + "store alone would cap the suite at about 253 cases/s, with no CPU left for anything else.");
        assertThat(Report.storeLimit(List.of(step(20, 20, Map.of())), limit))
                .startsWith("Store limit on the same store (20000 ").endsWith("nothing to set against it.")
                .doesNotContain("busiest");
    }

    @Test
    void whenTheBrokerLimitCouldNotBeMeasuredThenTheReportSaysSoAndKeepsTheSteps() {
        List<LoadBenchmark.StepResult> steps = List.of(step(20, 20, Map.of()), step(30, 30, Map.of()));
        RawKafkaLimit.Result failed = RawKafkaLimit.Result.failed(1500, 50000,
                new java.util.concurrent.TimeoutException("no broker\n at 127.0.0.1:9092"));

        String report = Report.markdown("java -jar hotline-bench.jar", steps, Map.of(), failed,
                RawStoreLimit.Result.skipped());

        assertThat(report).contains("Broker limit: not measured, the measurement failed (TimeoutException: no broker "
                + "at 127.0.0.1:9092).").contains("| 20 | 20 |").contains("| 30 | 30 |")
                .doesNotContain("of the producer limit");
        assertThat(Report.brokerLimit(steps, new RawKafkaLimit.Result(20000, 80000, 1500, 50000, null)))
                .startsWith("Broker limit on the same broker (Kafka's ProducerPerformance / ConsumerPerformance, "
                        + "50000 records of 1500 bytes, acks=all): 20000 records/s produced, 80000 records/s consumed.");
    }

    @Test
    void whenTheStoreLimitWasSkippedOrFailedThenTheReportSaysSoInOneLine() {
        List<LoadBenchmark.StepResult> steps = List.of(step(30, 30, Map.of()).withStore(perCase(19.8)));

        assertThat(Report.storeLimit(steps, RawStoreLimit.Result.skipped()))
                .isEqualTo("Store limit: not measured (`--store-records 0`).");
        assertThat(Report.storeLimit(steps, RawStoreLimit.Result.failed(20000,
                "MongoTimeoutException: Timed out\n while waiting for a server")))
                .isEqualTo("Store limit: not measured, the measurement failed (MongoTimeoutException: Timed out "
                        + "while waiting for a server).");
        // skipped before any connection is made: the address is not even parsed
        assertThat(RawStoreLimit.measure("not a store address", 0).skippedMeasurement()).isTrue();
        RawStoreLimit.Result unusable = RawStoreLimit.measure("not a store address", 100);
        assertThat(unusable.measured()).isFalse();
        assertThat(unusable.failure()).startsWith("IllegalArgumentException");
        assertThat(Report.storeLimit(steps, unusable)).startsWith("Store limit: not measured, the measurement failed (")
                .doesNotContain("\n");
    }

    @Test
    void whenTheStoreLimitWritesItsDocumentsThenEachIsAboutOneKilobyteWithItsOwnId() {
        assertThat(RawStoreLimit.size(RawStoreLimit.document(0))).isEqualTo(1024);
        assertThat(RawStoreLimit.size(RawStoreLimit.document(19_999))).isEqualTo(1024);
        assertThat(RawStoreLimit.document(7).get("_id")).isEqualTo(RawStoreLimit.id(7))
                .isNotEqualTo(RawStoreLimit.id(70));
    }

    @Test
    void whenTheStoreLimitIsMeasuredThenInsertsAndUpdatesAreTimedAndTheScratchDatabaseIsGone() {
        MongoServer server = new MongoServer(new MemoryBackend());
        try {
            // a free port on the loopback interface, never the dev stack's
            String uri = server.bindAndGetConnectionString();
            try (MongoClient client = MongoClients.create(uri)) {
                client.getDatabase(RawStoreLimit.DATABASE).getCollection("leftover").insertOne(new Document("a", 1));
                client.getDatabase("other").getCollection("kept").insertOne(new Document("b", 2));

                RawStoreLimit.Result result = RawStoreLimit.measure(uri, 403);

                assertThat(result.failure()).isNull();
                assertThat(result.measured()).isTrue();
                assertThat(result.records()).isEqualTo(403);
                assertThat(result.clients()).isEqualTo(RawStoreLimit.CLIENTS);
                assertThat(result.insertsPerSecond()).isPositive();
                assertThat(result.updatesPerSecond()).isPositive();
                assertThat(client.listDatabaseNames().into(new ArrayList<>())).doesNotContain(RawStoreLimit.DATABASE)
                        .contains("other");
            }
        }
        finally {
            server.shutdownNow();
        }
    }

    private static StoreStats.PerCase perCase(double writes) {
        return new StoreStats.PerCase(writes, 3, -1, -1, Map.of());
    }

    @Test
    void whenANewRunIsWrittenThenEarlierResultsStayBelowIt() throws Exception {
        Path file = dir.resolve("BENCHMARKS.md");
        Report.prepend(file, "## 2026-11-22 — first run\n\nold table\n");
        Report.prepend(file, "## 2026-11-23 — second run\n\nnew table\n");

        String text = Files.readString(file);
        assertThat(text).startsWith("# Benchmarks\n");
        assertThat(text).containsSubsequence("second run", "new table", "first run", "old table");
        assertThat(text.split("# Benchmarks", -1)).hasSize(2);
    }

    @Test
    void whenCasesAreDrawnThenTheMixFollowsTheShares() {
        CaseMix mix = new CaseMix(7);
        int emergencies = 0;
        int onTheSpot = 0;
        for (int i = 0; i < 10_000; i++) {
            CaseMix.NewCase next = mix.next(i);
            emergencies += next.kind() == CaseMix.Kind.EMERGENCY ? 1 : 0;
            onTheSpot += next.kind() == CaseMix.Kind.ON_THE_SPOT ? 1 : 0;
            if (next.kind() == CaseMix.Kind.ON_THE_SPOT) {
                assertThat(next.json()).contains("\"answer\"");
            }
        }
        assertThat(emergencies).isBetween(240, 360);
        assertThat(onTheSpot).isBetween(1080, 1320);
    }
}
