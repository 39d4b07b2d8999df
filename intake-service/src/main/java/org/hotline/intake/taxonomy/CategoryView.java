package org.hotline.intake.taxonomy;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A category as clients see it.
 *
 * @param version the version to send back with a change, so that a change made meanwhile is not overwritten
 */
record CategoryView(@Schema(example = "PUBLIC_HEALTH") String code, LocalizedText name, LocalizedText description,
        boolean active, Long version, List<SubCategoryView> subCategories) {

    record SubCategoryView(@Schema(example = "DISEASE_VECTORS") String code, LocalizedText name,
            LocalizedText description, boolean active, SubCategory.Hints hints) {
    }

    static CategoryView of(Category category) {
        return new CategoryView(category.getCode(), category.getName(), category.getDescription(),
                category.isActive(), category.getVersion(),
                category.getSubCategories().stream().map(sub -> new SubCategoryView(sub.code(), sub.name(),
                        sub.description(), sub.active(), sub.hints())).toList());
    }
}
