package org.hotline.reporting.security;

import static org.hotline.support.security.Role.ADMIN;
import static org.hotline.support.security.Role.ANALYST;
import static org.hotline.support.security.Role.SUPERVISOR;
import static org.hotline.support.security.Role.names;

import org.hotline.support.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call which reporting endpoint; the README's role table lists the same. The dashboard page and its
 * scripts are public; the figures it shows come from the API with the analyst's token.
 */
@Component
class ReportingAccessRules implements AccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests
                .requestMatchers(HttpMethod.GET, "/", "/index.html", "/*.js", "/*.css", "/*.ico", "/webjars/**",
                        "/dashboard/**").permitAll()
                .requestMatchers("/api/admin/**").hasRole(ADMIN.name())
                .requestMatchers(HttpMethod.GET, "/api/ledger", "/api/ledger/**", "/api/kpis", "/api/reports/**")
                .hasAnyRole(names(ANALYST, SUPERVISOR, ADMIN))
                .requestMatchers("/api/**").denyAll();
    }
}
