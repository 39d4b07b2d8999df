package org.hotline.intake.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TaxonomyCodeTests {

    @ParameterizedTest
    @ValueSource(strings = { "WORK", "PUBLIC_HEALTH", "DISEASE_VECTORS", "NO_REPLY", "COVID19", "A",
            "AREA_51_CANTEEN" })
    void whenTheCodeIsUpperSnakeCaseThenItIsValid(String code) {
        assertThat(TaxonomyCode.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "work", "Public_Health", "PUBLIC-HEALTH", "PUBLIC HEALTH", "_WORK", "WORK_", "WORK__X",
            "1WORK", "衛生", " WORK", "WORK\n" })
    void whenTheCodeIsNotUpperSnakeCaseThenItIsInvalid(String code) {
        assertThat(TaxonomyCode.isValid(code)).isFalse();
    }

    @Test
    void whenTheCodeIsLongerThanFortyCharactersThenItIsInvalid() {
        assertThat(TaxonomyCode.isValid("A".repeat(40))).isTrue();
        assertThat(TaxonomyCode.isValid("A".repeat(41))).isFalse();
    }

    @Test
    void whenAnInvalidCodeIsRequiredThenABadRequestProblemNamesTheField() {
        assertThatThrownBy(() -> TaxonomyCode.require("code", "bad code"))
                .isInstanceOfSatisfying(TaxonomyProblems.Invalid.class, problem -> {
                    assertThat(problem.getStatusCode().value()).isEqualTo(400);
                    assertThat(problem.getBody().getDetail()).startsWith("Invalid fields: code ");
                });
    }
}
