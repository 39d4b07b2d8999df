package org.hotline.routing.rules;

import java.util.List;
import java.util.Locale;

import org.hotline.events.CaseKind;

/**
 * One row of the ordered rule table: conditions (a null or empty condition matches everything) and the departments
 * it picks.
 *
 * @param keywords any one of them in the description (case-insensitive)
 * @param areas the case's location area code starts with one of them (e.g. {@code 440305})
 */
public record RoutingRule(String id, CaseKind kind, String category, String subCategory, List<String> keywords,
        List<String> areas, String leadDepartment, List<String> assistingDepartments) {

    public RoutingRule {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        areas = areas == null ? List.of() : List.copyOf(areas);
        assistingDepartments = assistingDepartments == null ? List.of() : List.copyOf(assistingDepartments);
    }

    public boolean matches(CaseFacts facts) {
        return (kind == null || kind == facts.kind())
                && (category == null || category.equals(facts.category()))
                && (subCategory == null || subCategory.equals(facts.subCategory()))
                && (keywords.isEmpty() || keywords.stream().anyMatch(k -> facts.description() != null
                        && facts.description().toLowerCase(Locale.ROOT).contains(k.toLowerCase(Locale.ROOT))))
                && (areas.isEmpty() || areas.stream().anyMatch(a -> facts.area() != null && facts.area().startsWith(a)));
    }

    /**
     * Whether every case this rule matches is also matched by {@code earlier}, so that this rule, placed after it,
     * can never decide.
     */
    public boolean shadowedBy(RoutingRule earlier) {
        return (earlier.kind == null || earlier.kind == kind)
                && (earlier.category == null || earlier.category.equals(category))
                && (earlier.subCategory == null || earlier.subCategory.equals(subCategory))
                && (earlier.keywords.isEmpty() || (!keywords.isEmpty() && keywords.stream().allMatch(k -> earlier
                        .keywords.stream().anyMatch(e -> k.toLowerCase(Locale.ROOT)
                                .contains(e.toLowerCase(Locale.ROOT))))))
                && (earlier.areas.isEmpty() || (!areas.isEmpty() && areas.stream()
                        .allMatch(a -> earlier.areas.stream().anyMatch(a::startsWith))));
    }
}
