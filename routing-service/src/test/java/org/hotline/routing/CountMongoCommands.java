package org.hotline.routing;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Lets every service test of this module count store round trips ({@link MongoCommands}). An auto-configuration of
 * the test classpath rather than an import, so that all service tests keep sharing one application context.
 */
@AutoConfiguration
public class CountMongoCommands {

    @Bean
    MongoCommands mongoCommands() {
        return new MongoCommands();
    }

    @Bean
    MongoClientSettingsBuilderCustomizer countMongoCommands(MongoCommands commands) {
        return settings -> settings.addCommandListener(commands);
    }
}
