package org.hotline.feedback.security;

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
 * Who may call which feedback endpoint; the README's role table lists the same. Departments post results only for
 * cases assigned to them.
 */
@Component
class FeedbackAccessRules implements AccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests
                .requestMatchers(HttpMethod.POST, "/api/cases/*/resolution/approve", "/api/cases/*/resolution/return",
                        "/api/cases/*/close").hasRole(SUPERVISOR.name())
                .requestMatchers(HttpMethod.POST, "/api/results", "/api/cases/*/resolution",
                        "/api/cases/*/contributions").hasAnyRole(names(DEPARTMENT, SUPERVISOR))
                .requestMatchers(HttpMethod.POST, "/api/feedback", "/api/cases/*/feedback", "/api/callbacks",
                        "/api/cases/*/callback").hasAnyRole(names(OPERATOR, SUPERVISOR))
                .requestMatchers(HttpMethod.GET, "/api/feedback/worklist", "/api/callbacks/due",
                        "/api/cases/*/feedback/attempts").hasAnyRole(names(OPERATOR, SUPERVISOR))
                .requestMatchers(HttpMethod.GET, "/api/cases/*").hasAnyRole(names(OPERATOR, SUPERVISOR, DEPARTMENT))
                .requestMatchers("/api/**").denyAll();
    }
}
