package org.hotline.intake.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.hotline.events.Urgency;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The defaults file: the topics of the hotline's rules, and every code that cases used before it existed. */
class DefaultTaxonomyTests {

    static final List<Category> DEFAULTS = TaxonomySeeder
            .read(new ClassPathResource("taxonomy/default-taxonomy.json"));

    @Test
    void whenTheDefaultsAreReadThenEveryEarlierCodeIsThereAndActive() {
        TaxonomySnapshot snapshot = TaxonomySnapshot.of(DEFAULTS);

        assertThat(snapshot.activeCodes()).containsExactly(
                Map.entry("WORK", List.of("TASKS", "PROGRESS", "QUALITY", "SAFETY")),
                Map.entry("LIVING", List.of("HOUSING", "TRANSPORT", "MEDICAL", "EDUCATION", "FAMILY", "UTILITIES")),
                Map.entry("INTERPERSONAL", List.of("COLLEAGUES", "SUPERIORS")),
                Map.entry("POLICY", List.of("RULES", "BENEFITS")),
                Map.entry("PUBLIC_HEALTH", List.of("SANITATION", "DISEASE_VECTORS", "HEALTH_HAZARDS")),
                Map.entry("OTHER", List.of("EMERGENCY", "GENERAL")),
                Map.entry("HOTLINE_SERVICE", List.of("RUDENESS", "NO_REPLY", "OTHER")));
    }

    @Test
    void whenTheDefaultsAreReadThenEveryEntryHasChineseAndEnglishNamesAndADescription() {
        for (Category category : DEFAULTS) {
            assertThat(category.getDescription().zh()).as(category.getCode()).isNotBlank();
            assertThat(category.getDescription().en()).as(category.getCode()).isNotBlank();
            for (SubCategory sub : category.getSubCategories()) {
                assertThat(sub.description().zh()).as(sub.code()).isNotBlank();
                assertThat(sub.description().en()).as(sub.code()).isNotBlank();
            }
        }
        assertThat(DEFAULTS.get(0).getName()).isEqualTo(new LocalizedText("工作類", "Work"));
    }

    @Test
    void whenTheDefaultsAreReadThenEmergenciesSuggestEmergencyUrgency() {
        assertThat(TaxonomySnapshot.of(DEFAULTS).defaultUrgency("OTHER", "EMERGENCY")).contains(Urgency.EMERGENCY);
    }
}
