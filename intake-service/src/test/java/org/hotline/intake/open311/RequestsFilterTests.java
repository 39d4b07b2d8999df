package org.hotline.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.hotline.intake.caseintake.CaseStatus;
import org.hotline.intake.caseintake.PublicCaseQuery;
import org.hotline.intake.caseintake.PublicCaseQuery.Classification;
import org.junit.jupiter.api.Test;

class RequestsFilterTests {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Duration SPAN = Duration.ofDays(90);

    private static PublicCaseQuery parse(String ids, String codes, String start, String end, String statuses) {
        return RequestsFilter.parse(ids, codes, start, end, statuses, NOW, SPAN, 1000);
    }

    @Test
    void whenNothingIsGivenThenTheLast90DaysAreSearchedForAtMost1000Requests() {
        PublicCaseQuery query = parse(null, null, null, null, null);

        assertThat(query.receivedFrom()).isEqualTo(NOW.minus(SPAN));
        assertThat(query.receivedUntil()).isEqualTo(NOW);
        assertThat(query.limit()).isEqualTo(1000);
        assertThat(query.statuses()).isEmpty();
        assertThat(query.classifications()).isEmpty();
    }

    @Test
    void whenTheSpecsSampleQueryIsGivenThenItsRangeAndStatusAreSearched() {
        PublicCaseQuery query = parse(null, null, "2010-05-24T00:00:00Z", "2010-06-24T00:00:00Z", "open");

        assertThat(query.receivedFrom()).isEqualTo(Instant.parse("2010-05-24T00:00:00Z"));
        assertThat(query.receivedUntil()).isEqualTo(Instant.parse("2010-06-24T00:00:00Z"));
        assertThat(query.statuses()).containsExactly(CaseStatus.OPEN);
    }

    @Test
    void whenOnlyOneEndIsGivenThenTheRangeSpans90DaysFromIt() {
        assertThat(parse(null, null, "2026-01-01T00:00:00+08:00", null, null).receivedUntil())
                .isEqualTo(Instant.parse("2025-12-31T16:00:00Z").plus(SPAN));
        assertThat(parse(null, null, null, "2026-06-01T00:00:00Z", null).receivedFrom())
                .isEqualTo(Instant.parse("2026-06-01T00:00:00Z").minus(SPAN));
    }

    @Test
    void whenTheRangeSpansMoreThan90DaysThenItIsABadRequest() {
        assertThatThrownBy(() -> parse(null, null, "2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z", null))
                .isInstanceOf(Open311Exception.class).hasMessageContaining("90 days");
    }

    @Test
    void whenTheEndIsBeforeTheStartThenItIsABadRequest() {
        assertThatThrownBy(() -> parse(null, null, "2026-06-01T00:00:00Z", "2026-05-01T00:00:00Z", null))
                .isInstanceOf(Open311Exception.class).hasMessageContaining("end_date");
    }

    @Test
    void whenADateIsNotW3ThenItIsABadRequest() {
        assertThatThrownBy(() -> parse(null, null, "yesterday", null, null)).isInstanceOf(Open311Exception.class)
                .hasMessageContaining("start_date");
        assertThatThrownBy(() -> parse(null, null, null, "2026-06-01T00:00:00", null))
                .isInstanceOf(Open311Exception.class).hasMessageContaining("end_date");
    }

    @Test
    void whenADateHasNoTimeThenTheWholeDayCounts() {
        PublicCaseQuery query = parse(null, null, "2026-06-01", "2026-06-02", null);
        assertThat(query.receivedFrom()).isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));
        assertThat(query.receivedUntil()).isAfter(Instant.parse("2026-06-02T23:59:59Z"));
    }

    @Test
    void whenServiceCodesAndStatusesAreCommaSeparatedThenEachCounts() {
        PublicCaseQuery query = parse(null, "PUBLIC_HEALTH.SANITATION,OTHER", null, null, "open,closed");

        assertThat(query.classifications()).containsExactly(new Classification("PUBLIC_HEALTH", "SANITATION"),
                new Classification("OTHER", null));
        assertThat(query.statuses()).containsExactlyInAnyOrder(CaseStatus.OPEN, CaseStatus.RESOLVED_ON_THE_SPOT,
                CaseStatus.RESOLVED, CaseStatus.CLOSED);
    }

    @Test
    void whenServiceRequestIdsAreGivenThenTheyOverrideEverythingElse() {
        PublicCaseQuery query = parse("HL-20261123-000001, HL-20261123-000002", "OTHER", "nonsense", null, "bad");

        assertThat(query.trackingNumbers()).containsExactly("HL-20261123-000001", "HL-20261123-000002");
        assertThat(query.classifications()).isEmpty();
        assertThat(query.statuses()).isEmpty();
    }
}
