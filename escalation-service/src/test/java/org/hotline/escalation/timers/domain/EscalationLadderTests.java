package org.hotline.escalation.timers.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;

class EscalationLadderTests {

    @Test
    void whenLevelsClimbThenEachGoesOneRungUpAndTheLastRungTakesTheRest() {
        EscalationLadder ladder = EscalationLadder.standard();

        assertThat(ladder.recipient(1)).isEqualTo("DEPARTMENT_HEAD");
        assertThat(ladder.recipient(2)).isEqualTo("HOTLINE_SUPERVISOR");
        assertThat(ladder.recipient(3)).isEqualTo("LEADERSHIP");
        assertThat(ladder.recipient(7)).isEqualTo("LEADERSHIP");
    }

    @Test
    void whenTheLadderIsConfiguredThenItsRungsAreUsed() {
        EscalationLadder ladder = new EscalationLadder(List.of("SECTION_CHIEF"));

        assertThat(ladder.recipient(1)).isEqualTo("SECTION_CHIEF");
        assertThat(ladder.recipient(2)).isEqualTo("SECTION_CHIEF");
    }

    @Test
    void whenTheLadderIsEmptyOrTheLevelIsBelowOneThenItIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new EscalationLadder(List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> new EscalationLadder(List.of(" ")));
        assertThatIllegalArgumentException().isThrownBy(() -> EscalationLadder.standard().recipient(0));
    }
}
