package org.hotline.feedback.delivery;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.hotline.events.CaseKind;
import org.hotline.events.feedback.ResolutionOutcome;

/**
 * The messages that tell a caller the result, from the resource bundle {@code feedback-messages} (Chinese and
 * English): {@code subject}, {@code kind.<KIND>} (how the caller's matter is named) and a body per outcome,
 * {@code body.<KIND>.<OUTCOME>} if the kind has its own wording, else {@code body.<OUTCOME>}. Bodies are
 * {@link MessageFormat} patterns with {0} tracking number, {1} the matter, {2} summary, {3} measures, {4} reason,
 * {5} alternative offered.
 */
public final class FeedbackTemplates {

    private static final String BUNDLE = "feedback-messages";
    /** Chinese is the base bundle: never fall back to the JVM's default locale instead. */
    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control
            .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** The facts of a result that a message tells. */
    public record Facts(String trackingNumber, CaseKind kind, ResolutionOutcome outcome, String summary,
            String measures, String reason, String alternativeOffered) {
    }

    private final Locale locale;

    /** @param language {@code zh} or {@code en} */
    public FeedbackTemplates(String language) {
        this.locale = Locale.forLanguageTag(language);
    }

    public FeedbackMessage render(Facts facts) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK);
        CaseKind kind = facts.kind() != null ? facts.kind() : CaseKind.OTHER;
        ResolutionOutcome outcome = facts.outcome() != null ? facts.outcome() : ResolutionOutcome.RESOLVED;
        String none = bundle.getString("none");
        Object[] arguments = { orElse(facts.trackingNumber(), none), bundle.getString("kind." + kind),
                orElse(facts.summary(), none), orElse(facts.measures(), none), orElse(facts.reason(), none),
                orElse(facts.alternativeOffered(), none) };
        String body = pattern(bundle, "body." + kind + "." + outcome, "body." + outcome);
        return new FeedbackMessage(format(bundle.getString("subject"), arguments), format(body, arguments));
    }

    private String format(String pattern, Object[] arguments) {
        return new MessageFormat(pattern, locale).format(arguments);
    }

    private static String pattern(ResourceBundle bundle, String specific, String general) {
        try {
            return bundle.getString(specific);
        }
        catch (MissingResourceException ex) {
            return bundle.getString(general);
        }
    }

    private static String orElse(String value, String none) {
        return value == null || value.isBlank() ? none : value;
    }
}
