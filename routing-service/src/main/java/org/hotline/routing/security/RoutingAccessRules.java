package org.hotline.routing.security;

import static org.hotline.support.security.Role.ADMIN;
import static org.hotline.support.security.Role.DEPARTMENT;
import static org.hotline.support.security.Role.OPERATOR;
import static org.hotline.support.security.Role.SUPERVISOR;
import static org.hotline.support.security.Role.names;

import org.hotline.support.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call which routing endpoint; the README's role table lists the same. Department staff reach only their
 * own department's assignments: the controllers answer 404 for another department's.
 */
@Component
class RoutingAccessRules implements AccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests
                .requestMatchers(HttpMethod.POST, "/api/assignments/*/extension/decision",
                        "/api/assignments/*/transfer").hasRole(SUPERVISOR.name())
                .requestMatchers(HttpMethod.POST, "/api/assignments/*/*").hasAnyRole(names(DEPARTMENT, SUPERVISOR))
                .requestMatchers(HttpMethod.GET, "/api/assignments", "/api/assignments/*",
                        "/api/departments/*/assignments").hasAnyRole(names(DEPARTMENT, SUPERVISOR, OPERATOR))
                .requestMatchers(HttpMethod.GET, "/api/departments/*/webhook-deliveries")
                .hasAnyRole(names(DEPARTMENT, ADMIN))
                .requestMatchers("/api/supervisor/**").hasRole(SUPERVISOR.name())
                .requestMatchers("/api/dispatch/**").hasAnyRole(names(OPERATOR, SUPERVISOR))
                .requestMatchers(HttpMethod.GET, "/api/rules", "/api/rules/**", "/api/calendar", "/api/calendar/**",
                        "/api/deadline-policy", "/api/departments", "/api/departments/*").authenticated()
                .requestMatchers("/api/rules", "/api/rules/**", "/api/calendar", "/api/calendar/**",
                        "/api/departments/**", "/api/deadline-policy").hasRole(ADMIN.name())
                .requestMatchers("/api/**").denyAll();
    }
}
