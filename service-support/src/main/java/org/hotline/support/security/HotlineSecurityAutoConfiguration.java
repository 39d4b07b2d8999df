package org.hotline.support.security;

import java.time.Duration;

import java.security.interfaces.RSAPublicKey;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.StringUtils;

/**
 * Every Hotline API needs a bearer JWT from the configured OpenID Connect issuer, except health, Prometheus and the
 * API documents. Each service adds its own {@link AccessRules}; 401 and 403 are problem details.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
public class HotlineSecurityAutoConfiguration {

    /** Open to anyone: probes, metrics scraping and the API documents. */
    static final String[] PUBLIC = { "/actuator/health", "/actuator/health/**", "/actuator/info",
            "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
            "/asyncapi.json", "/error" };

    @Bean
    SecurityFilterChain hotlineSecurity(HttpSecurity http, SecurityProperties properties,
            ObjectProvider<AccessRules> rules, ObjectProvider<JwtDecoder> decoder) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable);
        if (!properties.enabled()) {
            http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
            return http.build();
        }
        ProblemResponses problems = new ProblemResponses();
        http.authorizeHttpRequests(requests -> {
            requests.requestMatchers(PUBLIC).permitAll();
            requests.requestMatchers(HttpMethod.GET, "/api/audit", "/api/audit/**").hasRole(Role.ADMIN.name());
            rules.orderedStream().forEach(rule -> rule.apply(requests));
            requests.anyRequest().authenticated();
        });
        http.oauth2ResourceServer(server -> server
                .jwt(jwt -> jwt.decoder(decoder.getObject()).jwtAuthenticationConverter(
                        new HotlineJwtConverter(properties)))
                .authenticationEntryPoint(problems)
                .accessDeniedHandler(problems));
        http.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems)
                .accessDeniedHandler(problems));
        return http.build();
    }

    /**
     * Checks signatures with a fixed public key if one is configured, else with the issuer's keys (its JWK set,
     * found lazily from its OpenID metadata so the service starts even while the issuer is away), and always checks
     * the issuer and the expiry.
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "hotline.security.enabled", havingValue = "true")
    JwtDecoder hotlineJwtDecoder(SecurityProperties properties) {
        String issuer = properties.issuer();
        if (StringUtils.hasText(properties.publicKey())) {
            return validated(NimbusJwtDecoder.withPublicKey((RSAPublicKey) PemKeys.publicKey(properties.publicKey()))
                    .build(), issuer);
        }
        if (StringUtils.hasText(properties.jwkSetUri())) {
            return validated(NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build(), issuer);
        }
        if (!StringUtils.hasText(issuer)) {
            throw new IllegalStateException("hotline.security.issuer (HOTLINE_OIDC_ISSUER) is required when "
                    + "hotline.security.enabled is true");
        }
        return remembering(new SupplierJwtDecoder(() -> JwtDecoders.fromIssuerLocation(issuer)));
    }

    private static JwtDecoder validated(NimbusJwtDecoder decoder, String issuer) {
        decoder.setJwtValidator(StringUtils.hasText(issuer) ? JwtValidators.createDefaultWithIssuer(issuer)
                : JwtValidators.createDefault());
        return remembering(decoder);
    }

    /** Checks each distinct token once while it is valid (bounded, at most five minutes). */
    private static JwtDecoder remembering(JwtDecoder decoder) {
        return new CachingJwtDecoder(decoder, 10_000, Duration.ofMinutes(5));
    }

    @Bean
    AuditTrail auditTrail(MongoTemplate mongo, java.time.Clock clock) {
        return new AuditTrail(mongo, clock);
    }

    @Bean
    AuditController auditController(AuditTrail auditTrail) {
        return new AuditController(auditTrail);
    }
}
