package org.hotline.testsupport;

import org.springframework.web.client.RestClient;

/** An HTTP client for tests that hands every response back, errors included, for the test to assert on. */
public final class TestHttp {

    private TestHttp() {
    }

    /** A client that sends a token with every role ({@link TestTokens#allRoles()}). */
    public static RestClient client(String baseUrl) {
        return client(baseUrl, TestTokens.allRoles());
    }

    /** A client that sends {@code bearerToken}, or no Authorization header if it is null. */
    public static RestClient client(String baseUrl, String bearerToken) {
        RestClient.Builder builder = RestClient.builder().baseUrl(baseUrl)
                .defaultStatusHandler(status -> true, (request, response) -> { });
        if (bearerToken != null) {
            builder.defaultHeader("Authorization", "Bearer " + bearerToken);
        }
        return builder.build();
    }

    public static RestClient client(int port, String bearerToken) {
        return client("http://localhost:" + port, bearerToken);
    }

    public static RestClient client(int port) {
        return client("http://localhost:" + port);
    }

    /** Sends the request and gives only the status code back. */
    public static int status(RestClient.RequestHeadersSpec<?> request) {
        return request.retrieve().toBodilessEntity().getStatusCode().value();
    }
}
