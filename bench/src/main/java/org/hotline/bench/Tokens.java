package org.hotline.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.databind.json.JsonMapper;

/** A front-desk token from the dev stack's authorization server (client credentials; secret {@code <client>-secret}). */
final class Tokens {

    private Tokens() {
    }

    static String clientCredentials(HttpClient http, String authUrl, String client) throws Exception {
        String basic = Base64.getEncoder().encodeToString((client + ":" + client + "-secret")
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(authUrl + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No token for " + client + " from " + authUrl + ": " + response.statusCode());
        }
        return JsonMapper.builder().build().readTree(response.body()).path("access_token").asString();
    }
}
