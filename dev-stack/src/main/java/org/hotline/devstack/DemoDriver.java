package org.hotline.devstack;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the simulated traffic of {@link DemoTraffic} to the running services: 40 cases during the first
 * minute, then one about every 10 seconds. For about half of the cases it then plays the other desks: the
 * dispatcher assigns cases no rule could route, the department signs for its assignment and posts its result, the
 * callback team feeds the result back and calls the caller. Failed calls are logged and skipped.
 */
final class DemoDriver implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DemoDriver.class);
    private static final int BURST_CASES = 40;
    private static final Duration BURST_INTERVAL = Duration.ofMillis(1_500);
    private static final int FOLLOW_UP_ATTEMPTS = 4;

    private final DemoTraffic traffic = new DemoTraffic(new Random(), Clock.systemUTC());
    private final Random random = new Random();
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "demo-traffic");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger posted = new AtomicInteger();
    private final DevTokens tokens;
    private final String intakeUrl;
    private final String routingUrl;
    private final String feedbackUrl;

    DemoDriver(String intakeUrl, String routingUrl, String feedbackUrl, DevTokens tokens) {
        this.tokens = tokens;
        this.intakeUrl = intakeUrl;
        this.routingUrl = routingUrl;
        this.feedbackUrl = feedbackUrl;
    }

    void start() {
        log.info("Demo: posting {} cases over the next minute, then one about every 10 s", BURST_CASES);
        scheduler.schedule(this::postNextCase, 0, TimeUnit.MILLISECONDS);
    }

    private void postNextCase() {
        try {
            postCase();
        } catch (RuntimeException e) {
            log.warn("Demo: posting a case failed: {}", e.toString());
        } finally {
            long delay = posted.get() < BURST_CASES ? BURST_INTERVAL.toMillis() : 7_000 + random.nextInt(6_000);
            if (!scheduler.isShutdown()) {
                scheduler.schedule(this::postNextCase, delay, TimeUnit.MILLISECONDS);
            }
        }
    }

    private void postCase() {
        DemoTraffic.CaseRequest request = traffic.nextCase();
        int number = posted.incrementAndGet();
        Optional<HttpResponse<String>> response = send("front-desk", "POST", intakeUrl + "/api/cases", request, true);
        if (response.isEmpty()) {
            return;
        }
        Optional<String> caseId = caseId(response.get());
        log.info("Demo: case #{} {} {} {}/{} via {}{}", number, caseId.orElse("(no id)"), request.kind(),
                request.category(), request.subCategory() == null ? "-" : request.subCategory(), request.channel(),
                request.urgency().equals("NORMAL") ? "" : " [" + request.urgency() + "]");
        if (caseId.isPresent() && random.nextBoolean()) {
            boolean anonymous = request.caller().anonymous();
            scheduler.schedule(() -> followUp(caseId.get(), anonymous, 1), 15, TimeUnit.SECONDS);
        }
    }

    /** Once the case is assigned: the department signs for it and posts its result, then the feedback. */
    private void followUp(String caseId, boolean anonymous, int attempt) {
        try {
            boolean lastAttempt = attempt >= FOLLOW_UP_ATTEMPTS;
            Optional<JsonNode> assignment = currentAssignment(caseId, lastAttempt);
            if (assignment.isEmpty()) {
                dispatchIfQueued(caseId);
                if (!lastAttempt) {
                    scheduler.schedule(() -> followUp(caseId, anonymous, attempt + 1), 10, TimeUnit.SECONDS);
                } else {
                    log.warn("Demo: no assignment found for case {}, skipping its result and callback", caseId);
                }
                return;
            }
            String department = assignment.get().path("departmentCode").asString();
            String assignmentId = assignment.get().path("assignmentId").asString();
            if ("PENDING".equals(assignment.get().path("status").asString())) {
                send(DevTokens.departmentClient(department), "POST",
                        routingUrl + "/api/assignments/" + assignmentId + "/accept",
                        Map.of("handlerId", "h-" + (10 + random.nextInt(40))), true);
            }
            DemoTraffic.DepartmentResult result = traffic.result(caseId, department);
            if (send(DevTokens.departmentClient(department), "POST", feedbackUrl + "/api/results", result, true).isPresent()) {
                log.info("Demo: {} posted its result for case {}", department, caseId);
                scheduler.schedule(() -> feedBack(caseId, anonymous), 5, TimeUnit.SECONDS);
            }
        } catch (RuntimeException e) {
            log.warn("Demo: follow-up of case {} failed: {}", caseId, e.toString());
        }
    }

    /** The dispatcher assigns a case that no rule could route. */
    private void dispatchIfQueued(String caseId) {
        send("operator", "GET", routingUrl + "/api/dispatch/queue", null, false)
                .map(response -> json.readTree(response.body()))
                .filter(queue -> queue.findValuesAsString("caseId").contains(caseId))
                .ifPresent(queue -> {
                    send("operator", "POST", routingUrl + "/api/dispatch/" + caseId + "/assign",
                            Map.of("departmentCode", "EMPLOYEE_SERVICES", "operatorId", "op-dispatch"), true);
                    log.info("Demo: the dispatcher assigned case {} by hand", caseId);
                });
    }

    /**
     * The callback team feeds the result back (most of the time), then calls the caller; anonymous callers left no
     * contact, so there is neither.
     */
    private void feedBack(String caseId, boolean anonymous) {
        if (anonymous) {
            return;
        }
        if (random.nextInt(4) > 0) {
            send("operator", "POST", feedbackUrl + "/api/feedback", Map.of("caseId", caseId, "operatorId", "op-fb"), false);
        }
        scheduler.schedule(() -> postCallback(caseId), 5, TimeUnit.SECONDS);
    }

    private void postCallback(String caseId) {
        try {
            DemoTraffic.Callback callback = traffic.callback(caseId);
            if (send("operator", "POST", feedbackUrl + "/api/callbacks", callback, true).isPresent()) {
                log.info("Demo: caller of case {} is {}", caseId, callback.satisfaction());
            }
        } catch (RuntimeException e) {
            log.warn("Demo: callback of case {} failed: {}", caseId, e.toString());
        }
    }

    /** The lead department's latest assignment: an assisting department does not report the case's result. */
    static Optional<JsonNode> latestLead(JsonNode assignments) {
        JsonNode lead = null;
        for (JsonNode assignment : assignments) {
            if (!"ASSIST".equals(assignment.path("role").asString())) {
                lead = assignment;
            }
        }
        return Optional.ofNullable(lead);
    }

    /** The case's latest lead assignment, if routing has one. */
    private Optional<JsonNode> currentAssignment(String caseId, boolean warnOnFailure) {
        String url = routingUrl + "/api/assignments?caseId=" + URLEncoder.encode(caseId, StandardCharsets.UTF_8);
        return send("supervisor", "GET", url, null, warnOnFailure)
                .map(response -> json.readTree(response.body()))
                .filter(list -> list.isArray() && !list.isEmpty())
                .flatMap(DemoDriver::latestLead);
    }

    /** The new case's id from the response body ({@code caseId} or {@code id}) or the Location header. */
    private Optional<String> caseId(HttpResponse<String> response) {
        try {
            JsonNode body = json.readTree(response.body());
            for (String field : new String[] {"caseId", "id"}) {
                JsonNode value = body.get(field);
                if (value != null && value.isString()) {
                    return Optional.of(value.asString());
                }
            }
        } catch (RuntimeException e) {
            // not JSON: fall back to the Location header
        }
        return response.headers().firstValue("Location").map(location -> location.substring(location.lastIndexOf('/') + 1));
    }

    /**
     * Sends a request as {@code client} (a demo client of the authorization server); a failure or non-2xx answer
     * gives an empty result and, if asked, a warning.
     */
    private Optional<HttpResponse<String>> send(String client, String method, String url, Object body,
            boolean warnOnFailure) {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10))
                    .header("Accept", "application/json")
                    .header("Authorization", "Bearer " + tokens.tokenOf(client));
        } catch (RuntimeException e) {
            if (warnOnFailure) {
                log.warn("Demo: no token for {}: {}", client, e.getMessage());
            }
            return Optional.empty();
        }
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body),
                            StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<String> response = http.send(builder.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                if (warnOnFailure) {
                    log.warn("Demo: {} {} answered {}: {}", method, url, response.statusCode(), abbreviate(response.body()));
                }
                return Optional.empty();
            }
            return Optional.of(response);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            if (warnOnFailure) {
                log.warn("Demo: {} {} failed: {}", method, url, e.toString());
            }
            return Optional.empty();
        }
    }

    private static String abbreviate(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
