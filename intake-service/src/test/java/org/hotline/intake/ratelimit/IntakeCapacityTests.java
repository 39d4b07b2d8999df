package org.hotline.intake.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class IntakeCapacityTests {

    final IntakeCapacity capacity = new IntakeCapacity(2);

    MockHttpServletResponse post(CountDownLatch working, CountDownLatch release) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        capacity.doFilter(new MockHttpServletRequest("POST", "/api/cases"), response, (request, ignored) -> {
            working.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        });
        return response;
    }

    @Test
    void whenMoreCasesArriveAtOnceThanTheDeskTakesThenTheRestGet503AtOnceAndLaterOnesPassAgain() throws Exception {
        CountDownLatch working = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<MockHttpServletResponse> first = pool.submit(() -> post(working, release));
            Future<MockHttpServletResponse> second = pool.submit(() -> post(working, release));
            assertThat(working.await(10, TimeUnit.SECONDS)).isTrue();

            MockHttpServletResponse refused = post(new CountDownLatch(1), new CountDownLatch(0));

            assertThat(refused.getStatus()).isEqualTo(503);
            assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
            assertThat(refused.getContentType()).isEqualTo("application/problem+json");
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
            assertThat(second.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
            assertThat(post(new CountDownLatch(1), new CountDownLatch(0)).getStatus()).isEqualTo(200);
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whenCasesAreReadThenTheyAreNeverRefused() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new IntakeCapacity(0).doFilter(new MockHttpServletRequest("GET", "/api/cases/x"), response,
                (request, ignored) -> { });
        assertThat(response.getStatus()).isEqualTo(200);
    }
}
