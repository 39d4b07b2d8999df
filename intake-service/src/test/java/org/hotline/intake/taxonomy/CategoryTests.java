package org.hotline.intake.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotline.events.Urgency;
import org.junit.jupiter.api.Test;

class CategoryTests {

    static final LocalizedText CANTEEN = new LocalizedText("食堂", "Canteen");
    static final LocalizedText HYGIENE = new LocalizedText("食品衛生", "Food hygiene");

    static Category canteen() {
        Category category = Category.create("CANTEEN", CANTEEN, null, true, 7);
        category.add(SubCategory.create("FOOD_HYGIENE", HYGIENE, null, true, null));
        return category;
    }

    @Test
    void whenACategoryIsCreatedWithAMalformedCodeThenItIsABadRequest() {
        assertThatThrownBy(() -> Category.create("canteen", CANTEEN, null, true, 0))
                .isInstanceOf(TaxonomyProblems.Invalid.class);
    }

    @Test
    void whenANameIsBlankOrMissingThenItIsABadRequestNamingTheLanguage() {
        assertThatThrownBy(() -> Category.create("CANTEEN", new LocalizedText(" ", "Canteen"), null, true, 0))
                .isInstanceOfSatisfying(TaxonomyProblems.Invalid.class,
                        problem -> assertThat(problem.getBody().getDetail()).contains("name.zh"));
        assertThatThrownBy(() -> Category.create("CANTEEN", new LocalizedText("食堂", null), null, true, 0))
                .isInstanceOfSatisfying(TaxonomyProblems.Invalid.class,
                        problem -> assertThat(problem.getBody().getDetail()).contains("name.en"));
        assertThatThrownBy(() -> Category.create("CANTEEN", null, null, true, 0))
                .isInstanceOf(TaxonomyProblems.Invalid.class);
    }

    @Test
    void whenASubCategoryCodeIsTakenThenItIsAConflict() {
        Category category = canteen();

        assertThatThrownBy(() -> category.add(SubCategory.create("FOOD_HYGIENE", HYGIENE, null, true, null)))
                .isInstanceOfSatisfying(TaxonomyProblems.Duplicate.class,
                        problem -> assertThat(problem.getStatusCode().value()).isEqualTo(409));
        assertThat(category.getSubCategories()).hasSize(1);
    }

    @Test
    void whenAnUnknownSubCategoryIsChangedThenItIsNotFound() {
        assertThatThrownBy(() -> canteen().changeSubCategory("OPENING_HOURS", null, null, false, null))
                .isInstanceOfSatisfying(TaxonomyProblems.Unknown.class,
                        problem -> assertThat(problem.getStatusCode().value()).isEqualTo(404));
    }

    @Test
    void whenASubCategoryIsDeactivatedThenItStaysWithItsNamesAndHints() {
        Category category = canteen();
        category.changeSubCategory("FOOD_HYGIENE", null, null, null, new SubCategory.Hints(Urgency.COMPLEX));

        category.changeSubCategory("FOOD_HYGIENE", null, null, false, null);

        SubCategory sub = category.subCategory("FOOD_HYGIENE").orElseThrow();
        assertThat(sub.active()).isFalse();
        assertThat(sub.name()).isEqualTo(HYGIENE);
        assertThat(sub.hints().defaultUrgency()).isEqualTo(Urgency.COMPLEX);
    }

    @Test
    void whenAChangeLeavesFieldsOutThenTheyKeepTheirValue() {
        Category category = canteen();

        category.change(null, new LocalizedText("員工食堂", "Staff canteen"), null);

        assertThat(category.getName()).isEqualTo(CANTEEN);
        assertThat(category.isActive()).isTrue();
        assertThat(category.getDescription().en()).isEqualTo("Staff canteen");
    }

    @Test
    void whenARenameHasABlankNameThenNothingChanges() {
        Category category = canteen();

        assertThatThrownBy(() -> category.change(new LocalizedText("", ""), null, false))
                .isInstanceOf(TaxonomyProblems.Invalid.class);
        assertThat(category.getName()).isEqualTo(CANTEEN);
        assertThat(category.isActive()).isTrue();
    }

    @Test
    void whenTheOperatorEditedAnOlderVersionThenItIsAConflict() {
        Category category = canteen(); // not yet stored: no version

        category.requireVersion(null);
        assertThatThrownBy(() -> category.requireVersion(3L))
                .isInstanceOfSatisfying(TaxonomyProblems.Conflict.class,
                        problem -> assertThat(problem.getStatusCode().value()).isEqualTo(409));
    }
}
