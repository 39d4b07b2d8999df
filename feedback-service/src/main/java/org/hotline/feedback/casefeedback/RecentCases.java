package org.hotline.feedback.casefeedback;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The cases this instance's event handling saved last, as it saved them, so that the next event of a case (its
 * assignment soon after its opening) need not read the case back from the store. At most
 * {@code hotline.feedback.recent-cases} are kept, the least recently saved dropped first; 0 keeps none.
 * <p>
 * A copy is handed out once: the event that takes it owns it, and only its successful save puts the case back, so no
 * two threads ever change the same copy. A copy can be stale (another instance, a request or the dispatcher changed the
 * case since): its save then fails on the document's version, and the change is retried on a copy read from the
 * store. Cases with events still in their outbox are not kept, because the outbox relay changes their version when
 * it publishes. Thread-safe.
 */
@Component
class RecentCases {

    private final int capacity;
    private final Map<String, FeedbackCase> cases;

    RecentCases(FeedbackProperties properties) {
        this.capacity = properties.recentCases();
        this.cases = new LinkedHashMap<>() {

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, FeedbackCase> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Takes the saved copy of the case, if one is kept: the caller owns it now. */
    synchronized Optional<FeedbackCase> take(String caseId) {
        return Optional.ofNullable(cases.remove(caseId));
    }

    /** Keeps the copy as the case's current state, unless its outbox still waits for the relay. */
    synchronized void remember(FeedbackCase feedbackCase) {
        if (capacity > 0 && feedbackCase.getOutbox().isEmpty()) {
            cases.remove(feedbackCase.getId());
            cases.put(feedbackCase.getId(), feedbackCase);
        }
        else {
            cases.remove(feedbackCase.getId());
        }
    }

    /** Drops the kept copy of a case that was changed otherwise. */
    synchronized void forget(String caseId) {
        cases.remove(caseId);
    }
}
