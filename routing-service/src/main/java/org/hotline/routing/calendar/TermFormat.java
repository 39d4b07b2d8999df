package org.hotline.routing.calendar;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline.events.calendar.Term;

/**
 * Terms as configuration writes them: {@code 2 working-hours}, {@code 7 working-days}, {@code 24 clock-hours},
 * {@code 15 clock-minutes}, or {@code none}.
 */
public final class TermFormat {

    private static final Pattern TERM = Pattern.compile("\\s*(\\d{1,5})\\s*(working-hours|working-days|clock-hours"
            + "|clock-minutes)\\s*");

    private TermFormat() {
    }

    /** The term, or null for {@code none}. */
    public static Term parse(String text) {
        if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("none")) {
            return null;
        }
        Matcher m = TERM.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a term: write e.g. '2 working-hours', "
                    + "'7 working-days', '24 clock-hours', '15 clock-minutes' or 'none'");
        }
        long amount = Long.parseLong(m.group(1));
        if (amount <= 0) {
            throw new IllegalArgumentException("'" + text + "': the amount must be positive");
        }
        return new Term(amount, switch (m.group(2)) {
            case "working-hours" -> Term.Unit.WORKING_HOURS;
            case "working-days" -> Term.Unit.WORKING_DAYS;
            case "clock-hours" -> Term.Unit.CLOCK_HOURS;
            default -> Term.Unit.CLOCK_MINUTES;
        });
    }

    /** The configuration form of a term; {@code none} for null. */
    public static String format(Term term) {
        if (term == null) {
            return "none";
        }
        return term.amount() + " " + term.unit().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
