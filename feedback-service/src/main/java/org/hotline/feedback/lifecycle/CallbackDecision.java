package org.hotline.feedback.lifecycle;

import org.hotline.events.feedback.CaseOutcome;

/**
 * What a satisfaction callback does to the case.
 *
 * @param next the case's state afterwards: {@link CaseState#CLOSED} or {@link CaseState#REOPENED}
 * @param outcome how the case ended when it is closed; null when it is reopened
 * @param reopenCount how many times the case has been reopened, this time included
 */
public record CallbackDecision(CaseState next, CaseOutcome outcome, int reopenCount) {

    public boolean reopens() {
        return next == CaseState.REOPENED;
    }
}
