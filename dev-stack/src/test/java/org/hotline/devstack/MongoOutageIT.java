package org.hotline.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import org.hotline.intake.IntakeServiceApplication;
import org.hotline.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Without its database the front desk is told to retry (503 with a problem and {@code Retry-After}) within seconds,
 * never a 500; once the database is back, cases are taken again without restarting the service.
 */
class MongoOutageIT {

    @TempDir
    Path dir;

    @Test
    void whenMongoIsDownThenCasesAreRefusedWith503AndTakenAgainOnceItIsBack() throws Exception {
        int mongoPort = ChildJvm.freePort();
        Path file = dir.resolve("mongo.mv");
        MongoStandIn mongo = new MongoStandIn(file, mongoPort);
        mongo.start();
        try (KafkaBroker kafka = new KafkaBroker(dir.resolve("kafka"), ChildJvm.freePort(), ChildJvm.freePort())) {
            kafka.start(Duration.ofSeconds(60));
            try (ConfigurableApplicationContext intake = InProcessService.start("intake-service",
                    IntakeServiceApplication.class, kafka.bootstrapServers(), mongoPort)) {
                RestClient http = TestHttp.client(InProcessService.port(intake));
                assertThat(post(http).getStatusCode().value()).isEqualTo(201);

                mongo.close();
                ResponseEntity<String> refused = post(http);
                assertThat(refused.getStatusCode().value()).isEqualTo(503);
                assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("5");
                assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");

                mongo = new MongoStandIn(file, mongoPort);
                mongo.start();
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> post(http).getStatusCode().value() == 201);
            }
        }
        finally {
            mongo.close();
        }
    }

    private static ResponseEntity<String> post(RestClient http) {
        return http.post().uri("/api/cases").contentType(MediaType.APPLICATION_JSON)
                .body(HotlineFlowIT.newCase("WORK", "SAFETY", "NORMAL")).retrieve().toEntity(String.class);
    }
}
