package org.hotline.support.messaging;

import java.time.Duration;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

/**
 * How a consumer retries an event it failed to handle.
 * <p>
 * A record that cannot be read is not retried: it goes to the dead-letter topic at once. Any other failure is tried
 * again a few times with back-off (the policy given), then the record goes to the dead-letter topic, so a record that
 * keeps failing never blocks its partition. Except when the failure says the store is out of reach (a timeout, a
 * refused connection): then the event is fine and the service is not, and dead-lettering would lose a good event. It
 * is tried again every {@code outagePause}, as long as the store stays away; the partition waits, which is what it
 * should do while its consumer cannot write anything.
 */
public final class EventRetry extends RetryTemplate {

    private static final Logger log = LoggerFactory.getLogger(EventRetry.class);

    private static final Set<Class<? extends Throwable>> STORE_AWAY = Set.of(DataAccessResourceFailureException.class,
            TransientDataAccessException.class, MongoTimeoutException.class, MongoSocketException.class);

    private final Duration outagePause;

    public EventRetry(RetryPolicy policy, Duration outagePause) {
        super(policy);
        this.outagePause = outagePause;
    }

    @Override
    public <R> R execute(Retryable<R> retryable) throws RetryException {
        while (true) {
            try {
                return super.execute(retryable);
            }
            catch (RetryException exhausted) {
                if (!storeAway(exhausted.getLastException())) {
                    throw exhausted;
                }
                log.warn("Store out of reach while handling an event ({}); trying it again in {}",
                        exhausted.getLastException().getClass().getSimpleName(), outagePause);
                try {
                    Thread.sleep(outagePause.toMillis());
                }
                catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    throw exhausted;
                }
            }
        }
    }

    /** Whether a failure, or any of its causes, says the store could not be reached. */
    static boolean storeAway(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            for (Class<? extends Throwable> away : STORE_AWAY) {
                if (away.isInstance(cause)) {
                    return true;
                }
            }
        }
        return false;
    }
}
