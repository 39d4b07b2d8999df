package org.hotline.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Probes every endpoint a service maps (its controllers' request mappings, found in the running application) with a
 * given token, so a test covers endpoints added later without listing them.
 */
public final class EndpointSecurity {

    /** Paths every service leaves open: probes, metrics, API documents, the error page. */
    public static final List<String> ALWAYS_PUBLIC = List.of("/actuator", "/v3/api-docs", "/swagger-ui", "/error");

    private EndpointSecurity() {
    }

    /** One mapped endpoint, its path variables filled in. */
    public record Endpoint(HttpMethod method, String path) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Every endpoint the application maps, except those under {@link #ALWAYS_PUBLIC} and {@code alsoPublic}. */
    public static List<Endpoint> endpoints(ApplicationContext context, String... alsoPublic) {
        List<String> open = new ArrayList<>(ALWAYS_PUBLIC);
        open.addAll(List.of(alsoPublic));
        List<Endpoint> endpoints = new ArrayList<>();
        context.getBeansOfType(RequestMappingHandlerMapping.class).values().forEach(mapping -> mapping
                .getHandlerMethods().keySet().forEach(info -> {
                    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                    for (String pattern : patterns(info)) {
                        if (open.stream().anyMatch(pattern::startsWith)) {
                            continue;
                        }
                        String path = pattern.replaceAll("\\{[^}]+}", "probe");
                        if (methods.isEmpty()) {
                            endpoints.add(new Endpoint(HttpMethod.GET, path));
                        }
                        methods.forEach(method -> endpoints.add(new Endpoint(HttpMethod.valueOf(method.name()),
                                path)));
                    }
                }));
        return endpoints;
    }

    /**
     * The endpoints left after removing those of {@code method} whose path is one of {@code paths} (path variables
     * filled in as {@code probe}); a path ending in {@code *} stands for every path it starts.
     */
    public static List<Endpoint> except(List<Endpoint> endpoints, HttpMethod method, String... paths) {
        return endpoints.stream().filter(e -> e.method() != method || List.of(paths).stream()
                .noneMatch(p -> p.endsWith("*") ? e.path().startsWith(p.substring(0, p.length() - 1))
                        : e.path().equals(p))).toList();
    }

    /** The endpoints that did not answer {@code expectedStatus} to a request carrying {@code bearerToken}. */
    public static List<String> answeringOtherThan(int expectedStatus, List<Endpoint> endpoints, int port,
            String bearerToken) {
        RestClient http = TestHttp.client(port, bearerToken);
        List<String> others = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            RestClient.RequestBodySpec request = http.method(endpoint.method()).uri(endpoint.path());
            if (endpoint.method() == HttpMethod.POST || endpoint.method() == HttpMethod.PUT
                    || endpoint.method() == HttpMethod.PATCH) {
                request.header("Content-Type", "application/json").body("{}");
            }
            int status = request.retrieve().toBodilessEntity().getStatusCode().value();
            if (status != expectedStatus) {
                others.add(endpoint + " → " + status);
            }
        }
        return others;
    }

    /**
     * Asserts what every service promises: each of its endpoints (but the public ones) answers 401 without a token,
     * with an expired one and with a badly signed one, and 403 to a valid token without any Hotline role, except
     * the GET endpoints every role may use ({@code anyRoleGets}, as for {@link #except}).
     *
     * @param publicPaths path prefixes open to anyone besides {@link #ALWAYS_PUBLIC}
     */
    public static void assertTokensAndRolesAreRequired(ApplicationContext context, int port, List<String> publicPaths,
            String... anyRoleGets) {
        List<Endpoint> endpoints = endpoints(context, publicPaths.toArray(String[]::new));
        String[] allRoles = TestTokens.ALL_ROLES.toArray(String[]::new);
        assertThat(endpoints).as("the endpoints found").isNotEmpty();
        assertThat(answeringOtherThan(401, endpoints, port, null)).as("without a token").isEmpty();
        assertThat(answeringOtherThan(401, endpoints, port, TestTokens.expired(allRoles))).as("expired token")
                .isEmpty();
        assertThat(answeringOtherThan(401, endpoints, port, TestTokens.badlySigned(allRoles)))
                .as("badly signed token").isEmpty();
        assertThat(answeringOtherThan(403, except(endpoints, HttpMethod.GET, anyRoleGets), port,
                TestTokens.token("no-role-client", null))).as("a token without a Hotline role").isEmpty();
    }

    private static Set<String> patterns(RequestMappingInfo info) {
        return info.getPatternValues();
    }
}
