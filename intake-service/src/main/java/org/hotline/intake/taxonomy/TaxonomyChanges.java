package org.hotline.intake.taxonomy;

import io.swagger.v3.oas.annotations.media.Schema;

/** What operators send to change the taxonomy. */
final class TaxonomyChanges {

    private TaxonomyChanges() {
    }

    record NewCategory(
            @Schema(description = "UPPER_SNAKE_CASE, never changed or reused", pattern = TaxonomyCode.PATTERN,
                    maxLength = TaxonomyCode.MAX_LENGTH, example = "CANTEEN") String code,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) LocalizedText name, LocalizedText description,
            @Schema(description = "Active unless false", defaultValue = "true") Boolean active) {
    }

    /** A change to a category; fields left out keep their value. */
    record CategoryChange(LocalizedText name, LocalizedText description,
            @Schema(description = "false deactivates: new cases can no longer use the category") Boolean active,
            @Schema(description = "The version the operator edited; a change made meanwhile turns this into 409")
            Long version) {
    }

    record NewSubCategory(
            @Schema(description = "UPPER_SNAKE_CASE, unique within the category, never changed or reused",
                    pattern = TaxonomyCode.PATTERN, maxLength = TaxonomyCode.MAX_LENGTH, example = "FOOD_HYGIENE")
            String code,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) LocalizedText name, LocalizedText description,
            @Schema(description = "Active unless false", defaultValue = "true") Boolean active,
            SubCategory.Hints hints,
            @Schema(description = "The version of the category the operator edited; a change made meanwhile turns "
                    + "this into 409") Long version) {
    }

    /** A change to a sub-category; fields left out keep their value. */
    record SubCategoryChange(LocalizedText name, LocalizedText description,
            @Schema(description = "false deactivates: new cases can no longer use the sub-category") Boolean active,
            SubCategory.Hints hints,
            @Schema(description = "The version of the category the operator edited; a change made meanwhile turns "
                    + "this into 409") Long version) {
    }
}
