package org.hotline.intake.open311;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.hotline.intake.caseintake.PublicCaseQuery.Classification;

/**
 * The services offered on Open311, derived from the case taxonomy: one per sub-category
 * ({@code PUBLIC_HEALTH.SANITATION}), or the category itself when it has no sub-categories.
 */
final class ServiceCatalog {

    static final char SEPARATOR = '.';

    private final Map<String, Open311Service> services = new TreeMap<>();

    private ServiceCatalog() {
    }

    /** The catalog for a taxonomy: category code to its sub-category codes. */
    static ServiceCatalog of(Map<String, List<String>> taxonomy) {
        ServiceCatalog catalog = new ServiceCatalog();
        taxonomy.forEach((category, subCategories) -> {
            List<ServiceAttribute> attributes = ServiceAttributes.forCategory(category);
            if (subCategories == null || subCategories.isEmpty()) {
                catalog.add(new Open311Service(category, category, null, humanize(category),
                        "Report or ask about " + lower(category) + ".", lower(category), attributes));
                return;
            }
            for (String sub : subCategories) {
                catalog.add(new Open311Service(codeOf(category, sub), category, sub, nameOf(category, sub),
                        "Report or ask about " + lower(sub) + " (" + lower(category) + ").",
                        lower(category) + ", " + lower(sub), attributes));
            }
        });
        return catalog;
    }

    private void add(Open311Service service) {
        services.put(service.code(), service);
    }

    /** Every service, sorted by code. */
    List<Open311Service> services() {
        return new ArrayList<>(services.values());
    }

    Optional<Open311Service> find(String code) {
        return Optional.ofNullable(code).map(services::get);
    }

    /** The service code of a classification. */
    static String codeOf(String category, String subCategory) {
        return subCategory == null ? category : category + SEPARATOR + subCategory;
    }

    /** The classification a service code stands for: category and sub-category (null when there is none). */
    static Classification classificationOf(String code) {
        int dot = code.indexOf(SEPARATOR);
        return dot < 0 ? new Classification(code, null)
                : new Classification(code.substring(0, dot), code.substring(dot + 1));
    }

    /** A readable service name, e.g. "Public health: sanitation". */
    static String nameOf(String category, String subCategory) {
        return subCategory == null ? humanize(category) : humanize(category) + ": " + lower(subCategory);
    }

    static String humanize(String code) {
        String words = lower(code);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String lower(String code) {
        return code.replace('_', ' ').toLowerCase(Locale.ROOT);
    }
}
