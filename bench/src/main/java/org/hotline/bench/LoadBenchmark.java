package org.hotline.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

import tools.jackson.databind.json.JsonMapper;

/**
 * The load benchmark: drives a running dev stack over HTTP with a realistic case mix, open loop at target rates,
 * measures every stage from the HTTP accept of each case, the consumer lag of every service, the processes' memory
 * and CPU, and the broker's and the store's own limits, then writes the results into {@code BENCHMARKS.md}.
 * <p>
 * {@code java -jar bench/target/hotline-bench.jar [--rates 100,250,500,750,1000] [--step 30s] [--out BENCHMARKS.md]}
 */
public final class LoadBenchmark {

    record Options(List<Integer> rates, Duration step, Duration drain, Duration warmup, String intake,
            String reporting, String auth, String kafka, String mongo, Path out, int ledgerSampleEvery,
            long rawRecords, long storeRecords) {

        static Options parse(String[] args) {
            Map<String, String> given = new LinkedHashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                given.put(args[i].replaceFirst("^--", ""), args[i + 1]);
            }
            return new Options(
                    List.of(given.getOrDefault("rates", "100,250,500,750,1000").split(",")).stream()
                            .map(String::trim).map(Integer::parseInt).toList(),
                    Duration.parse("PT" + given.getOrDefault("step", "30s").toUpperCase()),
                    Duration.parse("PT" + given.getOrDefault("drain", "20s").toUpperCase()),
                    Duration.parse("PT" + given.getOrDefault("warmup", "60s").toUpperCase()),
                    given.getOrDefault("intake", "http://localhost:8081"),
                    given.getOrDefault("reporting", "http://localhost:8085"),
                    given.getOrDefault("auth", "http://localhost:9000"),
                    given.getOrDefault("kafka", "127.0.0.1:9092"),
                    given.getOrDefault("mongo", "mongodb://127.0.0.1:27017"),
                    Path.of(given.getOrDefault("out", "BENCHMARKS.md")),
                    Integer.parseInt(given.getOrDefault("ledger-sample-every", "50")),
                    Long.parseLong(given.getOrDefault("raw-records", "200000")),
                    Long.parseLong(given.getOrDefault("store-records", "20000")));
        }
    }

    /** One case sent: when, what, and what came back. */
    record Sent(int number, CaseMix.Kind kind, long intendedNanos, long sentAtMillis, String caseId, int status,
            long responseNanos) {
    }

    static final List<String> TOPICS = List.of("case.opened", "case.assigned", "case.accepted", "case.escalated",
            "case.resolved", "case.closed");
    static final List<String> GROUPS = List.of("routing-service", "escalation-service", "feedback-service",
            "reporting-service", "intake-service");
    static final List<String> PROCESSES = List.of("hotline-dev-stack.jar", "auth-server.jar", "intake-service.jar",
            "routing-service.jar", "escalation-service.jar", "feedback-service.jar", "reporting-service.jar");

    private final Options options;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private final CaseMix mix = new CaseMix(42);
    private final AtomicInteger numbers = new AtomicInteger();
    private String frontDeskToken;
    private String analystToken;
    private LedgerWatcher ledgerWatcher;

    LoadBenchmark(Options options) {
        this.options = options;
        ExecutorService executor = Executors.newFixedThreadPool(32);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** How long the raw measurements wait for the suite to catch up after the last step. */
    static final Duration QUIET_TIMEOUT = Duration.ofMinutes(5);

    /**
     * Waits until no consumer group has records left to read (at most {@link #QUIET_TIMEOUT}), so that the broker's
     * and the store's own limits are measured on an idle machine rather than against the suite catching up.
     */
    static void awaitQuiet(LagMonitor lag) throws Exception {
        System.out.println("Waiting for every service to catch up before measuring the raw limits ...");
        long deadline = System.nanoTime() + QUIET_TIMEOUT.toNanos();
        Map<String, Long> lags = lag.lags();
        while (lags.values().stream().anyMatch(l -> l > 0) && System.nanoTime() < deadline) {
            Thread.sleep(2_000);
            lags = lag.lags();
        }
        System.out.println("Consumer lag before the raw measurements: " + lags);
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        new LoadBenchmark(options).run(String.join(" ", args));
        System.exit(0);
    }

    void run(String commandLine) throws Exception {
        frontDeskToken = Tokens.clientCredentials(http, options.auth(), "front-desk");
        analystToken = Tokens.clientCredentials(http, options.auth(), "analyst");
        ledgerWatcher = new LedgerWatcher(http, options.reporting(), analystToken);
        ProcessStats processes = new ProcessStats(PROCESSES);
        System.out.println("Processes found: " + processes.found().keySet());
        List<StepResult> steps = new ArrayList<>();
        try (EventTimes events = new EventTimes(options.kafka(), TOPICS);
                LagMonitor lag = new LagMonitor(options.kafka(), GROUPS);
                StoreStats store = new StoreStats(options.mongo())) {
            if (!options.warmup().isZero()) {
                // the JVMs compile their hot code and fill their caches first; not measured
                int rate = options.rates().get(0);
                System.out.printf("Warm-up: %d cases/s for %s (not measured) ...%n", rate, options.warmup());
                step(rate, options.warmup(), events, lag, processes);
                processes.reset();
            }
            for (int rate : options.rates()) {
                StoreStats.Snapshot before = store.snapshot();
                StepResult result = step(rate, options.step(), events, lag, processes)
                        .withStore(before.usePerCase(store.snapshot(), rate * options.step().toSeconds()));
                steps.add(result);
                System.out.println(result.summary());
            }
            awaitQuiet(lag);
        }
        ledgerWatcher.close();
        System.out.println("Measuring the broker's own limit with ProducerPerformance / ConsumerPerformance ...");
        RawKafkaLimit.Result raw;
        try {
            raw = RawKafkaLimit.measure(options.kafka(), 1500, options.rawRecords());
        }
        catch (Exception ex) {
            // the steps' results are worth keeping without it
            raw = RawKafkaLimit.Result.failed(1500, options.rawRecords(), ex);
            System.out.println("The broker's limit could not be measured: " + raw.failure());
        }
        if (options.storeRecords() > 0) {
            System.out.println("Measuring the store's own write limit with single-document inserts and updates ...");
        }
        RawStoreLimit.Result storeLimit = RawStoreLimit.measure(options.mongo(), options.storeRecords());
        if (storeLimit.failure() != null) {
            System.out.println("The store's limit could not be measured: " + storeLimit.failure());
        }
        String report = Report.markdown(commandLine, steps, processes.usage(), raw, storeLimit);
        System.out.println(report);
        Report.prepend(options.out(), report);
        System.out.println("Written to " + options.out().toAbsolutePath());
    }

    record StepResult(int targetRate, double achievedRate, int sent, int accepted, int failed, Histogram http,
            Histogram opened, Histogram assigned, Histogram ledger, Histogram emergency,
            Histogram emergencyFromOpened, int notOpened, int notAssigned, Map<String, Long> maxLag,
            Map<String, Boolean> lagGrowing, double eventsPerSecond, StoreStats.PerCase store) {

        StepResult withStore(StoreStats.PerCase use) {
            return new StepResult(targetRate, achievedRate, sent, accepted, failed, http, opened, assigned, ledger,
                    emergency, emergencyFromOpened, notOpened, notAssigned, maxLag, lagGrowing, eventsPerSecond, use);
        }

        boolean sustainable() {
            return achievedRate >= 0.95 * targetRate && failed <= sent / 100 && notAssigned == 0
                    && lagGrowing.values().stream().noneMatch(Boolean::booleanValue);
        }

        /** "yes", or "**no**" with what failed: too few accepted, failures, cases never assigned, growing lags. */
        String keptUp() {
            if (sustainable()) {
                return "yes";
            }
            List<String> why = new ArrayList<>();
            if (achievedRate < 0.95 * targetRate) {
                why.add("accepted < 95 %");
            }
            if (failed > sent / 100) {
                why.add("failures > 1 %");
            }
            if (notAssigned > 0) {
                why.add(notAssigned + " never assigned");
            }
            lagGrowing.forEach((group, growing) -> {
                if (growing) {
                    why.add(group.replace("-service", "") + " lag growing");
                }
            });
            return "**no** (" + String.join(", ", why) + ")";
        }

        String summary() {
            return String.format("%5d/s target: %.0f/s accepted, http p99 %d ms, assigned p99 %d ms, kept up: %s",
                    targetRate, achievedRate, http.getValueAtPercentile(99), assigned.getValueAtPercentile(99),
                    keptUp());
        }
    }

    private StepResult step(int rate, Duration duration, EventTimes events, LagMonitor lag, ProcessStats processes)
            throws Exception {
        System.out.printf("Step: %d cases/s for %s ...%n", rate, duration);
        ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
        Map<String, List<Long>> lagSamples = new LinkedHashMap<>();
        long recordsBefore = events.records();
        long start = System.nanoTime();
        long intervalNanos = 1_000_000_000L / rate;
        long total = duration.toSeconds() * rate;
        long nextSample = start;
        AtomicInteger inFlight = new AtomicInteger();
        for (long i = 0; i < total; i++) {
            long intended = start + i * intervalNanos;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            send(intended, sent, inFlight);
            if (System.nanoTime() >= nextSample) {
                nextSample += TimeUnit.SECONDS.toNanos(2);
                processes.sample();
                lag.lags().forEach((group, value) -> lagSamples.computeIfAbsent(group, g -> new ArrayList<>())
                        .add(value));
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long drainUntil = System.nanoTime() + options.drain().toNanos();
        while (System.nanoTime() < drainUntil && (inFlight.get() > 0 || !allAssigned(sent, events))) {
            Thread.sleep(250);
        }
        processes.sample();
        double eventsPerSecond = (events.records() - recordsBefore) / ((System.nanoTime() - start) / 1e9);
        return result(rate, elapsed, sent, events, lagSamples, eventsPerSecond);
    }

    private void send(long intendedNanos, ConcurrentLinkedQueue<Sent> sent, AtomicInteger inFlight) {
        int number = numbers.incrementAndGet();
        CaseMix.NewCase newCase = mix.next(number);
        HttpRequest request = HttpRequest.newBuilder(URI.create(options.intake() + "/api/cases"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + frontDeskToken)
                .header("X-Client-Id", "bench-" + (number % 50))
                .POST(HttpRequest.BodyPublishers.ofString(newCase.json())).build();
        long sentAt = System.currentTimeMillis();
        inFlight.incrementAndGet();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            long now = System.nanoTime();
            inFlight.decrementAndGet();
            String caseId = null;
            int status = error != null ? 0 : response.statusCode();
            if (status == 201) {
                caseId = json.readTree(response.body()).path("caseId").asString();
                if (number % options.ledgerSampleEvery() == 0) {
                    ledgerWatcher.watch(caseId, sentAt);
                }
            }
            sent.add(new Sent(number, newCase.kind(), intendedNanos, sentAt, caseId, status, now));
        });
    }

    private static boolean allAssigned(ConcurrentLinkedQueue<Sent> sent, EventTimes events) {
        return sent.stream().filter(s -> s.caseId() != null && s.kind() != CaseMix.Kind.ON_THE_SPOT)
                .allMatch(s -> events.seen("case.assigned", s.caseId()) != null);
    }

    private StepResult result(int rate, double elapsed, ConcurrentLinkedQueue<Sent> sent, EventTimes events,
            Map<String, List<Long>> lagSamples, double eventsPerSecond) {
        Histogram httpLatency = histogram();
        Histogram opened = histogram();
        Histogram assigned = histogram();
        Histogram ledger = ledgerWatcher.takeLatencies();
        Histogram emergency = histogram();
        Histogram emergencyFromOpened = histogram();
        int accepted = 0;
        int failed = 0;
        int notOpened = 0;
        int notAssigned = 0;
        for (Sent s : sent) {
            httpLatency.recordValue(Math.max(0, (s.responseNanos() - s.intendedNanos()) / 1_000_000));
            if (s.caseId() == null) {
                failed++;
                continue;
            }
            accepted++;
            Long openedAt = events.seen("case.opened", s.caseId());
            if (openedAt == null) {
                notOpened++;
            }
            else {
                opened.recordValue(Math.max(0, openedAt - s.sentAtMillis()));
            }
            if (s.kind() != CaseMix.Kind.ON_THE_SPOT) {
                Long assignedAt = events.seen("case.assigned", s.caseId());
                if (assignedAt == null) {
                    notAssigned++;
                }
                else {
                    assigned.recordValue(Math.max(0, assignedAt - s.sentAtMillis()));
                }
            }
            if (s.kind() == CaseMix.Kind.EMERGENCY) {
                Long escalatedAt = events.seen("case.escalated", s.caseId());
                if (escalatedAt != null) {
                    emergency.recordValue(Math.max(0, escalatedAt - s.sentAtMillis()));
                    if (openedAt != null) {
                        emergencyFromOpened.recordValue(Math.max(0, escalatedAt - openedAt));
                    }
                }
            }
        }
        Map<String, Long> maxLag = new LinkedHashMap<>();
        Map<String, Boolean> growing = new LinkedHashMap<>();
        lagSamples.forEach((group, samples) -> {
            maxLag.put(group, samples.stream().mapToLong(Long::longValue).max().orElse(0));
            growing.put(group, LagMonitor.growing(samples));
        });
        return new StepResult(rate, accepted / elapsed, sent.size(), accepted, failed, httpLatency, opened, assigned,
                ledger, emergency, emergencyFromOpened, notOpened, notAssigned, maxLag, growing, eventsPerSecond,
                null);
    }

    static Histogram histogram() {
        return new Histogram(TimeUnit.MINUTES.toMillis(10), 3);
    }
}
