package org.hotline.intake.open311;

import java.util.List;
import java.util.Map;

import org.hotline.events.CaseKind;
import org.hotline.events.Urgency;

/**
 * Which questions each service asks, by taxonomy category. Services in a category that is not listed ask none.
 * <ul>
 * <li>{@code urgency}: for problems on the ground (work, living, public health, other); a report is NORMAL unless
 * the reporter says otherwise.</li>
 * <li>{@code kind}: where a reporter may rather ask, suggest or seek help than complain (policy, other); a report
 * is a COMPLAINT unless the reporter says otherwise.</li>
 * </ul>
 */
final class ServiceAttributes {

    static final String URGENCY_CODE = "urgency";
    static final String KIND_CODE = "kind";

    static final ServiceAttribute URGENCY = new ServiceAttribute(URGENCY_CODE, "singlevaluelist", false,
            "How urgent is it? Choose Emergency only when people or property are in danger now.", 1, List.of(
                    new ServiceAttribute.Choice(Urgency.NORMAL.name(), "Normal"),
                    new ServiceAttribute.Choice(Urgency.COMPLEX.name(), "Complex: needs several departments"),
                    new ServiceAttribute.Choice(Urgency.EMERGENCY.name(), "Emergency: danger now")));

    static final ServiceAttribute KIND = new ServiceAttribute(KIND_CODE, "singlevaluelist", false,
            "What would you like the hotline to do?", 2, List.of(
                    new ServiceAttribute.Choice(CaseKind.COMPLAINT.name(), "Deal with a problem (complaint)"),
                    new ServiceAttribute.Choice(CaseKind.CONSULTATION.name(), "Answer a question"),
                    new ServiceAttribute.Choice(CaseKind.SUGGESTION.name(), "Consider a suggestion"),
                    new ServiceAttribute.Choice(CaseKind.HELP_REQUEST.name(), "Help me"),
                    new ServiceAttribute.Choice(CaseKind.OTHER.name(), "Something else")));

    private static final Map<String, List<ServiceAttribute>> BY_CATEGORY = Map.of(
            "WORK", List.of(URGENCY),
            "LIVING", List.of(URGENCY),
            "PUBLIC_HEALTH", List.of(URGENCY),
            "POLICY", List.of(KIND),
            "OTHER", List.of(URGENCY, KIND));

    private ServiceAttributes() {
    }

    static List<ServiceAttribute> forCategory(String category) {
        return BY_CATEGORY.getOrDefault(category, List.of());
    }
}
