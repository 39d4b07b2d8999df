package org.hotline.routing.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The ordered rule table: the first matching rule picks the departments. Complaints about the hotline service
 * itself always go to the supervision group, never to a department.
 */
public record RoutingRules(int version, List<RoutingRule> rules) {

    public static final String SUPERVISION_GROUP = "SUPERVISION_GROUP";
    public static final String SUPERVISION_RULE = "supervision";

    public RoutingRules {
        rules = List.copyOf(rules);
    }

    /** The rule that decides, if any. */
    public record Decision(String ruleId, String leadDepartment, List<String> assistingDepartments) {
    }

    /** A problem with the table: the rule (by position and id), the field and why. */
    public record Violation(int index, String ruleId, String field, String reason) {
    }

    public Optional<Decision> decide(CaseFacts facts) {
        return candidates(facts).stream().findFirst();
    }

    /**
     * Every matching rule's decision, in table order: after a department bounces the case, the next one whose lead
     * department has not refused it yet decides.
     */
    public List<Decision> candidates(CaseFacts facts) {
        if (facts.supervisionComplaint()) {
            return List.of(new Decision(SUPERVISION_RULE, SUPERVISION_GROUP, List.of()));
        }
        return rules.stream().filter(rule -> rule.matches(facts))
                .map(rule -> new Decision(rule.id(), rule.leadDepartment(), rule.assistingDepartments())).toList();
    }

    /**
     * What is wrong with the table: missing or duplicate ids, unknown departments, a department assisting itself,
     * and rules that an earlier rule shadows so they can never decide.
     */
    public List<Violation> violations(Predicate<String> knownDepartment) {
        List<Violation> violations = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            RoutingRule rule = rules.get(i);
            if (rule.id() == null || !rule.id().matches("[A-Za-z0-9_.-]{1,64}")) {
                violations.add(new Violation(i, rule.id(), "id", "give an id of letters, digits, '.', '_' or '-'"));
            }
            else if (!ids.add(rule.id()) || rule.id().equals(SUPERVISION_RULE)) {
                violations.add(new Violation(i, rule.id(), "id", "the id is used twice or reserved"));
            }
            if (rule.leadDepartment() == null || !knownDepartment.test(rule.leadDepartment())) {
                violations.add(new Violation(i, rule.id(), "leadDepartment",
                        "unknown department '" + rule.leadDepartment() + "'"));
            }
            for (String assisting : rule.assistingDepartments()) {
                if (!knownDepartment.test(assisting)) {
                    violations.add(new Violation(i, rule.id(), "assistingDepartments",
                            "unknown department '" + assisting + "'"));
                }
                else if (assisting.equals(rule.leadDepartment())) {
                    violations.add(new Violation(i, rule.id(), "assistingDepartments",
                            "the lead department cannot also assist"));
                }
            }
            if (rule.keywords().stream().anyMatch(k -> k == null || k.isBlank())) {
                violations.add(new Violation(i, rule.id(), "keywords", "a keyword is blank"));
            }
            if (rule.areas().stream().anyMatch(a -> a == null || !a.matches("[0-9A-Za-z]{1,12}"))) {
                violations.add(new Violation(i, rule.id(), "areas", "an area code must be 1-12 letters or digits"));
            }
            for (int j = 0; j < i; j++) {
                if (rule.shadowedBy(rules.get(j))) {
                    violations.add(new Violation(i, rule.id(), "conditions", "unreachable: rule '"
                            + rules.get(j).id() + "' (position " + j + ") matches every case this rule matches"));
                    break;
                }
            }
        }
        return violations;
    }

    /** Sensible defaults for the standard taxonomy. */
    public static RoutingRules defaults() {
        return new RoutingRules(1, List.of(
                rule("r-emergency", "OTHER", "EMERGENCY", "EMERGENCY_OFFICE"),
                rule("r-safety", "WORK", "SAFETY", "SAFETY_OFFICE"),
                rule("r-work", "WORK", null, "OPERATIONS"),
                rule("r-housing", "LIVING", "HOUSING", "LOGISTICS"),
                rule("r-utilities", "LIVING", "UTILITIES", "FACILITIES"),
                rule("r-transport", "LIVING", "TRANSPORT", "LOGISTICS"),
                rule("r-medical", "LIVING", "MEDICAL", "HEALTH_CLINIC"),
                rule("r-living", "LIVING", null, "EMPLOYEE_SERVICES"),
                rule("r-interpersonal", "INTERPERSONAL", null, "HUMAN_RESOURCES"),
                rule("r-policy", "POLICY", null, "POLICY_OFFICE"),
                new RoutingRule("r-vectors", null, "PUBLIC_HEALTH", "DISEASE_VECTORS", null, null,
                        "PATRIOTIC_HEALTH_OFFICE", List.of("FACILITIES")),
                rule("r-public-health", "PUBLIC_HEALTH", null, "PATRIOTIC_HEALTH_OFFICE")));
    }

    private static RoutingRule rule(String id, String category, String subCategory, String lead) {
        return new RoutingRule(id, null, category, subCategory, null, null, lead, null);
    }
}
