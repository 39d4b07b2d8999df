package org.hotline.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class ProblemHandlerTests {

    final ProblemHandler handler = new ProblemHandler();

    @Test
    void whenTheDatabaseIsUnreachableThenTheAnswerIs503WithRetryAfter() {
        ResponseEntity<ProblemDetail> answer = handler.storeUnavailable(
                new DataAccessResourceFailureException("Timed out while waiting for a server"));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(answer.getBody().getDetail()).doesNotContain("Timed out");
    }

    @Test
    void whenTwoChangesMeetThenTheAnswerIs409() {
        assertThat(handler.concurrentChange(new OptimisticLockingFailureException("v3 != v4")).getStatus())
                .isEqualTo(409);
    }
}
