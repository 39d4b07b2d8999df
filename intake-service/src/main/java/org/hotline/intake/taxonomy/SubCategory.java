package org.hotline.intake.taxonomy;

import org.hotline.events.Urgency;

/**
 * A sub-category within a category. Inactive sub-categories stay in the taxonomy so that old cases keep their
 * meaning, but new cases can no longer use them.
 *
 * @param hints optional defaults that other features may use for cases of this sub-category
 */
record SubCategory(String code, LocalizedText name, LocalizedText description, boolean active, Hints hints) {

    /** @param defaultUrgency the urgency a front desk may preselect for cases of this sub-category */
    record Hints(Urgency defaultUrgency) {
    }

    static SubCategory create(String code, LocalizedText name, LocalizedText description, boolean active,
            Hints hints) {
        return new SubCategory(TaxonomyCode.require("code", code), LocalizedText.requireName("name", name),
                LocalizedText.checkDescription("description", description), active, hints);
    }

    /** The changed sub-category; what is left out (null) keeps its value. The code never changes. */
    SubCategory change(LocalizedText newName, LocalizedText newDescription, Boolean newActive, Hints newHints) {
        return new SubCategory(code, newName == null ? name : LocalizedText.requireName("name", newName),
                newDescription == null ? description : LocalizedText.checkDescription("description", newDescription),
                newActive == null ? active : newActive, newHints == null ? hints : newHints);
    }
}
