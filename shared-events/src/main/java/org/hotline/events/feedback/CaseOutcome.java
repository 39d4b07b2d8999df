package org.hotline.events.feedback;

/** How a case ended. */
public enum CaseOutcome {
    /** The caller was satisfied or basically satisfied. */
    SATISFIED,
    /** The caller was not satisfied and the demand cannot be met; the reason was explained. */
    EXPLAINED,
    /** The caller could not be reached, or reported anonymously. */
    NOT_REACHED
}
