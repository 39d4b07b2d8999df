package org.hotline.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/** Points a test application context at real Kafka and MongoDB images, started once per test JVM. */
public class RealImagesInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    static final String MONGO_IMAGE = "mongo:8.0";

    private static KafkaContainer kafka;
    private static MongoDBContainer mongo;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        start();
        String database = context.getEnvironment().getProperty("spring.application.name", "test");
        TestPropertyValues.of("spring.cloud.stream.kafka.binder.brokers=" + kafka.getBootstrapServers(),
                "spring.mongodb.uri=" + mongo.getReplicaSetUrl(database)).applyTo(context);
    }

    /** The bootstrap servers of the Kafka image. */
    public static synchronized String kafkaBootstrapServers() {
        start();
        return kafka.getBootstrapServers();
    }

    private static synchronized void start() {
        if (kafka == null) {
            kafka = new KafkaContainer(KAFKA_IMAGE);
            mongo = new MongoDBContainer(MONGO_IMAGE);
            kafka.start();
            mongo.start();
        }
    }
}
