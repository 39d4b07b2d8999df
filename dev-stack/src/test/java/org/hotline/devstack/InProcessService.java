package org.hotline.devstack;

import org.hotline.testsupport.TestTokens;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs a Hotline service inside the test JVM, with its own configuration file, a random HTTP port, the given Kafka
 * broker and its own database on the given MongoDB stand-in.
 */
final class InProcessService {

    private InProcessService() {
    }

    static ConfigurableApplicationContext start(String service, Class<?> application, String kafka, int mongoPort) {
        // command-line arguments outrank every configuration file, as they would for `java -jar`
        return new SpringApplicationBuilder(application).run(
                "--spring.config.location=file:../" + service + "/src/main/resources/application.yml",
                "--server.port=0",
                "--spring.cloud.stream.kafka.binder.brokers=" + kafka,
                "--spring.mongodb.uri=mongodb://127.0.0.1:" + mongoPort + "/" + service,
                "--hotline.outbox.sweep-interval=200ms",
                "--hotline.security.enabled=true",
                "--hotline.security.issuer=" + TestTokens.ISSUER,
                "--hotline.security.public-key=" + TestTokens.publicKey());
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
