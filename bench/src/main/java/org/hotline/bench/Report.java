package org.hotline.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.HdrHistogram.Histogram;

/** The benchmark's results as Markdown, newest first in {@code BENCHMARKS.md}. */
final class Report {

    static final String TITLE = "# Benchmarks";
    static final String INTRO = """
            Load benchmark results, newest first. Each run drives the dev stack over HTTP with the realistic case mix
            (60 % general, 20 % complaints, 12 % consultations answered on the spot, 5 % complex, 3 % emergencies),
            open loop at each target rate, and measures from the moment each case was sent. Run it with
            `./mvnw -B -DskipTests package && java -jar dev-stack/target/hotline-dev-stack.jar` in one terminal and
            `java -jar bench/target/hotline-bench.jar` in another (see bench/README.md).
            """;

    private Report() {
    }

    static String markdown(String commandLine, List<LoadBenchmark.StepResult> steps,
            Map<String, ProcessStats.Usage> usage, RawKafkaLimit.Result raw, RawStoreLimit.Result storeLimit) {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE))
                .append(" — ").append(machine()).append("\n\n");
        md.append("Command: `java -jar bench/target/hotline-bench.jar").append(commandLine.isBlank() ? ""
                : " " + commandLine).append("`\n\n");
        md.append("| Target /s | Accepted /s | Failed | HTTP p50 / p99 ms | → CaseOpened p50 / p99 ms | "
                + "→ CaseAssigned p50 / p99 ms | → ledger p50 / p99 ms (sampled) | Emergency → CaseEscalated p99 ms "
                + "(from CaseOpened) | Events /s | Max lag (routing, escalation, feedback, reporting, intake) | "
                + "Kept up |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (LoadBenchmark.StepResult step : steps) {
            md.append(String.format("| %d | %.0f | %d | %s | %s | %s | %s | %s (%s) | %.0f | %s | %s |%n",
                    step.targetRate(), step.achievedRate(), step.failed(), pair(step.http()), pair(step.opened()),
                    pair(step.assigned()) + (step.notAssigned() > 0 ? " (" + step.notAssigned() + " never)" : ""),
                    pair(step.ledger()), p99(step.emergency()), p99(step.emergencyFromOpened()),
                    step.eventsPerSecond(), String.join(", ", step.maxLag().values().stream().map(String::valueOf)
                            .toList()), step.keptUp()));
        }
        int best = steps.stream().filter(LoadBenchmark.StepResult::sustainable)
                .mapToInt(LoadBenchmark.StepResult::targetRate).max().orElse(0);
        md.append("\nHighest sustained rate: **").append(best).append(" cases/s** (accepted ≥ 95 % of the target, ")
                .append("≤ 1 % failures, every case assigned, no consumer lag growing).\n\n");
        md.append(brokerLimit(steps, raw)).append("\n\n");
        md.append(storeLimit(steps, storeLimit)).append("\n\n");
        md.append("Store use per case posted (MongoDB `serverStatus` opcounters over each step and its drain; the dev "
                + "stack's stand-in also reports its commits and file growth):\n\n");
        md.append("| Target /s | Documents written / case | Commits / case | Queries / case | File bytes / case |\n"
                + "|---|---|---|---|---|\n");
        for (LoadBenchmark.StepResult step : steps) {
            StoreStats.PerCase store = step.store();
            if (store != null) {
                md.append(String.format("| %d | %.1f | %s | %.1f | %s |%n", step.targetRate(), store.writes(),
                        store.commits() < 0 ? "–" : String.format("%.1f", store.commits()), store.queries(),
                        store.fileBytes() < 0 ? "–" : String.format("%.0f", store.fileBytes())));
            }
        }
        md.append('\n');
        steps.stream().filter(step -> step.store() != null && !step.store().millis().isEmpty())
                .reduce((first, second) -> second).ifPresent(step -> {
                    md.append(String.format("Where the stand-in's time went at %d cases/s (%.1f ms of store work per "
                            + "case; database, collection, command; the ten largest):%n%n", step.targetRate(),
                            step.store().totalMillis()));
                    md.append("| Database collection command | ms / case | Share |\n|---|---|---|\n");
                    step.store().millis().entrySet().stream().limit(10).forEach(e -> md.append(String.format(
                            "| %s | %.2f | %.0f %% |%n", e.getKey(), e.getValue(),
                            100 * e.getValue() / step.store().totalMillis())));
                    md.append('\n');
                });
        md.append("| Process | Max resident MB | Mean CPU % (100 = one core) |\n|---|---|---|\n");
        usage.forEach((name, u) -> md.append(String.format("| %s | %d | %.0f |%n", name, u.maxRssMb(),
                u.cpuPercent())));
        md.append('\n');
        return md.toString();
    }

    /** A failure's message on one line, as the report quotes it. */
    private static String oneLine(String message) {
        return message.strip().replaceAll("\\s+", " ");
    }

    /** The broker-limit paragraph; one line when the limit could not be measured. */
    static String brokerLimit(List<LoadBenchmark.StepResult> steps, RawKafkaLimit.Result raw) {
        if (raw.failure() != null) {
            return "Broker limit: not measured, the measurement failed (" + oneLine(raw.failure()) + ").";
        }
        double bestEvents = steps.stream().mapToDouble(LoadBenchmark.StepResult::eventsPerSecond).max().orElse(0);
        return String.format(Locale.ROOT, "Broker limit on the same broker (Kafka's ProducerPerformance / "
                + "ConsumerPerformance, %d records of %d bytes, acks=all): %.0f records/s produced, %.0f records/s "
                + "consumed. The suite's busiest step moved %.0f case events/s: %.1f %% of the producer limit.",
                raw.records(), raw.recordSize(), raw.producerRecordsPerSecond(), raw.consumerRecordsPerSecond(),
                bestEvents, 100 * bestEvents / raw.producerRecordsPerSecond());
    }

    /**
     * The busiest step's store writes against the store's own insert limit.
     *
     * @param targetRate the step's target, cases/s
     * @param documentsPerCase documents written per case posted in that step
     * @param acceptedPerSecond cases accepted per second in that step
     * @param documentsPerSecond documents written per second: documents per case × cases accepted per second
     * @param percentOfInsertLimit documents per second as a share of the single-insert limit, in %
     * @param casesPerSecondCap the single-insert limit divided by the documents per case
     */
    record StoreShare(int targetRate, double documentsPerCase, double acceptedPerSecond, double documentsPerSecond,
            double percentOfInsertLimit, double casesPerSecondCap) {
    }

    /**
     * Among the steps whose store counters show documents written, the one that wrote the most per second, set
     * against {@code insertsPerSecond}; empty when no step shows any.
     */
    static Optional<StoreShare> storeShare(List<LoadBenchmark.StepResult> steps, double insertsPerSecond) {
        return steps.stream().filter(step -> step.store() != null && step.store().writes() > 0)
                .map(step -> {
                    double perCase = step.store().writes();
                    double perSecond = perCase * step.achievedRate();
                    return new StoreShare(step.targetRate(), perCase, step.achievedRate(), perSecond,
                            100 * perSecond / insertsPerSecond, insertsPerSecond / perCase);
                })
                .max(Comparator.comparingDouble(StoreShare::documentsPerSecond));
    }

    /** The store-limit paragraph; one line when the limit was not measured. */
    static String storeLimit(List<LoadBenchmark.StepResult> steps, RawStoreLimit.Result limit) {
        if (limit.skippedMeasurement()) {
            return "Store limit: not measured (`--store-records 0`).";
        }
        if (!limit.measured()) {
            return "Store limit: not measured, the measurement failed (" + (limit.failure() == null
                    ? "no inserts timed" : oneLine(limit.failure())) + ").";
        }
        String measured = String.format(Locale.ROOT, "Store limit on the same store (%d single-document inserts and "
                + "updates of about %d KB by %d clients, acknowledged): %.0f inserts/s, %.0f updates/s.",
                limit.records(), Math.round(limit.documentBytes() / 1024.0), limit.clients(),
                limit.insertsPerSecond(), limit.updatesPerSecond());
        return storeShare(steps, limit.insertsPerSecond()).map(share -> measured + String.format(Locale.ROOT,
                " The suite's busiest step (%d cases/s target) wrote %.0f documents/s (%.1f per case × %.0f cases/s "
                        + "accepted): %.1f %% of the insert limit; at %.1f documents per case, each written on its own, "
                        + "the store alone would cap the suite at about %.0f cases/s, with no CPU left for anything "
                        + "else.",
                share.targetRate(), share.documentsPerSecond(), share.documentsPerCase(), share.acceptedPerSecond(),
                share.percentOfInsertLimit(), share.documentsPerCase(), share.casesPerSecondCap()))
                .orElse(measured + " No step's store counters showed documents written, so there is nothing to set "
                        + "against it.");
    }

    /** Puts {@code section} above the earlier results, below the title and introduction. */
    static void prepend(Path file, String section) throws IOException {
        String earlier = Files.exists(file) ? Files.readString(file) : "";
        int cut = earlier.indexOf("\n## ");
        String older = cut < 0 ? "" : earlier.substring(cut + 1);
        Files.writeString(file, TITLE + "\n\n" + INTRO + "\n" + section + older);
    }

    private static String pair(Histogram histogram) {
        return histogram.getTotalCount() == 0 ? "–" : histogram.getValueAtPercentile(50) + " / "
                + histogram.getValueAtPercentile(99);
    }

    private static String p99(Histogram histogram) {
        return histogram.getTotalCount() == 0 ? "–" : String.valueOf(histogram.getValueAtPercentile(99));
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        }
        catch (IOException ex) {
            // not Linux: the name stays unknown
        }
        long memoryGb = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() >> 30;
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memoryGb + " GB, Java "
                + Runtime.version().feature();
    }
}
