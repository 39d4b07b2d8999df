package org.hotline.devstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens from the dev stack's authorization server, by the client-credentials grant, for the demo's
 * simulated desks. Every demo client's secret is {@code <client>-secret}. Tokens are reused until a minute before
 * they expire.
 */
final class DevTokens {

    private record Token(String value, Instant expiresAt) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final URI tokenEndpoint;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    DevTokens(String authServerUrl) {
        this.tokenEndpoint = URI.create(authServerUrl + "/oauth2/token");
    }

    /** The client id of a department: {@code WATER_BUREAU} → {@code dept-water-bureau}. */
    static String departmentClient(String departmentCode) {
        return "dept-" + departmentCode.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A valid access token of {@code client}. */
    String tokenOf(String client) {
        Token token = tokens.get(client);
        if (token == null || token.expiresAt().isBefore(Instant.now().plusSeconds(60))) {
            token = fetch(client);
            tokens.put(client, token);
        }
        return token.value();
    }

    private Token fetch(String client) {
        String basic = Base64.getEncoder().encodeToString((client + ":" + client + "-secret")
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The authorization server refused a token for " + client + " ("
                        + response.statusCode() + ")");
            }
            JsonNode body = json.readTree(response.body());
            return new Token(body.path("access_token").asString(),
                    Instant.now().plusSeconds(body.path("expires_in").asLong(300)));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while getting a token for " + client, ex);
        }
        catch (java.io.IOException ex) {
            throw new IllegalStateException("The authorization server did not answer: " + ex, ex);
        }
    }
}
