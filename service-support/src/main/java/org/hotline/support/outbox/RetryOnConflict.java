package org.hotline.support.outbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.resilience.annotation.Retryable;

/**
 * Runs a load-change-save of an {@link AggregateRoot} again when the document changed meanwhile (another event of
 * the same case, another instance, the outbox relay) or was created meanwhile by another writer (two events of a
 * new case at once): up to four more times, a few milliseconds apart. The method must load the document itself, so
 * that each attempt starts from a fresh copy.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Retryable(includes = { OptimisticLockingFailureException.class, DuplicateKeyException.class }, maxRetries = 4,
        delay = 20, jitter = 10)
public @interface RetryOnConflict {
}
