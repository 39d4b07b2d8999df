package org.hotline.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * Polls the ledger (reporting-service) for a sample of the cases sent, every 50 ms, and records how long after
 * being sent each first appeared there.
 */
final class LedgerWatcher implements AutoCloseable {

    private final HttpClient http;
    private final String reportingUrl;
    private final String token;
    private final Map<String, Long> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
    private volatile Histogram latencies = LoadBenchmark.histogram();

    LedgerWatcher(HttpClient http, String reportingUrl, String token) {
        this.http = http;
        this.reportingUrl = reportingUrl;
        this.token = token;
        poller.scheduleWithFixedDelay(this::poll, 50, 50, TimeUnit.MILLISECONDS);
    }

    void watch(String caseId, long sentAtMillis) {
        pending.put(caseId, sentAtMillis);
    }

    /** The latencies recorded since the last call, and a fresh histogram for the next step. */
    synchronized Histogram takeLatencies() {
        Histogram taken = latencies;
        latencies = LoadBenchmark.histogram();
        pending.clear();
        return taken;
    }

    private void poll() {
        pending.forEach((caseId, sentAt) -> {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(reportingUrl
                        + "/api/ledger/" + caseId)).header("Authorization", "Bearer " + token).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200 && pending.remove(caseId) != null) {
                    synchronized (this) {
                        latencies.recordValue(Math.max(0, System.currentTimeMillis() - sentAt));
                    }
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            catch (Exception ex) {
                // the next poll tries again
            }
        });
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
