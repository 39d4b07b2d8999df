package org.hotline.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class AttributeAnswersTests {

    private final Open311Service other = new Open311Service("OTHER.GENERAL", "OTHER", "GENERAL", "Other: general",
            "", "", List.of(ServiceAttributes.URGENCY, ServiceAttributes.KIND));

    @Test
    void whenAttributesAreSentThenTheirValuesAreRead() {
        AttributeAnswers answers = AttributeAnswers.read(Map.of("attribute[urgency]", List.of("EMERGENCY"),
                "attribute[kind][]", List.of("SUGGESTION"), "description", List.of("x")), other);

        assertThat(answers.single("urgency")).contains("EMERGENCY");
        assertThat(answers.single("kind")).contains("SUGGESTION");
    }

    @Test
    void whenAnAttributeIsEmptyThenItCountsAsNotGiven() {
        AttributeAnswers answers = AttributeAnswers.read(Map.of("attribute[urgency]", List.of(" ")), other);
        assertThat(answers.single("urgency")).isEmpty();
    }

    @Test
    void whenTheServiceDoesNotAskThatQuestionThenItIsABadRequest() {
        assertThatThrownBy(() -> AttributeAnswers.read(Map.of("attribute[WHISPAWN]", List.of("123456")), other))
                .isInstanceOfSatisfying(Open311Exception.class,
                        ex -> assertThat(ex.status()).isEqualTo(HttpStatus.BAD_REQUEST))
                .hasMessageContaining("attribute[WHISPAWN]");
    }

    @Test
    void whenAValueIsNotInTheListThenTheErrorNamesTheAllowedKeys() {
        assertThatThrownBy(() -> AttributeAnswers.read(Map.of("attribute[urgency]", List.of("URGENT")), other))
                .isInstanceOf(Open311Exception.class).hasMessageContaining("NORMAL, COMPLEX, EMERGENCY")
                .hasMessageNotContaining("URGENT");
    }

    @Test
    void whenASingleValueListGetsSeveralValuesThenItIsABadRequest() {
        assertThatThrownBy(() -> AttributeAnswers.read(Map.of("attribute[urgency][]", List.of("NORMAL", "COMPLEX")),
                other)).isInstanceOf(Open311Exception.class).hasMessageContaining("one value");
    }

    @Test
    void whenARequiredAttributeIsMissingThenItIsABadRequest() {
        ServiceAttribute plate = new ServiceAttribute("plate", "string", true, "Number plate", 1, List.of());
        Open311Service parking = new Open311Service("PARKING", "PARKING", null, "Parking", "", "", List.of(plate));

        assertThatThrownBy(() -> AttributeAnswers.read(Map.of(), parking)).isInstanceOf(Open311Exception.class)
                .hasMessageContaining("attribute[plate] is required");
        assertThat(AttributeAnswers.read(Map.of("attribute[plate]", List.of("A 123")), parking).single("plate"))
                .contains("A 123");
    }
}
