package org.hotline.support.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the settings every Hotline service shares ({@code hotline-defaults.yml}: Kafka and MongoDB addresses from
 * the environment, retries and dead-letter topics, actuator, graceful shutdown) with the lowest precedence, so a
 * service's own {@code application.yml} and the environment override any of them.
 */
public class HotlineDefaults implements EnvironmentPostProcessor {

    static final String NAME = "hotline-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(NAME)) {
            return;
        }
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(NAME,
                    new ClassPathResource(NAME + ".yml"))) {
                environment.getPropertySources().addLast(source);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
