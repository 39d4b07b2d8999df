package org.hotline.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The same service test against the real {@code apache/kafka} and {@code mongo:8.0} images through Testcontainers.
 * Skipped where no Docker engine runs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "hotline.outbox.sweep-interval=200ms")
@ContextConfiguration(initializers = { RealImagesInitializer.class, TestTokensInitializer.class })
public @interface RealImagesTest {
}
