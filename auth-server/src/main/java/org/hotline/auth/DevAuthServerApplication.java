package org.hotline.auth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The dev stack's OAuth2 authorization server (Spring Authorization Server): issues client-credentials tokens to
 * the demo clients, with their roles and department as claims. For development and demonstrations only: its client
 * secrets follow a published pattern, and production points the services at a real OpenID Connect issuer.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DevAuthServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(DevAuthServerApplication.class, args);
    }
}
