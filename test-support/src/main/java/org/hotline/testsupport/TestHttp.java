package org.hotline.testsupport;

import org.springframework.web.client.RestClient;

/** An HTTP client for tests that hands every response back, errors included, for the test to assert on. */
public final class TestHttp {

    private TestHttp() {
    }

    public static RestClient client(String baseUrl) {
        return RestClient.builder().baseUrl(baseUrl).defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    public static RestClient client(int port) {
        return client("http://localhost:" + port);
    }
}
