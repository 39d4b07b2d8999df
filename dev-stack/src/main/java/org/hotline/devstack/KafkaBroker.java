package org.hotline.devstack;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Apache Kafka broker in KRaft mode (combined broker and controller) running inside this JVM.
 * <p>
 * The log directory is formatted on the first start only; later starts reuse the existing data, so topics,
 * records and consumer offsets survive a restart.
 */
final class KafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    /**
     * @param kafkaDir the broker's directory; records and metadata go to {@code kafkaDir/data}
     * @param port the client (PLAINTEXT) port
     * @param controllerPort the KRaft controller port
     */
    KafkaBroker(Path kafkaDir, int port, int controllerPort) {
        this.dataDir = kafkaDir.resolve("data").toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Formats the storage if needed, starts the broker and waits until it answers clients. */
    synchronized void start(Duration timeout) throws Exception {
        if (server != null) {
            throw new IllegalStateException("Kafka broker already started");
        }
        Files.createDirectories(dataDir);
        KafkaConfig config = KafkaConfig.fromProps(serverProperties(), false);
        if (isFormatted()) {
            log.info("Kafka: reusing existing data in {}", dataDir);
        } else {
            format(config);
        }
        KafkaRaftServer raftServer = new KafkaRaftServer(config, Time.SYSTEM);
        server = raftServer;
        try {
            raftServer.startup();
            awaitClients(timeout);
        } catch (Exception | Error e) {
            stopQuietly();
            throw e;
        }
    }

    boolean isFormatted() {
        return Files.exists(dataDir.resolve("meta.properties"));
    }

    Properties serverProperties() {
        Properties props = new Properties();
        props.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", String.valueOf(NODE_ID)),
                Map.entry("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + port + "," + CONTROLLER_LISTENER + "://127.0.0.1:"
                        + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port),
                Map.entry("controller.listener.names", CONTROLLER_LISTENER),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT"),
                Map.entry("log.dirs", dataDir.toString()),
                Map.entry("num.partitions", "6"),
                Map.entry("default.replication.factor", "1"),
                Map.entry("auto.create.topics.enable", "true"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "12"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("transaction.state.log.num.partitions", "12"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("num.io.threads", "4"),
                Map.entry("num.network.threads", "2"),
                Map.entry("log.cleaner.threads", "1")));
        return props;
    }

    private void format(KafkaConfig config) throws Exception {
        String clusterId = Uuid.randomUuid().toString();
        log.info("Kafka: formatting new storage in {} (cluster id {})", dataDir, clusterId);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(out)
                    .setNodeId(NODE_ID)
                    .setClusterId(clusterId)
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .addDirectory(dataDir.toString())
                    .run();
        }
        LoggerFactory.getLogger("kafka.format").info(output.toString(StandardCharsets.UTF_8).trim());
    }

    private void awaitClients(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(adminConfig)) {
            Exception last = null;
            while (System.nanoTime() < deadline) {
                try {
                    int nodes = admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).size();
                    if (nodes > 0) {
                        return;
                    }
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        throw (InterruptedException) e;
                    }
                    last = e;
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("Kafka broker did not answer on " + bootstrapServers() + " within "
                    + timeout.toSeconds() + " s", last);
        }
    }

    /** Stops the broker and waits until it has shut down; does nothing if it is not running. */
    synchronized void stop() {
        if (server != null) {
            KafkaRaftServer running = server;
            server = null;
            running.shutdown();
            running.awaitShutdown();
        }
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException e) {
            log.warn("Kafka: error while stopping after a failed start", e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
