package org.hotline.routing.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.hotline.events.CaseKind;
import org.hotline.events.Channel;
import org.hotline.events.EventEnvelope;
import org.hotline.events.Urgency;
import org.hotline.events.intake.CaseOpened;
import org.junit.jupiter.api.Test;

class RoutingRulesTests {

    static CaseFacts opened(String category, String subCategory, String description, boolean aboutHotline) {
        return CaseFacts.of(new CaseOpened(EventEnvelope.first("c-1", Instant.now(), "intake-service"), "HL-1", Channel.PHONE,
                CaseKind.COMPLAINT, category, subCategory, Urgency.NORMAL, description, null, null, aboutHotline, null,
                null, null, null, null, null, List.of()));
    }

    @Test
    void whenSeveralRulesMatchThenTheFirstInOrderWins() {
        RoutingRules.Decision decision = RoutingRules.defaults().decide(opened("WORK", "SAFETY", "x", false))
                .orElseThrow();
        assertThat(decision.ruleId()).isEqualTo("r-safety");
        assertThat(decision.leadDepartment()).isEqualTo("SAFETY_OFFICE");
    }

    @Test
    void whenTheComplaintIsAboutTheHotlineThenTheSupervisionGroupGetsIt() {
        assertThat(RoutingRules.defaults().decide(opened("WORK", "SAFETY", "operator was rude", true)).orElseThrow()
                .leadDepartment()).isEqualTo(RoutingRules.SUPERVISION_GROUP);
    }

    @Test
    void whenARuleHasKeywordsThenOnlyADescriptionWithOneOfThemMatches() {
        RoutingRules rules = new RoutingRules(2, List.of(new RoutingRule("r-rats", null, null, null,
                List.of("rat", "老鼠"), null, "PEST_CONTROL", null)));
        assertThat(rules.decide(opened("PUBLIC_HEALTH", null, "食堂有老鼠", false))).isPresent();
        assertThat(rules.decide(opened("PUBLIC_HEALTH", null, "Rats in the canteen", false))).isPresent();
        assertThat(rules.decide(opened("PUBLIC_HEALTH", null, "Noisy neighbours", false))).isEmpty();
    }

    @Test
    void whenTheTableNamesUnknownDepartmentsOrShadowsARuleThenEachProblemIsNamed() {
        RoutingRules rules = new RoutingRules(2, List.of(
                new RoutingRule("r-living", null, "LIVING", null, null, null, "EMPLOYEE_SERVICES", null),
                new RoutingRule("r-housing", null, "LIVING", "HOUSING", null, null, "LOGISTICS", null),
                new RoutingRule("r-ghost", null, "WORK", null, null, null, "NO_SUCH_OFFICE", List.of("WORK_X")),
                new RoutingRule("r-self", null, "POLICY", null, List.of(" "), List.of("44-03"), "LOGISTICS",
                        List.of("LOGISTICS"))));

        List<RoutingRules.Violation> violations = rules.violations(code -> List.of("EMPLOYEE_SERVICES", "LOGISTICS")
                .contains(code));

        assertThat(violations).extracting(RoutingRules.Violation::index, RoutingRules.Violation::field)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(1, "conditions"),
                        org.assertj.core.groups.Tuple.tuple(2, "leadDepartment"),
                        org.assertj.core.groups.Tuple.tuple(2, "assistingDepartments"),
                        org.assertj.core.groups.Tuple.tuple(3, "assistingDepartments"),
                        org.assertj.core.groups.Tuple.tuple(3, "keywords"),
                        org.assertj.core.groups.Tuple.tuple(3, "areas"));
    }

    @Test
    void whenAnEarlierRuleIsNarrowerThenTheLaterBroaderRuleIsStillReachable() {
        RoutingRules rules = new RoutingRules(2, List.of(
                new RoutingRule("r-rats", null, "PUBLIC_HEALTH", null, List.of("rat"), null, "PEST_CONTROL", null),
                new RoutingRule("r-rats-nanshan", null, "PUBLIC_HEALTH", null, List.of("rat"), List.of("440305"),
                        "PEST_CONTROL", null),
                new RoutingRule("r-health", null, "PUBLIC_HEALTH", null, null, null, "HEALTH", null)));

        assertThat(rules.violations(code -> true)).extracting(RoutingRules.Violation::ruleId)
                .containsExactly("r-rats-nanshan");
    }

    @Test
    void whenSeveralRulesMatchThenTheCandidatesKeepTableOrderAndAreaNarrowsTheMatch() {
        RoutingRules rules = new RoutingRules(2, List.of(
                new RoutingRule("r-nanshan", null, "WORK", null, null, List.of("440305"), "NANSHAN_OFFICE", null),
                new RoutingRule("r-work", null, "WORK", null, null, null, "OPERATIONS", null)));
        CaseFacts nanshan = new CaseFacts(CaseKind.COMPLAINT, "WORK", null, "x", "440305001", false);
        CaseFacts elsewhere = new CaseFacts(CaseKind.COMPLAINT, "WORK", null, "x", "440304", false);

        assertThat(rules.candidates(nanshan)).extracting(RoutingRules.Decision::ruleId)
                .containsExactly("r-nanshan", "r-work");
        assertThat(rules.candidates(elsewhere)).extracting(RoutingRules.Decision::ruleId).containsExactly("r-work");
    }
}
