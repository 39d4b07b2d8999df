package org.hotline.intake.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ClientRateLimitTests {

    final ClientRateLimit limit = new ClientRateLimit(new RateLimitProperties(3, Duration.ofMinutes(1), 50));

    MockHttpServletResponse post(String client) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/cases");
        request.addHeader(ClientRateLimit.CLIENT_HEADER, client);
        MockHttpServletResponse response = new MockHttpServletResponse();
        limit.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void whenAClientExceedsItsLimitThenItGets429WithRetryAfter() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(post("desk-7").getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = post("desk-7");

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"status\":429").contains("\"type\":\"about:blank\"")
                .doesNotContain("null");
    }

    @Test
    void whenOneClientIsLimitedThenOthersAreNot() throws Exception {
        for (int i = 0; i < 4; i++) {
            post("desk-7");
        }
        assertThat(post("desk-8").getStatus()).isEqualTo(200);
    }

    @Test
    void whenAClientReadsThenItIsNotCounted() throws Exception {
        for (int i = 0; i < 10; i++) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/cases/x");
            request.addHeader(ClientRateLimit.CLIENT_HEADER, "desk-9");
            limit.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
        }
        assertThat(post("desk-9").getStatus()).isEqualTo(200);
    }

    @Test
    void whenManyClientsCallThenOnlyTheMostRecentAreTracked() throws Exception {
        for (int i = 0; i < 500; i++) {
            post("kiosk-" + i);
        }
        assertThat(limit.trackedClients()).isLessThanOrEqualTo(50);
        for (int i = 0; i < 3; i++) {
            post("desk-7");
        }
        assertThat(post("desk-7").getStatus()).as("a tracked client keeps its count").isEqualTo(429);
    }
}
