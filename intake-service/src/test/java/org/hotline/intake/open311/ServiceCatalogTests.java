package org.hotline.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.hotline.intake.caseintake.PublicCaseQuery.Classification;
import org.junit.jupiter.api.Test;

class ServiceCatalogTests {

    private final ServiceCatalog catalog = ServiceCatalog.of(Map.of(
            "PUBLIC_HEALTH", List.of("SANITATION", "DISEASE_VECTORS"),
            "INTERPERSONAL", List.of("COLLEAGUES"),
            "HOTLINE", List.of()));

    @Test
    void whenTheTaxonomyHasSubCategoriesThenEachIsAServiceNamedCategoryDotSubCategory() {
        assertThat(catalog.services()).extracting(Open311Service::code).containsExactly("HOTLINE",
                "INTERPERSONAL.COLLEAGUES", "PUBLIC_HEALTH.DISEASE_VECTORS", "PUBLIC_HEALTH.SANITATION");
    }

    @Test
    void whenACategoryHasNoSubCategoriesThenTheCategoryItselfIsTheService() {
        Open311Service hotline = catalog.find("HOTLINE").orElseThrow();
        assertThat(hotline.category()).isEqualTo("HOTLINE");
        assertThat(hotline.subCategory()).isNull();
        assertThat(hotline.name()).isEqualTo("Hotline");
    }

    @Test
    void whenAServiceIsReadThenItHasAReadableNameKeywordsAndItsCategory() {
        Open311Service sanitation = catalog.find("PUBLIC_HEALTH.SANITATION").orElseThrow();
        assertThat(sanitation.name()).isEqualTo("Public health: sanitation");
        assertThat(sanitation.keywords()).isEqualTo("public health, sanitation");
        assertThat(sanitation.category()).isEqualTo("PUBLIC_HEALTH");
        assertThat(sanitation.subCategory()).isEqualTo("SANITATION");
        assertThat(Open311Views.Service.of(sanitation).group()).isEqualTo("PUBLIC_HEALTH");
        assertThat(Open311Views.Service.of(sanitation).type()).isEqualTo("realtime");
    }

    @Test
    void whenACategoryAsksQuestionsThenItsServicesHaveMetadata() {
        assertThat(catalog.find("PUBLIC_HEALTH.SANITATION").orElseThrow().metadata()).isTrue();
        assertThat(catalog.find("PUBLIC_HEALTH.SANITATION").orElseThrow().attributes())
                .containsExactly(ServiceAttributes.URGENCY);
        assertThat(catalog.find("INTERPERSONAL.COLLEAGUES").orElseThrow().metadata()).isFalse();
        assertThat(ServiceAttributes.forCategory("OTHER")).containsExactly(ServiceAttributes.URGENCY,
                ServiceAttributes.KIND);
    }

    @Test
    void whenAServiceCodeIsReadThenItGivesBackTheClassification() {
        assertThat(ServiceCatalog.classificationOf("PUBLIC_HEALTH.SANITATION"))
                .isEqualTo(new Classification("PUBLIC_HEALTH", "SANITATION"));
        assertThat(ServiceCatalog.classificationOf("HOTLINE")).isEqualTo(new Classification("HOTLINE", null));
        assertThat(ServiceCatalog.codeOf("PUBLIC_HEALTH", "SANITATION")).isEqualTo("PUBLIC_HEALTH.SANITATION");
        assertThat(ServiceCatalog.codeOf("HOTLINE", null)).isEqualTo("HOTLINE");
    }

    @Test
    void whenACodeIsUnknownThenNoServiceIsFound() {
        assertThat(catalog.find("ASTROLOGY")).isEmpty();
        assertThat(catalog.find("PUBLIC_HEALTH")).isEmpty();
        assertThat(catalog.find(null)).isEmpty();
    }
}
