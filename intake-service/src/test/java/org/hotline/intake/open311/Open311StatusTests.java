package org.hotline.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hotline.intake.caseintake.CaseStatus;
import org.junit.jupiter.api.Test;

class Open311StatusTests {

    @Test
    void whenACaseIsOpenThenItsRequestIsOpen() {
        assertThat(Open311Status.of(CaseStatus.OPEN).wire()).isEqualTo("open");
    }

    @Test
    void whenADepartmentResolvedOrTheCallbackClosedTheCaseThenItsRequestIsClosedUntilReopened() {
        assertThat(Open311Status.of(CaseStatus.RESOLVED).wire()).isEqualTo("closed");
        assertThat(Open311Status.of(CaseStatus.CLOSED).wire()).isEqualTo("closed");
        assertThat(Open311Status.of(CaseStatus.OPEN).wire()).isEqualTo("open");
    }

    @Test
    void whenACaseWasAnsweredOnTheSpotThenItsRequestIsClosed() {
        assertThat(Open311Status.of(CaseStatus.RESOLVED_ON_THE_SPOT).wire()).isEqualTo("closed");
    }

    @Test
    void whenAStatusFilterIsReadThenItNamesTheCaseStatuses() {
        assertThat(Open311Status.parse("closed").caseStatuses()).containsExactlyInAnyOrder(
                CaseStatus.RESOLVED_ON_THE_SPOT, CaseStatus.RESOLVED, CaseStatus.CLOSED);
        assertThat(Open311Status.parse(" Open ").caseStatuses()).containsExactly(CaseStatus.OPEN);
    }

    @Test
    void whenAStatusIsUnknownThenItIsABadRequest() {
        assertThatThrownBy(() -> Open311Status.parse("pending")).isInstanceOf(Open311Exception.class)
                .hasMessageContaining("open or closed");
    }
}
