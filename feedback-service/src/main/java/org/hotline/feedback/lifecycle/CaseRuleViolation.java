package org.hotline.feedback.lifecycle;

/** An action the case's state does not allow; the detail says why, in words an operator understands. */
public class CaseRuleViolation extends RuntimeException {

    /** Why the action was refused. */
    public enum Reason {
        /** The action does not fit the case's current state, e.g. a second result. */
        WRONG_STATE,
        /** A department reports on a case that is not (or no longer) its own. */
        WRONG_DEPARTMENT,
        /** Anonymous callers left no contact: they cannot be called back. */
        ANONYMOUS_CALLER,
        /** The action needs to know the caller, and the case's opening has not arrived yet. */
        CALLER_UNKNOWN,
        /** The request leaves out something this case needs, e.g. a channel when the caller has no preference. */
        MISSING_INPUT
    }

    private final Reason reason;

    public CaseRuleViolation(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
