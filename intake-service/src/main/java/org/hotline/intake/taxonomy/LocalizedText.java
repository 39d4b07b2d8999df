package org.hotline.intake.taxonomy;

/** A text in Chinese (the operators' language) and English. */
record LocalizedText(String zh, String en) {

    static final int MAX_NAME = 100;
    static final int MAX_DESCRIPTION = 2000;

    /** A name: both languages, neither blank; or a 400 problem naming the field. */
    static LocalizedText requireName(String field, LocalizedText name) {
        if (name == null) {
            throw new TaxonomyProblems.Invalid(field, "is required, in Chinese (zh) and English (en)");
        }
        requireText(field + ".zh", name.zh(), MAX_NAME);
        requireText(field + ".en", name.en(), MAX_NAME);
        return new LocalizedText(name.zh().strip(), name.en().strip());
    }

    /** A description is optional, in either language or both. */
    static LocalizedText checkDescription(String field, LocalizedText description) {
        if (description == null) {
            return null;
        }
        checkLength(field + ".zh", description.zh(), MAX_DESCRIPTION);
        checkLength(field + ".en", description.en(), MAX_DESCRIPTION);
        return description;
    }

    private static void requireText(String field, String text, int max) {
        if (text == null || text.isBlank()) {
            throw new TaxonomyProblems.Invalid(field, "must not be blank");
        }
        checkLength(field, text, max);
    }

    private static void checkLength(String field, String text, int max) {
        if (text != null && text.length() > max) {
            throw new TaxonomyProblems.Invalid(field, "must be at most " + max + " characters");
        }
    }
}
