package org.hotline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resident memory and CPU of the dev stack's processes, found by their command lines ({@code <service>.jar}, and the
 * dev stack itself, which holds Kafka and the MongoDB stand-in). Linux only (reads {@code /proc}).
 */
final class ProcessStats {

    record Sample(long rssKb, Duration cpu, long atNanos) {
    }

    record Usage(long maxRssMb, double cpuPercent) {
    }

    private final Map<String, ProcessHandle> processes = new LinkedHashMap<>();
    private final Map<String, Sample> first = new LinkedHashMap<>();
    private final Map<String, Sample> last = new LinkedHashMap<>();
    private final Map<String, Long> maxRss = new LinkedHashMap<>();

    ProcessStats(List<String> names) {
        for (String name : names) {
            ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(c -> c.contains(name)).orElse(false))
                    .findFirst().ifPresent(p -> processes.put(name.replace(".jar", ""), p));
        }
    }

    Map<String, ProcessHandle> found() {
        return processes;
    }

    /** Takes one sample of every process. */
    void sample() {
        processes.forEach((name, process) -> sample(process).ifPresent(sample -> {
            first.putIfAbsent(name, sample);
            last.put(name, sample);
            maxRss.merge(name, sample.rssKb(), Math::max);
        }));
    }

    /** Forgets the samples so far: usage is measured from the next sample on (resident sets keep their maximum). */
    void reset() {
        first.clear();
    }

    /** Since the first sample: the largest resident set and the mean CPU use (100 % = one core). */
    Map<String, Usage> usage() {
        Map<String, Usage> usage = new LinkedHashMap<>();
        first.forEach((name, start) -> {
            Sample end = last.get(name);
            double wall = (end.atNanos() - start.atNanos()) / 1e9;
            double cpu = end.cpu().minus(start.cpu()).toNanos() / 1e9;
            usage.put(name, new Usage(maxRss.get(name) / 1024, wall <= 0 ? 0 : 100 * cpu / wall));
        });
        return usage;
    }

    private static Optional<Sample> sample(ProcessHandle process) {
        try {
            long rss = Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:")).findFirst()
                    .map(line -> Long.parseLong(line.replaceAll("\\D", ""))).orElse(0L);
            return process.info().totalCpuDuration().map(cpu -> new Sample(rss, cpu, System.nanoTime()));
        }
        catch (IOException | RuntimeException ex) {
            return Optional.empty();
        }
    }
}
