package org.hotline.feedback.lifecycle;

import static org.hotline.feedback.lifecycle.CaseRuleViolation.Reason.MISSING_INPUT;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

import org.hotline.events.feedback.ResolutionOutcome;

/**
 * A department's result as it reports it: what the handling achieved, what was done, the measures taken, and for the
 * outcomes that need them, why and what was offered instead.
 */
public record ResultReport(ResolutionOutcome outcome, String summary, String measures, String reason,
        String alternativeOffered, List<String> attachments) {

    public ResultReport {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /**
     * Checks what the outcome requires: a reason for CANNOT_RESOLVE and SUGGESTION_NOT_ADOPTED, the alternative
     * offered for CANNOT_RESOLVE, and attachments that are http(s) URLs.
     *
     * @throws CaseRuleViolation naming the field at fault
     */
    public ResultReport validated() {
        if (outcome == null) {
            throw new CaseRuleViolation(MISSING_INPUT, "outcome", "must be given");
        }
        if (blank(summary)) {
            throw new CaseRuleViolation(MISSING_INPUT, "summary", "must not be blank");
        }
        if ((outcome == ResolutionOutcome.CANNOT_RESOLVE || outcome == ResolutionOutcome.SUGGESTION_NOT_ADOPTED)
                && blank(reason)) {
            throw new CaseRuleViolation(MISSING_INPUT, "reason", "is required when the outcome is " + outcome
                    + ": the caller is told why");
        }
        if (outcome == ResolutionOutcome.CANNOT_RESOLVE && blank(alternativeOffered)) {
            throw new CaseRuleViolation(MISSING_INPUT, "alternativeOffered",
                    "is required when the outcome is CANNOT_RESOLVE: say what the caller was offered instead");
        }
        for (int i = 0; i < attachments.size(); i++) {
            if (!webUrl(attachments.get(i))) {
                throw new CaseRuleViolation(MISSING_INPUT, "attachments[" + i + "]", "must be an http(s) URL");
            }
        }
        return this;
    }

    static boolean webUrl(String value) {
        if (value == null) {
            return false;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        }
        catch (URISyntaxException ex) {
            return false;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
