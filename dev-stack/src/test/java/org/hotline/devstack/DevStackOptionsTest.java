package org.hotline.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class DevStackOptionsTest {

    @Test
    void defaults() {
        DevStackOptions options = DevStackOptions.defaults();

        assertThat(options.dataDir()).isEqualTo(Path.of("data"));
        assertThat(options.kafkaPort()).isEqualTo(9092);
        assertThat(options.kafkaControllerPort()).isEqualTo(9093);
        assertThat(options.mongoPort()).isEqualTo(27017);
        assertThat(options.servicesDir()).isEqualTo(Path.of("."));
        assertThat(options.demo()).isFalse();
        assertThat(options.startServices()).isTrue();
        assertThat(options.kafkaBootstrap()).isEqualTo("127.0.0.1:9092");
        assertThat(options.mongoUri()).isEqualTo("mongodb://127.0.0.1:27017");
        assertThat(options.mongoFile()).isEqualTo(Path.of("data", "mongo", "hotline.mv"));
        assertThat(options.serviceLogDir()).isEqualTo(Path.of("data", "logs"));
    }

    @Test
    void dataDir() {
        assertThat(DevStackOptions.parse("--data-dir", "/tmp/hotline").dataDir()).isEqualTo(Path.of("/tmp/hotline"));
        assertThat(DevStackOptions.parse("--data-dir=/tmp/x").dataDir()).isEqualTo(Path.of("/tmp/x"));
    }

    @Test
    void demoAndNoServices() {
        DevStackOptions options = DevStackOptions.parse("--demo", "--no-services");

        assertThat(options.demo()).isTrue();
        assertThat(options.startServices()).isFalse();
    }

    @Test
    void kafkaPortAlsoMovesTheControllerPortUnlessGiven() {
        DevStackOptions moved = DevStackOptions.parse("--kafka-port", "19092");
        DevStackOptions explicit = DevStackOptions.parse("--kafka-port", "19092", "--kafka-controller-port", "29093");

        assertThat(moved.kafkaPort()).isEqualTo(19092);
        assertThat(moved.kafkaControllerPort()).isEqualTo(19093);
        assertThat(moved.kafkaBootstrap()).isEqualTo("127.0.0.1:19092");
        assertThat(explicit.kafkaControllerPort()).isEqualTo(29093);
    }

    @Test
    void mongoPort() {
        DevStackOptions options = DevStackOptions.parse("--mongo-port", "27018");

        assertThat(options.mongoPort()).isEqualTo(27018);
        assertThat(options.mongoUri()).isEqualTo("mongodb://127.0.0.1:27018");
    }

    @Test
    void servicesDir() {
        assertThat(DevStackOptions.parse("--services-dir", "../hotline").servicesDir()).isEqualTo(Path.of("../hotline"));
    }

    @Test
    void unknownOptionIsAClearError() {
        assertThatThrownBy(() -> DevStackOptions.parse("--demo", "--kafka"))
                .isInstanceOf(DevStackOptions.InvalidOptionsException.class)
                .hasMessage("Unknown option: --kafka");
        assertThatThrownBy(() -> DevStackOptions.parse("extra"))
                .hasMessage("Unknown option: extra");
    }

    @Test
    void missingOrBadValues() {
        assertThatThrownBy(() -> DevStackOptions.parse("--kafka-port"))
                .isInstanceOf(DevStackOptions.InvalidOptionsException.class)
                .hasMessage("--kafka-port needs a value");
        assertThatThrownBy(() -> DevStackOptions.parse("--data-dir", "--demo"))
                .hasMessage("--data-dir needs a value");
        assertThatThrownBy(() -> DevStackOptions.parse("--mongo-port", "mongo"))
                .hasMessage("--mongo-port must be a port number, got 'mongo'");
        assertThatThrownBy(() -> DevStackOptions.parse("--mongo-port", "70000"))
                .hasMessage("--mongo-port must be between 1 and 65535, got 70000");
        assertThatThrownBy(() -> DevStackOptions.parse("--demo=yes"))
                .hasMessage("--demo takes no value");
        assertThatThrownBy(() -> DevStackOptions.parse("--kafka-port", "9000", "--kafka-controller-port", "9000"))
                .hasMessage("--kafka-controller-port must differ from --kafka-port");
    }

    @Test
    void helpIsRecognised() {
        assertThatThrownBy(() -> DevStackOptions.parse("--help"))
                .isInstanceOf(DevStackOptions.HelpRequestedException.class);
        assertThatThrownBy(() -> DevStackOptions.parse("-h"))
                .isInstanceOf(DevStackOptions.HelpRequestedException.class);
    }

    @Test
    void usageListsEveryOption() {
        assertThat(DevStackOptions.USAGE).contains("--data-dir", "--kafka-port", "--kafka-controller-port",
                "--mongo-port", "--services-dir", "--no-services", "--demo", "--help");
    }
}
