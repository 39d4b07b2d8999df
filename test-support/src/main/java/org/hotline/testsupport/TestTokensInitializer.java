package org.hotline.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Makes the service under test require bearer tokens and trust those {@link TestTokens} signs. */
public class TestTokensInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of("hotline.security.enabled=true", "hotline.security.issuer=" + TestTokens.ISSUER,
                "hotline.security.public-key=" + TestTokens.publicKey()).applyTo(context);
    }
}
