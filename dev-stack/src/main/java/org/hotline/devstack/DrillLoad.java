package org.hotline.devstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.json.JsonMapper;

/**
 * Posts new cases ({@link DemoTraffic}'s realistic mix, about 5 % emergencies) to intake as the front desk and an
 * operator, at a steady rate whatever the answers (open loop), and keeps every answer: the cases taken (201) and what else came
 * back.
 */
final class DrillLoad implements AutoCloseable {

    /** A case intake took (201). */
    record Taken(String caseId, boolean emergency) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final DemoTraffic traffic = new DemoTraffic(new Random(12345), Clock.systemUTC());
    private final String intakeUrl;
    private final DevTokens tokens;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService senders = Executors.newFixedThreadPool(16);
    private final List<Taken> taken = new CopyOnWriteArrayList<>();
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final List<String> samples = new CopyOnWriteArrayList<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger transportErrors = new AtomicInteger();
    private final AtomicInteger unavailableWithoutProblem = new AtomicInteger();
    private final AtomicLong lastTakenAt = new AtomicLong();

    DrillLoad(String intakeUrl, DevTokens tokens) {
        this.intakeUrl = intakeUrl;
        this.tokens = tokens;
    }

    /** Starts posting {@code ratePerSecond} cases a second. */
    void start(int ratePerSecond) {
        long periodMicros = 1_000_000L / ratePerSecond;
        clock.scheduleAtFixedRate(() -> senders.execute(this::postOne), 0, periodMicros, TimeUnit.MICROSECONDS);
    }

    private void postOne() {
        DemoTraffic.CaseRequest request = traffic.nextCase();
        // two desks share the load: intake limits each client to 20 requests a second
        String client = sent.incrementAndGet() % 2 == 0 ? "front-desk" : "operator";
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(intakeUrl + "/api/cases"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + tokens.tokenOf(client))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(request))).build(),
                    HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
            if (status == 201) {
                taken.add(new Taken(json.readTree(response.body()).path("caseId").asString(),
                        "EMERGENCY".equals(request.urgency())));
                lastTakenAt.set(System.nanoTime());
            } else {
                if (status == 503 && !response.headers().firstValue("Content-Type").orElse("")
                        .startsWith("application/problem+json")) {
                    unavailableWithoutProblem.incrementAndGet();
                }
                if (status != 503 && samples.size() < 5) {
                    samples.add(status + " " + response.body().substring(0, Math.min(300, response.body().length())));
                }
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        catch (Exception ex) {
            transportErrors.incrementAndGet();
            if (samples.size() < 5) {
                samples.add(ex.toString());
            }
        }
    }

    /** Stops sending and waits for the answers of the requests under way. */
    void stop() throws InterruptedException {
        clock.shutdownNow();
        clock.awaitTermination(5, TimeUnit.SECONDS);
        senders.shutdown();
        senders.awaitTermination(60, TimeUnit.SECONDS);
    }

    List<Taken> taken() {
        return List.copyOf(taken);
    }

    int sent() {
        return sent.get();
    }

    int count(int status) {
        AtomicInteger count = statuses.get(status);
        return count == null ? 0 : count.get();
    }

    /** Answers 500-599 other than 503. */
    int serverErrors() {
        return statuses.entrySet().stream().filter(e -> e.getKey() >= 500 && e.getKey() != 503)
                .mapToInt(e -> e.getValue().get()).sum();
    }

    /** 503 answers that were not RFC 9457 problem details. */
    int unavailableWithoutProblem() {
        return unavailableWithoutProblem.get();
    }

    int transportErrors() {
        return transportErrors.get();
    }

    /** {@link System#nanoTime()} of the last 201, or 0. */
    long lastTakenAt() {
        return lastTakenAt.get();
    }

    /** One line: sent, and the count of each status. */
    String summary() {
        StringBuilder text = new StringBuilder("sent ").append(sent()).append(" cases: ");
        statuses.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> text.append(e.getValue().get()).append("×").append(e.getKey()).append(' '));
        if (transportErrors.get() > 0) {
            text.append(transportErrors.get()).append("×no answer ");
        }
        if (!samples.isEmpty()) {
            text.append("; first unexpected answers: ").append(samples);
        }
        return text.toString().trim();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
