package org.hotline.intake.security;

import static org.hotline.support.security.Role.ADMIN;
import static org.hotline.support.security.Role.DEPARTMENT;
import static org.hotline.support.security.Role.INTEGRATION;
import static org.hotline.support.security.Role.OPERATOR;
import static org.hotline.support.security.Role.SUPERVISOR;
import static org.hotline.support.security.Role.names;

import org.hotline.support.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Who may call which intake endpoint; the README's role table lists the same. */
@Component
class IntakeAccessRules implements AccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests
                // Open311 has its own api_key for POST, and its reads are public by the specification
                .requestMatchers("/open311/**").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/cases").hasAnyRole(names(INTEGRATION, OPERATOR))
                .requestMatchers(HttpMethod.POST, "/api/cases/*/contact-reveals").hasRole(SUPERVISOR.name())
                .requestMatchers(HttpMethod.GET, "/api/cases/*/contact").hasAnyRole(names(OPERATOR, DEPARTMENT))
                .requestMatchers(HttpMethod.GET, "/api/cases", "/api/cases/*")
                .hasAnyRole(names(OPERATOR, INTEGRATION, SUPERVISOR))
                .requestMatchers("/api/admin/**").hasRole(ADMIN.name())
                .requestMatchers(HttpMethod.GET, "/api/taxonomy", "/api/taxonomy/**").authenticated()
                .requestMatchers("/api/**").denyAll();
    }
}
