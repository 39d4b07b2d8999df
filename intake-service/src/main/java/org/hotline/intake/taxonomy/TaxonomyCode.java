package org.hotline.intake.taxonomy;

import java.util.regex.Pattern;

/**
 * The code of a category or sub-category, as cases, routing rules and reports carry it: UPPER_SNAKE_CASE, a letter
 * first, at most 40 characters (e.g. {@code PUBLIC_HEALTH}, {@code DISEASE_VECTORS}). A code is never renamed or
 * deleted, so that old cases keep their meaning; a code that is no longer wanted is deactivated.
 */
final class TaxonomyCode {

    static final String PATTERN = "^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$";
    static final int MAX_LENGTH = 40;
    static final String RULE = "must be UPPER_SNAKE_CASE (A-Z, 0-9 and single underscores, a letter first), at most "
            + MAX_LENGTH + " characters";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private TaxonomyCode() {
    }

    static boolean isValid(String code) {
        return code != null && code.length() <= MAX_LENGTH && COMPILED.matcher(code).matches();
    }

    /** The code itself, or a 400 problem naming the field. */
    static String require(String field, String code) {
        if (!isValid(code)) {
            throw new TaxonomyProblems.Invalid(field, RULE);
        }
        return code;
    }
}
