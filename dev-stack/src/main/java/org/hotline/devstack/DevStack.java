package org.hotline.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.logging.log4j.LogManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Hotline dev stack: one command that runs, on this machine, a Kafka broker (KRaft), the MongoDB stand-in
 * and the five Hotline services, and optionally simulated hotline traffic.
 * <p>
 * {@code java -jar dev-stack/target/hotline-dev-stack.jar [--data-dir DIR] [--demo] [--no-services]}, run from
 * the repository root. Ctrl-C stops the services, then Kafka, then MongoDB. {@code drills [...]} runs the
 * {@link FaultDrills} instead.
 */
public final class DevStack {

    static final Duration KAFKA_START_TIMEOUT = Duration.ofSeconds(60);
    static final Duration SERVICES_READY_TIMEOUT = Duration.ofSeconds(180);
    static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(20);

    private final DevStackOptions options;
    private final Logger log = LoggerFactory.getLogger(DevStack.class);
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile KafkaBroker kafka;
    private volatile MongoStandIn mongo;
    private volatile ServiceProcesses services;
    private volatile DemoDriver demo;

    DevStack(DevStackOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("drills")) {
            System.exit(FaultDrills.runAll(java.util.Arrays.copyOfRange(args, 1, args.length)));
            return;
        }
        DevStackOptions options;
        try {
            options = DevStackOptions.parse(args);
        } catch (DevStackOptions.HelpRequestedException e) {
            System.out.print(DevStackOptions.USAGE);
            return;
        } catch (DevStackOptions.InvalidOptionsException e) {
            System.err.println("Error: " + e.getMessage());
            System.err.println();
            System.err.print(DevStackOptions.USAGE);
            System.exit(2);
            return;
        }
        // must be set before the first logger is created: the log files live under the data directory
        System.setProperty("hotline.devstack.data-dir", options.dataDir().toAbsolutePath().toString());
        int exitCode = new DevStack(options).run();
        System.exit(exitCode);
    }

    /** Starts everything, then blocks until the JVM shuts down. Returns an exit code only if starting failed. */
    int run() {
        long started = System.nanoTime();
        Path dataDir = options.dataDir().toAbsolutePath().normalize();
        log.info("Hotline dev stack, data directory {}", dataDir);
        List<HotlineService> toStart = options.startServices() ? HotlineService.ALL : List.of();
        ServiceProcesses processes = new ServiceProcesses(options.servicesDir().toAbsolutePath().normalize(),
                options.serviceLogDir().toAbsolutePath(), options.kafkaBootstrap(), options.mongoUri());
        List<HotlineService> missing = processes.missingJars(toStart);
        if (!missing.isEmpty()) {
            log.error("Service jars not found: {}", missing.stream()
                    .map(s -> s.jar(options.servicesDir().toAbsolutePath().normalize()).toString()).toList());
            log.error("Build them first from the repository root with: ./mvnw -B -DskipTests package"
                    + "  (or pass --services-dir, or --no-services to start only Kafka and MongoDB)");
            return 2;
        }
        List<String> busy = busyPorts(toStart);
        if (!busy.isEmpty()) {
            busy.forEach(log::error);
            log.error("Stop whatever uses these ports (another dev stack?) or choose other ports, see --help");
            return 2;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            shutdown();
            LogManager.shutdown();
        }, "dev-stack-shutdown"));
        try {
            if (options.runsKafka()) {
                startKafka();
            }
            if (options.runsMongo()) {
                startMongo();
            }
            if (options.only() != null) {
                log.info("{} is ready; Ctrl-C (or SIGTERM) stops it", options.only());
                awaitShutdown();
                return 0;
            }
            ReadinessProbe.Result readiness = new ReadinessProbe.Result(Map.of());
            if (!toStart.isEmpty()) {
                services = processes;
                readiness = startServices(processes, toStart);
            }
            log.info(summary(readiness, toStart, (System.nanoTime() - started) / 1e9));
            if (options.demo()) {
                startDemo(readiness, toStart);
            }
        } catch (Exception e) {
            log.error("Dev stack failed to start: {}", e.toString(), e);
            return 1;
        }
        awaitShutdown();
        return 0;
    }

    private void startKafka() throws Exception {
        long t0 = System.nanoTime();
        log.info("Starting Kafka broker (KRaft) on {} ...", options.kafkaBootstrap());
        KafkaBroker broker = new KafkaBroker(options.kafkaDir(), options.kafkaPort(), options.kafkaControllerPort());
        kafka = broker;
        broker.start(KAFKA_START_TIMEOUT);
        log.info("Kafka ready on {} in {} s (broker log: {})", options.kafkaBootstrap(), seconds(t0),
                options.kafkaDir().resolve("logs").resolve("server.log").toAbsolutePath());
    }

    private void startMongo() throws IOException {
        long t0 = System.nanoTime();
        MongoStandIn standIn = new MongoStandIn(options.mongoFile(), options.mongoPort());
        standIn.start();
        mongo = standIn;
        log.info("MongoDB stand-in ready on {} in {} s (file: {})", standIn.connectionString(), seconds(t0),
                standIn.file());
    }

    private ReadinessProbe.Result startServices(ServiceProcesses processes, List<HotlineService> toStart)
            throws IOException, InterruptedException {
        log.info("Starting {} services (output in {}) ...", toStart.size(), options.serviceLogDir().toAbsolutePath());
        processes.startAll(toStart);
        ReadinessProbe.Result result = new ReadinessProbe().await(toStart, processes::process, SERVICES_READY_TIMEOUT);
        result.failures().forEach((service, reason) -> log.error("{} is not ready: {}. See its log: {}",
                service.name(), reason, processes.logFile(service).toAbsolutePath()));
        return result;
    }

    private void startDemo(ReadinessProbe.Result readiness, List<HotlineService> started) {
        HotlineService intake = HotlineService.INTAKE;
        if (!started.contains(intake) || readiness.failures().containsKey(intake)) {
            log.warn("Demo not started: intake-service is not running");
            return;
        }
        if (!started.contains(HotlineService.AUTH) || readiness.failures().containsKey(HotlineService.AUTH)) {
            log.warn("Demo not started: the authorization server is not running");
            return;
        }
        DemoDriver driver = new DemoDriver(intake.baseUrl(), HotlineService.ROUTING.baseUrl(),
                HotlineService.FEEDBACK.baseUrl(), new DevTokens(HotlineService.AUTH.baseUrl()));
        demo = driver;
        driver.start();
    }

    String summary(ReadinessProbe.Result readiness, List<HotlineService> started, double elapsedSeconds) {
        String line = "=".repeat(78);
        StringBuilder text = new StringBuilder("\n").append(line).append('\n');
        text.append(String.format(" Hotline dev stack is up (started in %.1f s)%n", elapsedSeconds));
        if (!started.isEmpty()) {
            text.append(String.format("   %-18s %s/api/cases%n", "Intake API", HotlineService.INTAKE.baseUrl()));
            text.append(String.format("   %-18s %s/  (dashboard)%n", "Reporting", HotlineService.REPORTING.baseUrl()));
            text.append(String.format("   %-18s %s/api/ledger/{caseId}%n", "Case ledger",
                    HotlineService.REPORTING.baseUrl()));
            text.append(String.format("   %-18s %s/oauth2/token  (demo clients: see the README; secret"
                    + " <client>-secret)%n", "Tokens", HotlineService.AUTH.baseUrl()));
            String label = "Swagger UI";
            for (HotlineService service : started) {
                if (service.equals(HotlineService.AUTH)) {
                    continue;
                }
                String state = readiness.failures().containsKey(service) ? "  NOT READY, see "
                        + options.serviceLogDir().resolve(service.name() + ".log").toAbsolutePath() : "";
                text.append(String.format("   %-18s %-20s %s/swagger-ui.html%s%n", label, service.name(),
                        service.baseUrl(), state));
                label = "";
            }
        } else {
            text.append("   (services not started: run them from your IDE with the settings below)\n");
            text.append(String.format("   %-18s KAFKA_BOOTSTRAP_SERVERS=%s  MONGODB_URI=%s/<service>%n", "Environment",
                    options.kafkaBootstrap(), options.mongoUri()));
        }
        text.append(String.format("   %-18s %s%n", "Kafka", options.kafkaBootstrap()));
        text.append(String.format("   %-18s %s%n", "MongoDB", options.mongoUri()));
        text.append(String.format("   %-18s %s%n", "Data and logs", options.dataDir().toAbsolutePath().normalize()));
        text.append(" Press Ctrl-C to stop.\n").append(line);
        return text.toString();
    }

    private List<String> busyPorts(List<HotlineService> toStart) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        if (options.runsKafka()) {
            ports.put("Kafka (--kafka-port)", options.kafkaPort());
            ports.put("Kafka controller (--kafka-controller-port)", options.kafkaControllerPort());
        }
        if (options.runsMongo()) {
            ports.put("MongoDB (--mongo-port)", options.mongoPort());
        }
        toStart.forEach(s -> ports.put(s.name(), s.port()));
        List<String> busy = new ArrayList<>();
        ports.forEach((what, port) -> {
            if (!isFree(port)) {
                busy.add("Port " + port + " for " + what + " is already in use");
            }
        });
        return busy;
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void awaitShutdown() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops, in order, the demo traffic, the services, the Kafka broker and the MongoDB stand-in. */
    void shutdown() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        try {
            log.info("Shutting down ...");
            if (demo != null) {
                demo.close();
            }
            if (services != null) {
                log.info("Stopping services (up to {} s each) ...", SERVICE_STOP_GRACE.toSeconds());
                services.stopAll(SERVICE_STOP_GRACE);
            }
            if (kafka != null) {
                long t0 = System.nanoTime();
                log.info("Stopping Kafka broker ...");
                kafka.stop();
                log.info("Kafka broker stopped in {} s", seconds(t0));
            }
            if (mongo != null) {
                log.info("Stopping MongoDB stand-in ...");
                mongo.stop();
                log.info("MongoDB stand-in stopped, data written to {}", mongo.file());
            }
            log.info("Dev stack stopped");
        } catch (RuntimeException e) {
            log.error("Error during shutdown: {}", e.toString(), e);
        } finally {
            stopped.countDown();
        }
    }

    private static String seconds(long startNanos) {
        return String.format("%.1f", (System.nanoTime() - startNanos) / 1e9);
    }
}
