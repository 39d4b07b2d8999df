package org.hotline.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.resilience.annotation.EnableResilientMethods;

class RetryOnConflictTests {

    static class CaseChanger {

        final AtomicInteger attempts = new AtomicInteger();

        @RetryOnConflict
        void change(int conflicts) {
            if (attempts.incrementAndGet() <= conflicts) {
                throw new OptimisticLockingFailureException("changed meanwhile");
            }
        }

        int attempts() {
            return attempts.get();
        }

        @RetryOnConflict
        void fail() {
            attempts.incrementAndGet();
            throw new IllegalStateException("not a conflict");
        }
    }

    @Configuration
    @EnableResilientMethods
    static class Config {

        @Bean
        CaseChanger changer() {
            return new CaseChanger();
        }
    }

    @Test
    void whenTheDocumentChangedMeanwhileThenTheChangeIsAppliedAgain() {
        try (var context = new AnnotationConfigApplicationContext(Config.class)) {
            CaseChanger changer = context.getBean(CaseChanger.class);
            changer.change(2);
            assertThat(changer.attempts()).isEqualTo(3);
        }
    }

    @Test
    void whenConflictsPersistThenTheLastOneIsThrownAfterFiveAttempts() {
        try (var context = new AnnotationConfigApplicationContext(Config.class)) {
            CaseChanger changer = context.getBean(CaseChanger.class);
            assertThatThrownBy(() -> changer.change(100)).isInstanceOf(OptimisticLockingFailureException.class);
            assertThat(changer.attempts()).isEqualTo(5);
        }
    }

    @Test
    void whenTheFailureIsNotAConflictThenItIsNotRetried() {
        try (var context = new AnnotationConfigApplicationContext(Config.class)) {
            CaseChanger changer = context.getBean(CaseChanger.class);
            assertThatThrownBy(changer::fail).isInstanceOf(IllegalStateException.class);
            assertThat(changer.attempts()).isEqualTo(1);
        }
    }
}
