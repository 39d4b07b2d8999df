package org.hotline.feedback.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline.events.CaseKind;
import org.hotline.events.feedback.ResolutionOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FeedbackTemplatesTests {

    @Test
    void whenAResultCannotBeResolvedThenTheMessageGivesTheReasonAndTheAlternativeInBothLanguages() {
        FeedbackTemplates.Facts facts = new FeedbackTemplates.Facts("HL-20261123-000042", CaseKind.HELP_REQUEST,
                ResolutionOutcome.CANNOT_RESOLVE, "The wall belongs to the railway", null, "Private land",
                "A referral to the railway office");

        FeedbackMessage chinese = new FeedbackTemplates("zh").render(facts);
        FeedbackMessage english = new FeedbackTemplates("en").render(facts);

        assertThat(chinese.subject()).contains("HL-20261123-000042").contains("辦理結果");
        assertThat(chinese.text()).contains("您的求助", "暫無法解決", "Private land", "A referral to the railway office");
        assertThat(english.text()).startsWith("Your request for help (case HL-20261123-000042) cannot be resolved")
                .contains("Why: Private land", "instead: A referral to the railway office");
    }

    @Test
    void whenAComplaintIsResolvedThenItsOwnWordingIsUsedAndMissingMeasuresReadAsNone() {
        FeedbackMessage message = new FeedbackTemplates("en").render(new FeedbackTemplates.Facts("HL-1",
                CaseKind.COMPLAINT, ResolutionOutcome.RESOLVED, "Rubbish collected", null, null, null));

        assertThat(message.text()).isEqualTo("Your complaint (case HL-1) has been dealt with: Rubbish collected. "
                + "Measures taken: none. We will call you to ask whether you are satisfied.");
    }

    @ParameterizedTest
    @EnumSource(ResolutionOutcome.class)
    void whenAnyOutcomeOfAnyKindIsRenderedThenEveryPlaceholderIsFilled(ResolutionOutcome outcome) {
        for (CaseKind kind : CaseKind.values()) {
            for (String language : new String[] { "zh", "en" }) {
                FeedbackMessage message = new FeedbackTemplates(language).render(new FeedbackTemplates.Facts("HL-1",
                        kind, outcome, "S", "M", "R", "A"));
                assertThat(message.text()).doesNotContain("{").contains("HL-1");
            }
        }
    }
}
