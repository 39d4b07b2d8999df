package org.hotline.devstack;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each Hotline service as its own {@code java -jar} child process with a small heap, pointing it at the
 * dev stack's Kafka broker and MongoDB stand-in. Each child's output goes to {@code <logDir>/<service>.log}.
 */
final class ServiceProcesses implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceProcesses.class);

    /**
     * Small heaps and the serial collector keep six JVMs within a laptop's memory. Only the C1 compiler: on two
     * cores the C2 compiler's work during start-up and the first minutes of load costs more than its faster code
     * gives back (measured with the whole stack on C1: 80 s instead of 123 s to start, and at 25 cases/s 25 taken instead of 21).
     */
    static final List<String> JVM_OPTIONS = List.of(
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xss512k",
            "-Xms160m",
            "-Xmx384m",
            // a young generation about three times what the heap's default share gave under load: a third of the
            // collections, each as short (what survives a collection is about the same), for ~100 MB more per service
            "-Xmn96m",
            "-XX:MaxMetaspaceSize=256m",
            "-XX:ReservedCodeCacheSize=64m",
            "-Dfile.encoding=UTF-8");

    /** Where the process priority tool is on Linux and macOS; without it the services run at normal priority. */
    static final Path NICE = Path.of("/usr/bin/nice");

    /**
     * reporting-service runs at a lower priority (niceness 5, or {@code HOTLINE_REPORTING_NICENESS}): its projections
     * may trail by seconds, an emergency's escalation may not. On a machine with idle cores it changes nothing. At
     * niceness 10 its threads waited for a core twelve times as long as they ran at 20 cases/s on two cores, and the
     * ledger fell tens of seconds behind though it had the CPU time it needed; at 5 it kept up at 20 cases/s in every
     * benchmark run (and at 30 cases/s in one of two).
     */
    static final String REPORTING_NICENESS = System.getenv().getOrDefault("HOTLINE_REPORTING_NICENESS", "5");

    private final Path servicesDir;
    private final Path logDir;
    private final String kafkaBootstrap;
    private final String mongoUri;
    private final String authUrl;
    private final Map<HotlineService, Process> running = new LinkedHashMap<>();

    ServiceProcesses(Path servicesDir, Path logDir, String kafkaBootstrap, String mongoUri) {
        this(servicesDir, logDir, kafkaBootstrap, mongoUri, HotlineService.AUTH.baseUrl());
    }

    /** @param authUrl the authorization server the services trust, and its issuer when it is started here */
    ServiceProcesses(Path servicesDir, Path logDir, String kafkaBootstrap, String mongoUri, String authUrl) {
        this.servicesDir = servicesDir;
        this.logDir = logDir;
        this.kafkaBootstrap = kafkaBootstrap;
        this.mongoUri = mongoUri;
        this.authUrl = authUrl;
    }

    /** The services whose jar has not been built. */
    List<HotlineService> missingJars(List<HotlineService> services) {
        return services.stream().filter(s -> !Files.isRegularFile(s.jar(servicesDir))).toList();
    }

    Path logFile(HotlineService service) {
        return logDir.resolve(service.label() + ".log");
    }

    List<String> command(HotlineService service) {
        List<String> command = new ArrayList<>();
        if (service.name().equals(HotlineService.REPORTING.name()) && Files.isExecutable(NICE)) {
            // analytics yields the CPU to the case path (intake, routing, escalation) when the machine is busy
            command.addAll(List.of(NICE.toString(), "-n", REPORTING_NICENESS));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        // e.g. HOTLINE_SERVICE_JVM_OPTIONS="-XX:TieredStopAtLevel=4" for the C2 compiler; later options win
        String extra = System.getenv("HOTLINE_SERVICE_JVM_OPTIONS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.add("-jar");
        command.add(service.jar(servicesDir).toAbsolutePath().toString());
        return command;
    }

    /**
     * The settings of a child process. The services accept the tokens of the dev stack's authorization server, and
     * only those.
     */
    Map<String, String> environment(HotlineService service) {
        if (service.name().equals(HotlineService.AUTH.name())) {
            return Map.of("SERVER_PORT", String.valueOf(service.port()), "HOTLINE_AUTH_ISSUER", authUrl);
        }
        return Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap,
                "MONGODB_URI", mongoUri + "/" + service.database(),
                "SERVER_PORT", String.valueOf(service.port()),
                "HOTLINE_SECURITY_ENABLED", "true",
                "HOTLINE_OIDC_ISSUER", authUrl);
    }

    /** Starts all services at once; returns as soon as the processes exist. */
    synchronized void startAll(List<HotlineService> services) throws IOException {
        Files.createDirectories(logDir);
        for (HotlineService service : services) {
            ProcessBuilder builder = new ProcessBuilder(command(service))
                    .directory(servicesDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.to(logFile(service).toFile()));
            builder.environment().putAll(environment(service));
            Process process = builder.start();
            running.put(service, process);
            log.info("Started {} (pid {}, port {}), log: {}", service.label(), process.pid(), service.port(),
                    logFile(service));
        }
    }

    /** Kills one service at once ({@code kill -9}) and waits until it is gone. */
    synchronized void kill(HotlineService service) throws InterruptedException {
        Process process = running.remove(service);
        if (process != null) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            log.info("Killed {} (pid {})", service.label(), process.pid());
        }
    }

    Process process(HotlineService service) {
        return running.get(service);
    }

    /**
     * Asks every service to stop (SIGTERM), waits up to {@code grace} for each in parallel, then kills the ones
     * still running.
     */
    synchronized void stopAll(Duration grace) {
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        running.forEach((service, process) -> stops.add(CompletableFuture.runAsync(() -> stop(service, process, grace))));
        CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
        running.clear();
    }

    private static void stop(HotlineService service, Process process, Duration grace) {
        if (!process.isAlive()) {
            log.info("{} had already exited (code {})", service.name(), process.exitValue());
            return;
        }
        long started = System.nanoTime();
        process.destroy();
        try {
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                log.info("Stopped {} in {} ms", service.name(), (System.nanoTime() - started) / 1_000_000);
                return;
            }
            log.warn("{} did not stop within {} s, killing it", service.name(), grace.toSeconds());
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public void close() {
        stopAll(Duration.ofSeconds(20));
    }
}
