package org.hotline.devstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Polls the services' readiness endpoints until all of them report UP, a process dies, or time runs out. */
final class ReadinessProbe {

    private static final Logger log = LoggerFactory.getLogger(ReadinessProbe.class);

    /** The services that did not become ready, each with the reason. */
    record Result(Map<HotlineService, String> failures) {
        boolean allReady() {
            return failures.isEmpty();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    Result await(List<HotlineService> services, Function<HotlineService, Process> processes, Duration timeout)
            throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        Map<HotlineService, String> pending = new LinkedHashMap<>();
        services.forEach(s -> pending.put(s, "not ready after " + timeout.toSeconds() + " s"));
        Map<HotlineService, String> failures = new LinkedHashMap<>();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            for (HotlineService service : List.copyOf(pending.keySet())) {
                Process process = processes.apply(service);
                if (process != null && !process.isAlive()) {
                    pending.remove(service);
                    failures.put(service, "exited with code " + process.exitValue());
                    log.error("{} exited with code {} while starting", service.name(), process.exitValue());
                } else if (isUp(service)) {
                    pending.remove(service);
                    log.info("{} is ready on port {} ({} s)", service.name(), service.port(),
                            String.format("%.1f", (System.nanoTime() - started) / 1e9));
                }
            }
            if (!pending.isEmpty()) {
                Thread.sleep(500);
            }
        }
        failures.putAll(pending);
        return new Result(failures);
    }

    boolean isUp(HotlineService service) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.readinessUrl()))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }
}
