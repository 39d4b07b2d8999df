package org.hotline.feedback.casefeedback;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The cases this instance made due for feedback through the gateways since the dispatcher's last run, oldest hint
 * first: the dispatcher takes them up by id, so its runs need not read every case. A hint is only a candidate; the
 * claim checks the case. Thread-safe.
 */
@Component
class DeliveryHints {

    private final Set<String> caseIds = new LinkedHashSet<>();

    synchronized void hint(String caseId) {
        caseIds.add(caseId);
    }

    /** The cases hinted since the last call, oldest hint first. */
    synchronized List<String> take() {
        List<String> taken = List.copyOf(caseIds);
        caseIds.clear();
        return taken;
    }
}
