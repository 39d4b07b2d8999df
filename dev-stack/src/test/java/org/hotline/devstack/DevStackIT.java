package org.hotline.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dev stack as a user runs it, in its own JVM: with {@code --no-services} it starts Kafka and MongoDB, prints
 * its summary, keeps the broker's log out of the console, and on SIGTERM stops everything in order.
 */
class DevStackIT {

    @TempDir
    Path dir;

    @Test
    void startsKafkaAndMongoAndStopsThemOnSigterm() throws Exception {
        int kafkaPort = ChildJvm.freePort();
        int mongoPort = ChildJvm.freePort();
        try (ChildJvm stack = ChildJvm.start(List.of("-Xmx512m", "-Dlog4j2.configurationFile=log4j2.xml"),
                DevStack.class, "--no-services", "--data-dir", dir.toString(), "--kafka-port",
                String.valueOf(kafkaPort), "--kafka-controller-port", String.valueOf(ChildJvm.freePort()),
                "--mongo-port", String.valueOf(mongoPort))) {

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> stack.printed("Press Ctrl-C to stop") || !stack.process.isAlive());
            assertThat(stack.output())
                    .contains("Kafka ready on 127.0.0.1:" + kafkaPort)
                    .contains("MongoDB stand-in ready on mongodb://127.0.0.1:" + mongoPort)
                    .contains("Hotline dev stack is up")
                    .doesNotContain("kafka.server");
            assertThat(dir.resolve("kafka/logs/server.log")).content().contains("Kafka Server started");

            // SIGTERM through the handle: Process.destroy() would also close the output we still want to read
            assertThat(stack.process.toHandle().destroy()).isTrue();
            assertThat(stack.awaitExit(Duration.ofSeconds(30))).as(stack.output()).isTrue();
            assertThat(stack.output()).containsSubsequence("Shutting down", "Stopping Kafka broker",
                    "Kafka broker stopped", "Stopping MongoDB stand-in", "Dev stack stopped");
            assertThat(Files.exists(dir.resolve("mongo/hotline.mv"))).isTrue();
        }
    }

    @Test
    void refusesToStartWithoutServiceJarsAndSaysHowToBuildThem() throws Exception {
        try (ChildJvm stack = ChildJvm.start(List.of("-Dlog4j2.configurationFile=log4j2.xml"), DevStack.class,
                "--data-dir", dir.toString(), "--services-dir", dir.toString())) {
            assertThat(stack.awaitExit(Duration.ofSeconds(30))).isTrue();
            assertThat(stack.process.exitValue()).isEqualTo(2);
            assertThat(stack.output()).contains("Service jars not found", "./mvnw -B -DskipTests package");
        }
    }

    @Test
    void unknownOptionPrintsUsage() throws Exception {
        try (ChildJvm stack = ChildJvm.start(List.of(), DevStack.class, "--bogus")) {
            assertThat(stack.awaitExit(Duration.ofSeconds(30))).isTrue();
            assertThat(stack.process.exitValue()).isEqualTo(2);
            assertThat(stack.output()).contains("Error: Unknown option: --bogus", "Usage:");
        }
    }
}
