package org.hotline.escalation.security;

import static org.hotline.support.security.Role.ANALYST;
import static org.hotline.support.security.Role.DEPARTMENT;
import static org.hotline.support.security.Role.SUPERVISOR;
import static org.hotline.support.security.Role.names;

import org.hotline.support.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Who may call which escalation endpoint; the README's role table lists the same. */
@Component
class EscalationAccessRules implements AccessRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests
                .requestMatchers(HttpMethod.POST, "/api/escalations/cases/*/after-action-review")
                .hasAnyRole(names(DEPARTMENT, SUPERVISOR))
                .requestMatchers(HttpMethod.POST, "/api/escalations/*/acknowledge").hasRole(SUPERVISOR.name())
                .requestMatchers(HttpMethod.GET, "/api/escalations", "/api/escalations/**")
                .hasAnyRole(names(SUPERVISOR, ANALYST))
                .requestMatchers("/api/**").denyAll();
    }
}
