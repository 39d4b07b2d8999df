package org.hotline.intake.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hotline.events.Urgency;
import org.junit.jupiter.api.Test;

class TaxonomySnapshotTests {

    static TaxonomySnapshot snapshot() {
        Category living = Category.create("LIVING", new LocalizedText("生活類", "Living"), null, true, 0);
        living.add(SubCategory.create("HOUSING", new LocalizedText("住房", "Housing"), null, true, null));
        living.add(SubCategory.create("FAMILY", new LocalizedText("家庭", "Family"), null, false, null));
        Category retired = Category.create("RETIRED", new LocalizedText("舊類", "Retired"), null, false, 1);
        retired.add(SubCategory.create("ANY", new LocalizedText("任何", "Any"), null, true, null));
        Category other = Category.create("OTHER", new LocalizedText("其他類", "Other"), null, true, 2);
        other.add(SubCategory.create("EMERGENCY", new LocalizedText("突發緊急情況", "Emergency"), null, true,
                new SubCategory.Hints(Urgency.EMERGENCY)));
        return TaxonomySnapshot.of(List.of(living, retired, other));
    }

    @Test
    void whenTheCodesAreActiveThenNewCasesMayUseThem() {
        assertThat(snapshot().knows("LIVING", "HOUSING")).isTrue();
        assertThat(snapshot().knows("LIVING", null)).isTrue();
    }

    @Test
    void whenASubCategoryIsInactiveThenNewCasesMayNotUseIt() {
        assertThat(snapshot().knows("LIVING", "FAMILY")).isFalse();
    }

    @Test
    void whenACategoryIsInactiveThenNeitherItNorItsSubCategoriesMayBeUsed() {
        assertThat(snapshot().knows("RETIRED", null)).isFalse();
        assertThat(snapshot().knows("RETIRED", "ANY")).isFalse();
    }

    @Test
    void whenCodesAreUnknownThenNewCasesMayNotUseThem() {
        assertThat(snapshot().knows("ASTROLOGY", null)).isFalse();
        assertThat(snapshot().knows("LIVING", "ASTROLOGY")).isFalse();
        assertThat(snapshot().knows(null, null)).isFalse();
    }

    @Test
    void whenCodesAreListedThenOnlyActiveOnesAppearInDisplayOrder() {
        assertThat(snapshot().activeCodes()).containsExactly(
                java.util.Map.entry("LIVING", List.of("HOUSING")), java.util.Map.entry("OTHER", List.of("EMERGENCY")));
    }

    @Test
    void whenTheTreeIsReadThenInactiveEntriesAreListedAsInactive() {
        TaxonomySnapshot snapshot = snapshot();

        assertThat(snapshot.tree()).containsOnlyKeys("LIVING", "RETIRED", "OTHER");
        assertThat(snapshot.tree().get("RETIRED").active()).isFalse();
        assertThat(snapshot.tree().get("LIVING").subCategories()).extracting(CategoryView.SubCategoryView::code,
                CategoryView.SubCategoryView::active).containsExactly(org.assertj.core.groups.Tuple.tuple("HOUSING",
                        true), org.assertj.core.groups.Tuple.tuple("FAMILY", false));
    }

    @Test
    void whenASubCategoryHasADefaultUrgencyThenItIsOffered() {
        assertThat(snapshot().defaultUrgency("OTHER", "EMERGENCY")).contains(Urgency.EMERGENCY);
        assertThat(snapshot().defaultUrgency("LIVING", "HOUSING")).isEmpty();
        assertThat(snapshot().defaultUrgency("NOPE", "NOPE")).isEmpty();
    }
}
