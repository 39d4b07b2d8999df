package org.hotline.feedback.lifecycle;

/** An action the case's state does not allow; the detail says why, in words an operator understands. */
public class CaseRuleViolation extends RuntimeException {

    /** Why the action was refused. */
    public enum Reason {
        /** The action does not fit the case's current state, e.g. a second result. */
        WRONG_STATE,
        /** A department reports on a case that is not (or no longer) its own, or in a role it does not have. */
        WRONG_DEPARTMENT,
        /** Anonymous callers left no contact: they cannot be told the result or called back. */
        ANONYMOUS_CALLER,
        /** The action needs to know the caller, and the case's opening has not arrived yet. */
        CALLER_UNKNOWN,
        /** A field is missing or does not fit the rest of the request; {@link #field()} names it. */
        MISSING_INPUT
    }

    private final Reason reason;
    private final String field;

    public CaseRuleViolation(Reason reason, String detail) {
        this(reason, null, detail);
    }

    public CaseRuleViolation(Reason reason, String field, String detail) {
        super(field == null ? detail : field + ": " + detail);
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }
}
