package org.hotline.auth;

import java.time.Duration;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

/** Registers the demo clients and puts their roles and department into their access tokens. */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    /**
     * The OAuth2 and OpenID Connect endpoints (token, JWK set, metadata), and health for the dev stack's readiness
     * probe. There is no login page: only clients use this server.
     */
    @Bean
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> server.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .anyRequest().authenticated());
        return http.build();
    }

    @Bean
    RegisteredClientRepository registeredClients(DemoClients demoClients) {
        return new InMemoryRegisteredClientRepository(demoClients.all().stream()
                .map(client -> RegisteredClient.withId(UUID.nameUUIDFromBytes(client.clientId().getBytes()).toString())
                        .clientId(client.clientId())
                        .clientSecret("{noop}" + client.secret())
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .scope("hotline")
                        .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(TOKEN_LIFETIME).build())
                        .build())
                .toList());
    }

    /** Access tokens carry {@code roles} (e.g. {@code ["OPERATOR"]}) and, for departments, {@code department}. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> hotlineClaims(DemoClients demoClients) {
        return context -> {
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            String clientId = context.getRegisteredClient().getClientId();
            demoClients.all().stream().filter(c -> c.clientId().equals(clientId)).findFirst().ifPresent(client -> {
                context.getClaims().claim("roles", client.roles());
                if (client.department() != null) {
                    context.getClaims().claim("department", client.department());
                }
            });
        };
    }
}
