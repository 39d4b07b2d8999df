package org.hotline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
