package org.hotline.intake.taxonomy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline.events.Urgency;

/** The whole taxonomy as read at one moment; immutable, so every request sees one consistent state. */
final class TaxonomySnapshot {

    static final TaxonomySnapshot EMPTY = of(List.of());

    private final Map<String, CategoryView> tree;
    private final Map<String, List<String>> activeCodes;

    private TaxonomySnapshot(Map<String, CategoryView> tree, Map<String, List<String>> activeCodes) {
        this.tree = tree;
        this.activeCodes = activeCodes;
    }

    static TaxonomySnapshot of(List<Category> categories) {
        Map<String, CategoryView> tree = new LinkedHashMap<>();
        Map<String, List<String>> active = new LinkedHashMap<>();
        for (Category category : categories) {
            CategoryView view = CategoryView.of(category);
            tree.put(view.code(), view);
            if (view.active()) {
                active.put(view.code(), view.subCategories().stream().filter(CategoryView.SubCategoryView::active)
                        .map(CategoryView.SubCategoryView::code).toList());
            }
        }
        return new TaxonomySnapshot(Collections.unmodifiableMap(tree), Collections.unmodifiableMap(active));
    }

    /** Whether a new case may carry the pair: an active category and, if given, an active sub-category of it. */
    boolean knows(String category, String subCategory) {
        List<String> subs = activeCodes.get(category);
        return subs != null && (subCategory == null || subs.contains(subCategory));
    }

    /** Active category codes with their active sub-category codes, in display order. */
    Map<String, List<String>> activeCodes() {
        return activeCodes;
    }

    /** Every category and sub-category, inactive ones included, in display order. */
    Map<String, CategoryView> tree() {
        return tree;
    }

    Optional<Urgency> defaultUrgency(String category, String subCategory) {
        return Optional.ofNullable(tree.get(category)).flatMap(view -> view.subCategories().stream()
                .filter(sub -> sub.code().equals(subCategory)).findFirst())
                .map(CategoryView.SubCategoryView::hints).map(SubCategory.Hints::defaultUrgency);
    }
}
