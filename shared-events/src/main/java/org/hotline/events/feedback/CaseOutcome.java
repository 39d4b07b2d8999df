package org.hotline.events.feedback;

/** How a case ended. */
public enum CaseOutcome {
    /** The caller was satisfied or basically satisfied. */
    SATISFIED,
    /** The caller was not satisfied and the demand cannot be met; a supervisor closed it with the reason explained. */
    EXPLAINED,
    /** The caller could not be reached at callback after the allowed attempts. */
    UNREACHABLE,
    /** Anonymous: no feedback or callback possible. */
    ANONYMOUS
}
