package org.hotline.reporting.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.hotline.reporting.ledger.CaseFacts;
import org.junit.jupiter.api.Test;

class KpiFormulasTests {

    @Test
    void whenCountersAreSummedThenEachRateIsItsCountOverItsBase() {
        Kpis k = KpiFormulas.of(Map.of("opened", 10L, "answer_timed", 8L, "answered_in_time", 6L, "resolved", 5L,
                "handled_right", 4L, "rated", 4L, "satisfied", 3L, "scored", 4L, "score_sum", 14L, "reopened", 1L));

        assertThat(k.answerTimeliness()).isEqualTo(new Kpis.Rate(6, 8, 0.75));
        assertThat(k.handlingAccuracy()).isEqualTo(new Kpis.Rate(4, 5, 0.8));
        assertThat(k.satisfactionRate().value()).isEqualTo(0.75);
        assertThat(k.meanScore()).isEqualTo(3.5);
        assertThat(k.reopenRate()).isEqualTo(new Kpis.Rate(1, 10, 0.1));
        assertThat(k.onTimeResolution()).isEqualTo(new Kpis.Rate(0, 0, null));
        assertThat(k.handlingTime()).isEqualTo(new Kpis.HandlingTime(0, null, null));
    }

    @Test
    void whenHandlingTimesFallInBinsThenTheP90IsInterpolatedInsideItsBin() {
        List<Integer> bounds = CaseFacts.HANDLING_BINS_HOURS;
        long[] bins = new long[bounds.size() + 1];
        bins[0] = 80; // under 1 h
        bins[3] = 20; // 8 to 24 h

        assertThat(KpiFormulas.percentile(bins, bounds, 0.9)).isCloseTo(16.0, within(1e-9));
    }

    @Test
    void whenTheP90FallsBeyondTheLastBoundThenItIsThatBound() {
        long[] bins = new long[CaseFacts.HANDLING_BINS_HOURS.size() + 1];
        bins[bins.length - 1] = 3;

        assertThat(KpiFormulas.percentile(bins, CaseFacts.HANDLING_BINS_HOURS, 0.9)).isEqualTo(720.0);
    }
}
