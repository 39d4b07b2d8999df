package org.hotline.intake.ratelimit;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import org.hotline.support.web.ProblemJson;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Limits how fast each client may open cases (Resilience4j rate limiters, one per client): a client over its limit
 * gets 429 with {@code Retry-After} and a problem, and nothing is stored. Reads are not limited. The limiters are
 * kept in a bounded cache: a client idle for longer than the period has its full allowance again anyway, so its
 * limiter is dropped after a while instead of being kept for ever.
 */
class ClientRateLimit extends OncePerRequestFilter {

    static final String CLIENT_HEADER = "X-Client-Id";

    private static final Duration MIN_IDLE = Duration.ofMinutes(1);

    private final LoadingCache<String, RateLimiter> limiters;
    private final RateLimitProperties properties;

    ClientRateLimit(RateLimitProperties properties) {
        this.properties = properties;
        RateLimiterConfig config = RateLimiterConfig.custom()
                .limitForPeriod(properties.requestsPerPeriod())
                .limitRefreshPeriod(properties.period())
                .timeoutDuration(Duration.ZERO)
                .build();
        Duration idle = properties.period().compareTo(MIN_IDLE) > 0 ? properties.period() : MIN_IDLE;
        this.limiters = Caffeine.newBuilder()
                .maximumSize(properties.maxClients())
                .expireAfterAccess(idle)
                .executor(Runnable::run)
                .build(client -> RateLimiter.of(client, config));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimiter limiter = limiters.get("client:" + client(request));
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
        response.setHeader("Retry-After", Long.toString(retryAfter));
        ProblemJson.write(response, problem);
    }

    /** How many clients have a limiter at the moment. */
    long trackedClients() {
        limiters.cleanUp();
        return limiters.estimatedSize();
    }

    private static String client(HttpServletRequest request) {
        String client = request.getHeader(CLIENT_HEADER);
        if (client != null && !client.isBlank() && client.length() <= 64) {
            return client;
        }
        return request.getRemoteAddr();
    }
}
