package org.hotline.intake.ratelimit;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.Semaphore;

import org.hotline.support.web.ProblemJson;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sheds load instead of drowning in it: at most {@code maxConcurrent} new cases are taken at once (over all
 * clients); one more gets 503 with {@code Retry-After} at once and nothing is stored, so a burst the store cannot
 * absorb leaves the service answering rather than queueing requests until it runs out of memory.
 */
class IntakeCapacity extends OncePerRequestFilter {

    private final Semaphore permits;
    private final int maxConcurrent;

    IntakeCapacity(int maxConcurrent) {
        this.maxConcurrent = maxConcurrent;
        this.permits = new Semaphore(maxConcurrent);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!permits.tryAcquire()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "The front desk is taking " + maxConcurrent + " cases at once already; nothing was stored, "
                            + "retry after 1 s");
            problem.setTitle("Busy");
            problem.setInstance(URI.create(request.getRequestURI()));
            response.setHeader("Retry-After", "1");
            ProblemJson.write(response, problem);
            return;
        }
        try {
            chain.doFilter(request, response);
        }
        finally {
            permits.release();
        }
    }
}
