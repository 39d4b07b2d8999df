package org.hotline.intake.taxonomy;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The categories and sub-categories a case may carry, from the hotline's classification of topics (work, living,
 * interpersonal, policy, public health, other).
 */
@Component
public class Taxonomy {

    private final Map<String, List<String>> categories = Map.of(
            "WORK", List.of("TASKS", "PROGRESS", "QUALITY", "SAFETY"),
            "LIVING", List.of("HOUSING", "TRANSPORT", "MEDICAL", "EDUCATION", "FAMILY", "UTILITIES"),
            "INTERPERSONAL", List.of("COLLEAGUES", "SUPERIORS"),
            "POLICY", List.of("RULES", "BENEFITS"),
            "PUBLIC_HEALTH", List.of("SANITATION", "DISEASE_VECTORS", "HEALTH_HAZARDS"),
            "OTHER", List.of("EMERGENCY", "GENERAL"));

    /** Whether the pair is known; a null sub-category is allowed for any known category. */
    public boolean knows(String category, String subCategory) {
        List<String> subs = categories.get(category);
        return subs != null && (subCategory == null || subs.contains(subCategory));
    }

    public Map<String, List<String>> categories() {
        return categories;
    }
}
