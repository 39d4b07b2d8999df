package org.hotline.routing.rules;

import java.util.List;
import java.util.Optional;

import org.hotline.events.intake.CaseOpened;

/**
 * The ordered rule table: the first matching rule picks the departments. Complaints about the hotline service
 * itself always go to the supervision group, never to a department.
 */
public record RoutingRules(int version, List<RoutingRule> rules) {

    public static final String SUPERVISION_GROUP = "SUPERVISION_GROUP";

    /** The rule that decides, if any. */
    public record Decision(String ruleId, String leadDepartment, List<String> assistingDepartments) {
    }

    public Optional<Decision> decide(CaseOpened opened) {
        if (opened.supervisionComplaint()) {
            return Optional.of(new Decision("supervision", SUPERVISION_GROUP, List.of()));
        }
        return rules.stream().filter(rule -> rule.matches(opened)).findFirst()
                .map(rule -> new Decision(rule.id(), rule.leadDepartment(), rule.assistingDepartments()));
    }

    /** Sensible defaults for the standard taxonomy. */
    public static RoutingRules defaults() {
        return new RoutingRules(1, List.of(
                new RoutingRule("r-emergency", null, "OTHER", "EMERGENCY", null, "EMERGENCY_OFFICE", null),
                new RoutingRule("r-safety", null, "WORK", "SAFETY", null, "SAFETY_OFFICE", null),
                new RoutingRule("r-work", null, "WORK", null, null, "OPERATIONS", null),
                new RoutingRule("r-housing", null, "LIVING", "HOUSING", null, "LOGISTICS", null),
                new RoutingRule("r-utilities", null, "LIVING", "UTILITIES", null, "FACILITIES", null),
                new RoutingRule("r-transport", null, "LIVING", "TRANSPORT", null, "LOGISTICS", null),
                new RoutingRule("r-medical", null, "LIVING", "MEDICAL", null, "HEALTH_CLINIC", null),
                new RoutingRule("r-living", null, "LIVING", null, null, "EMPLOYEE_SERVICES", null),
                new RoutingRule("r-interpersonal", null, "INTERPERSONAL", null, null, "HUMAN_RESOURCES", null),
                new RoutingRule("r-policy", null, "POLICY", null, null, "POLICY_OFFICE", null),
                new RoutingRule("r-vectors", null, "PUBLIC_HEALTH", "DISEASE_VECTORS", null, "PATRIOTIC_HEALTH_OFFICE",
                        List.of("FACILITIES")),
                new RoutingRule("r-public-health", null, "PUBLIC_HEALTH", null, null, "PATRIOTIC_HEALTH_OFFICE",
                        null)));
    }
}
