package org.hotline.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;

/**
 * A service test against a real Kafka broker (spring-kafka-test's embedded KRaft broker, six partitions per topic)
 * and an in-process MongoDB stand-in, with the service on a random port, requiring bearer tokens signed by
 * {@link TestTokens}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
                "hotline.outbox.sweep-interval=200ms" })
@EmbeddedKafka(partitions = 6)
@ContextConfiguration(initializers = { MongoStandInInitializer.class, TestTokensInitializer.class })
public @interface HotlineServiceTest {
}
