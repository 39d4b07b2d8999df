package org.hotline.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.hotline.events.CloudEventHeaders;
import org.hotline.events.EventType;
import org.hotline.intake.IntakeServiceApplication;
import org.hotline.testsupport.KafkaProbe;
import org.hotline.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.json.JsonMapper;

/**
 * A case taken while Kafka is down is not lost: the front desk gets its 201, the case waits in its document's
 * outbox, and its CaseOpened reaches Kafka once the broker is back, as one case (any repeated record carries the
 * same event id, which consumers deduplicate).
 */
class KafkaOutageIT {

    @TempDir
    Path dir;

    @Test
    void whenKafkaIsDownThenTheCaseIsTakenAndPublishedOnceKafkaIsBack() throws Exception {
        int kafkaPort = ChildJvm.freePort();
        int controllerPort = ChildJvm.freePort();
        int mongoPort = ChildJvm.freePort();
        try (MongoStandIn mongo = new MongoStandIn(dir.resolve("mongo.mv"), mongoPort)) {
            mongo.start();
            KafkaBroker kafka = new KafkaBroker(dir.resolve("kafka"), kafkaPort, controllerPort);
            kafka.start(Duration.ofSeconds(60));
            String brokers = kafka.bootstrapServers();
            try (ConfigurableApplicationContext intake = InProcessService.start("intake-service",
                    IntakeServiceApplication.class, brokers, mongoPort)) {
                kafka.close();

                ResponseEntity<String> response = TestHttp.client(InProcessService.port(intake)).post()
                        .uri("/api/cases").contentType(MediaType.APPLICATION_JSON).body(HotlineFlowIT.newCase(
                                "LIVING", "UTILITIES", "NORMAL"))
                        .retrieve().toEntity(String.class);
                assertThat(response.getStatusCode().value()).isEqualTo(201);
                String caseId = JsonMapper.builder().build().readTree(response.getBody()).path("caseId").asString();

                kafka = new KafkaBroker(dir.resolve("kafka"), kafkaPort, controllerPort);
                kafka.start(Duration.ofSeconds(60));
                try (KafkaProbe probe = new KafkaProbe(brokers, List.of(EventType.CASE_OPENED.topic()))) {
                    probe.await(record -> caseId.equals(record.key()));
                    Set<String> eventIds = probe.seen().stream().filter(record -> caseId.equals(record.key()))
                            .map(record -> KafkaProbe.header(record, CloudEventHeaders.ID))
                            .collect(Collectors.toSet());
                    assertThat(eventIds).hasSize(1);
                }
                assertThat(intake.getBean(MongoTemplate.class).getCollection("cases").countDocuments())
                        .isEqualTo(1);
            }
            finally {
                kafka.close();
            }
        }
    }

}
