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
}
