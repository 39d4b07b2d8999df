package org.hotline.devstack;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.jar.JarFile;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The stack the fault drills break: the Kafka broker and the MongoDB stand-in each in its own JVM (this dev stack
 * started with {@code --only kafka} / {@code --only mongo}), the authorization server and the five services as
 * {@code java -jar} processes, all on the usual ports plus an offset so that a dev stack on the usual ports can
 * keep running. Every process can be killed for real and started again on the same data directory.
 */
final class DrillStack implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofSeconds(600);

    private final Path dataDir;
    private final Path servicesDir;
    private final Consumer<String> say;
    final int kafkaPort;
    final int kafkaControllerPort;
    final int mongoPort;
    final HotlineService auth;
    final HotlineService intake;
    final HotlineService routing;
    final HotlineService escalation;
    final HotlineService feedback;
    final HotlineService reporting;
    /** The services running now, without the authorization server. */
    private final List<HotlineService> services = new ArrayList<>();
    private final ServiceProcesses processes;
    private Process kafka;
    private Process mongo;

    DrillStack(Path dataDir, Path servicesDir, int portOffset, Consumer<String> say) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.servicesDir = servicesDir.toAbsolutePath().normalize();
        this.say = say;
        this.kafkaPort = DevStackOptions.DEFAULT_KAFKA_PORT + portOffset;
        this.kafkaControllerPort = kafkaPort + 1;
        this.mongoPort = DevStackOptions.DEFAULT_MONGO_PORT + portOffset;
        this.auth = HotlineService.AUTH.onPort(HotlineService.AUTH.port() + portOffset);
        this.intake = HotlineService.INTAKE.onPort(HotlineService.INTAKE.port() + portOffset);
        this.routing = HotlineService.ROUTING.onPort(HotlineService.ROUTING.port() + portOffset);
        this.escalation = HotlineService.ESCALATION.onPort(HotlineService.ESCALATION.port() + portOffset);
        this.feedback = HotlineService.FEEDBACK.onPort(HotlineService.FEEDBACK.port() + portOffset);
        this.reporting = HotlineService.REPORTING.onPort(HotlineService.REPORTING.port() + portOffset);
        this.processes = new ServiceProcesses(this.servicesDir, this.dataDir.resolve("logs"), kafkaBootstrap(),
                "mongodb://127.0.0.1:" + mongoPort, auth.baseUrl());
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    Path dataDir() {
        return dataDir;
    }

    /** The services running now (not the authorization server), second instances included. */
    synchronized List<HotlineService> services() {
        return List.copyOf(services);
    }

    /** A running instance of the service named like {@code service}. */
    synchronized HotlineService running(HotlineService service) {
        return services.stream().filter(s -> s.name().equals(service.name())).findFirst()
                .orElseThrow(() -> new IllegalStateException(service.name() + " is not running"));
    }

    /** Starts everything and waits until every service is ready; throws if anything does not come up. */
    void start() throws Exception {
        List<HotlineService> all = List.of(auth, intake, routing, escalation, feedback, reporting);
        List<HotlineService> missing = processes.missingJars(all);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Service jars not found: " + missing.stream()
                    .map(s -> s.jar(servicesDir).toString()).toList()
                    + ". Build them first from the repository root: ./mvnw -B -DskipTests package");
        }
        List<Integer> ports = new ArrayList<>(List.of(kafkaPort, kafkaControllerPort, mongoPort));
        all.forEach(s -> ports.add(s.port()));
        List<Integer> busy = ports.stream().filter(port -> !DevStack.isFree(port)).toList();
        if (!busy.isEmpty()) {
            throw new IllegalStateException("Ports already in use: " + busy + " (another drill run? choose another "
                    + "--port-offset)");
        }
        startKafka();
        startStore();
        long t0 = System.nanoTime();
        processes.startAll(all);
        synchronized (this) {
            services.addAll(all.subList(1, all.size()));
        }
        awaitReady(all);
        say.accept(String.format("stack ready: auth-server and 5 services in %.0f s (logs in %s)",
                (System.nanoTime() - t0) / 1e9, dataDir.resolve("logs")));
    }

    private void awaitReady(List<HotlineService> toAwait) throws InterruptedException {
        ReadinessProbe.Result result = new ReadinessProbe().await(toAwait, processes::process, START_TIMEOUT);
        if (!result.allReady()) {
            throw new IllegalStateException("Not ready: " + result.failures() + " (see " + dataDir.resolve("logs")
                    + ")");
        }
    }

    /** Starts the broker in its own JVM on the drill's data directory and waits until it answers clients. */
    synchronized void startKafka() throws Exception {
        long t0 = System.nanoTime();
        kafka = component("kafka", List.of("-Xms128m", "-Xmx768m", "-XX:+UseSerialGC"),
                "--kafka-port", String.valueOf(kafkaPort), "--kafka-controller-port", String.valueOf(kafkaControllerPort));
        awaitKafka(kafka, START_TIMEOUT);
        say.accept(String.format("Kafka broker up on %s (pid %d) in %.1f s", kafkaBootstrap(), kafka.pid(),
                (System.nanoTime() - t0) / 1e9));
    }

    /** {@code kill -9} of the broker. */
    synchronized void killKafka() throws InterruptedException {
        kill("Kafka broker", kafka);
        kafka = null;
    }

    /** Starts the MongoDB stand-in in its own JVM and waits until it accepts connections. */
    synchronized void startStore() throws Exception {
        long t0 = System.nanoTime();
        mongo = component("mongo", List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC"),
                "--mongo-port", String.valueOf(mongoPort));
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!accepts(mongoPort)) {
            if (!mongo.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("MongoDB stand-in did not start, see "
                        + componentLog("mongo"));
            }
            Thread.sleep(100);
        }
        say.accept(String.format("MongoDB stand-in up on 127.0.0.1:%d (pid %d) in %.1f s", mongoPort, mongo.pid(),
                (System.nanoTime() - t0) / 1e9));
    }

    /** Stops the MongoDB stand-in (SIGTERM: it writes its file and exits) and waits until it is gone. */
    synchronized void stopStore() throws InterruptedException {
        if (mongo != null) {
            mongo.destroy();
            if (!mongo.waitFor(30, TimeUnit.SECONDS)) {
                mongo.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            say.accept("MongoDB stand-in stopped (pid " + mongo.pid() + ")");
            mongo = null;
        }
    }

    /** Starts a second instance of {@code service} on its port + 10 (same database, same consumer group). */
    HotlineService startSecondInstance(HotlineService service) throws Exception {
        HotlineService second = service.secondInstance(service.port() + 10);
        processes.startAll(List.of(second));
        synchronized (this) {
            services.add(second);
        }
        awaitReady(List.of(second));
        return second;
    }

    long pid(HotlineService service) {
        Process process = processes.process(service);
        return process == null ? -1 : process.pid();
    }

    /** {@code kill -9} of one service instance. */
    void killService(HotlineService service) throws InterruptedException {
        synchronized (this) {
            services.remove(service);
        }
        processes.kill(service);
    }

    private Process component(String name, List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(launch());
        command.addAll(List.of("--only", name, "--data-dir", dataDir.toString()));
        command.addAll(List.of(args));
        Path log = componentLog(name);
        Files.createDirectories(log.getParent());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(Redirect.appendTo(log.toFile()))
                .start();
    }

    Path componentLog(String name) {
        return dataDir.resolve("logs").resolve(name + "-process.log");
    }

    /**
     * How to start this dev stack again: {@code -jar hotline-dev-stack.jar} when running from the built jar, else
     * (tests, IDE) this class path and the main class.
     */
    static List<String> launch() {
        String classPath = System.getProperty("java.class.path");
        if (!classPath.contains(File.pathSeparator) && classPath.endsWith(".jar")) {
            try (JarFile jar = new JarFile(classPath)) {
                if (jar.getManifest() != null && jar.getManifest().getMainAttributes().getValue("Start-Class") != null) {
                    return List.of("-jar", classPath);
                }
            }
            catch (IOException ex) {
                // not a readable jar: fall back to the class path
            }
        }
        return List.of("-cp", classPath, DevStack.class.getName());
    }

    private void awaitKafka(Process process, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                3000))) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka broker exited with code " + process.exitValue() + ", see "
                            + componentLog("kafka"));
                }
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                }
                catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
                    // not up yet
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("Kafka broker not answering within " + timeout.toSeconds() + " s");
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }

    private void kill(String what, Process process) throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            say.accept("kill -9 " + what + " (pid " + process.pid() + ")");
        }
    }

    /** Stops the services (10 s grace each), then the broker and the store; kills whatever does not stop. */
    @Override
    public synchronized void close() {
        processes.stopAll(Duration.ofSeconds(10));
        services.clear();
        for (Process process : new Process[] { kafka, mongo }) {
            if (process != null && process.isAlive()) {
                process.destroy();
                try {
                    if (!process.waitFor(20, TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    }
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    process.destroyForcibly();
                }
            }
        }
        kafka = null;
        mongo = null;
    }
}
