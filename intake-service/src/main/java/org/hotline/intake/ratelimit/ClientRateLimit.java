package org.hotline.intake.ratelimit;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Limits how fast each client may open cases (Resilience4j rate limiters, one per client): a client over its limit
 * gets 429 with {@code Retry-After} and a problem, and nothing is stored. Reads are not limited.
 */
class ClientRateLimit extends OncePerRequestFilter {

    static final String CLIENT_HEADER = "X-Client-Id";

    private final RateLimiterRegistry limiters;
    private final RateLimitProperties properties;
    private final JsonMapper json = JsonMapper.builder().build();

    ClientRateLimit(RateLimitProperties properties) {
        this.properties = properties;
        this.limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(properties.requestsPerPeriod())
                .limitRefreshPeriod(properties.period())
                .timeoutDuration(Duration.ZERO)
                .build());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimiter limiter = limiters.rateLimiter("client:" + client(request));
        if (limiter.acquirePermission()) {
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = Math.max(1, (properties.period().toMillis() + 999) / 1000);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "More than " + properties.requestsPerPeriod() + " requests per " + properties.period()
                        + " from this client; nothing was stored, retry after " + retryAfter + " s");
        problem.setTitle("Too many requests");
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(retryAfter));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    private static String client(HttpServletRequest request) {
        String client = request.getHeader(CLIENT_HEADER);
        if (client != null && !client.isBlank() && client.length() <= 64) {
            return client;
        }
        return request.getRemoteAddr();
    }
}
