package org.hotline.support.security;

/** What a caller of the Hotline APIs may do; tokens carry these names in their roles claim. */
public enum Role {
    /** Hotline operators: intake, callbacks, the caller's contact. */
    OPERATOR,
    /** A department's staff: its own department's assignments and results only. */
    DEPARTMENT,
    /** Supervision: escalations, reviews, extensions, transfers, contact reveals. */
    SUPERVISOR,
    /** Reports and the ledger, never caller data. */
    ANALYST,
    /** Taxonomy, rules, calendars, departments, clients, the audit log. */
    ADMIN,
    /** Front-desk systems that post cases. */
    INTEGRATION;

    /** The Spring Security authority of the role, e.g. {@code ROLE_OPERATOR}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Role names for {@code hasAnyRole}. */
    public static String[] names(Role... roles) {
        return java.util.Arrays.stream(roles).map(Role::name).toArray(String[]::new);
    }
}
