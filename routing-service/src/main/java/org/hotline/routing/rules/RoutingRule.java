package org.hotline.routing.rules;

import java.util.List;
import java.util.Locale;

import org.hotline.events.CaseKind;
import org.hotline.events.intake.CaseOpened;

/**
 * One row of the ordered rule table: conditions (any null condition matches everything) and the departments
 * it picks.
 */
public record RoutingRule(String id, CaseKind kind, String category, String subCategory, List<String> keywords,
        String leadDepartment, List<String> assistingDepartments) {

    public RoutingRule {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        assistingDepartments = assistingDepartments == null ? List.of() : List.copyOf(assistingDepartments);
    }

    public boolean matches(CaseOpened opened) {
        return (kind == null || kind == opened.kind())
                && (category == null || category.equals(opened.category()))
                && (subCategory == null || subCategory.equals(opened.subCategory()))
                && (keywords.isEmpty() || keywords.stream().anyMatch(k -> opened.description() != null
                        && opened.description().toLowerCase(Locale.ROOT).contains(k.toLowerCase(Locale.ROOT))));
    }
}
