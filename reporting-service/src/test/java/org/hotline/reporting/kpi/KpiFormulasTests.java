package org.hotline.reporting.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.hotline.events.Channel;
import org.hotline.events.Satisfaction;
import org.junit.jupiter.api.Test;

class KpiFormulasTests {

    static final Instant T0 = Instant.parse("2026-11-23T01:30:00Z");
    static final Duration THRESHOLD = Duration.ofSeconds(15);

    /** A phone case answered after the given seconds, not resolved yet. */
    static KpiCase call(String department, long answerSeconds) {
        return new KpiCase(department, Channel.PHONE, T0, T0.plusSeconds(answerSeconds), false, null, null, null,
                null, null, 0, 0, 0);
    }

    static KpiCase resolved(KpiCase c, Instant resolvedAt, Instant resolveBy) {
        return new KpiCase(c.department(), c.channel(), c.ringStartedAt(), c.answeredAt(), c.anonymous(),
                c.assignedAt(), resolvedAt, resolveBy, c.closedAt(), c.satisfaction(), c.escalations(), c.bounces(),
                c.reopens());
    }

    static KpiCase calledBack(KpiCase c, Satisfaction satisfaction) {
        return new KpiCase(c.department(), c.channel(), c.ringStartedAt(), c.answeredAt(), c.anonymous(),
                c.assignedAt(), c.resolvedAt(), c.resolveBy(), c.resolvedAt(), satisfaction, c.escalations(),
                c.bounces(), c.reopens());
    }

    @Test
    void whenCallsAreAnsweredWithinTheThresholdThenTheyCountAsTimely() {
        List<KpiCase> cases = List.of(call("A", 5), call("A", 15), call("A", 16),
                new KpiCase("A", Channel.WEB, null, null, false, null, null, null, null, null, 0, 0, 0),
                new KpiCase("A", Channel.PHONE, T0, null, false, null, null, null, null, null, 0, 0, 0));

        Kpis kpis = KpiFormulas.of(cases, THRESHOLD);

        assertThat(kpis.opened()).isEqualTo(5);
        assertThat(kpis.answerTimeliness()).isEqualTo(new Kpis.Rate(2, 3, 2.0 / 3));
    }

    @Test
    void whenACaseIsResolvedAtItsDeadlineThenItIsOnTime() {
        Instant due = T0.plus(Duration.ofDays(5));
        List<KpiCase> cases = List.of(resolved(call("A", 5), due, due), resolved(call("A", 5), due.plusSeconds(1), due),
                resolved(call("A", 5), T0, null), call("A", 5));

        Kpis kpis = KpiFormulas.of(cases, THRESHOLD);

        assertThat(kpis.resolved()).isEqualTo(3);
        assertThat(kpis.onTimeResolution()).isEqualTo(new Kpis.Rate(1, 2, 0.5));
    }

    @Test
    void whenAReopenedCaseWasAssignedAgainThenItsEarlierResultNoLongerCounts() {
        Instant reassigned = T0.plus(Duration.ofDays(3));
        KpiCase reopened = new KpiCase("A", Channel.WEB, null, null, false, reassigned, T0.plus(Duration.ofDays(2)),
                reassigned.plus(Duration.ofDays(5)), null, Satisfaction.UNSATISFIED, 0, 0, 1);

        Kpis kpis = KpiFormulas.of(List.of(reopened), THRESHOLD);

        assertThat(kpis.resolved()).isZero();
        assertThat(kpis.onTimeResolution().outOf()).isZero();
        assertThat(kpis.satisfaction()).isEqualTo(new Kpis.Rate(0, 1, 0.0));
    }

    @Test
    void whenCallersAreSatisfiedOrBasicallySatisfiedThenTheyCountAsSatisfied() {
        KpiCase done = resolved(call("A", 5), T0.plusSeconds(60), null);
        List<KpiCase> cases = List.of(calledBack(done, Satisfaction.SATISFIED),
                calledBack(done, Satisfaction.BASICALLY_SATISFIED), calledBack(done, Satisfaction.UNSATISFIED),
                calledBack(done, Satisfaction.NOT_REACHED), done);

        Kpis kpis = KpiFormulas.of(cases, THRESHOLD);

        assertThat(kpis.satisfaction()).isEqualTo(new Kpis.Rate(2, 3, 2.0 / 3));
        assertThat(kpis.callbackRate()).isEqualTo(new Kpis.Rate(3, 5, 0.6));
        assertThat(kpis.closed()).isEqualTo(4);
    }

    @Test
    void whenACallerIsAnonymousThenNoCallbackIsExpected() {
        KpiCase anonymous = new KpiCase(null, Channel.WEB, null, null, true, null, T0, null, null, null, 0, 0, 0);

        Kpis kpis = KpiFormulas.of(List.of(anonymous), THRESHOLD);

        assertThat(kpis.callbackRate()).isEqualTo(new Kpis.Rate(0, 0, null));
    }

    @Test
    void whenThereAreNoCasesThenEveryRateIsUnknownRatherThanZero() {
        Kpis kpis = KpiFormulas.of(List.of(), THRESHOLD);

        assertThat(kpis.opened()).isZero();
        assertThat(List.of(kpis.answerTimeliness(), kpis.onTimeResolution(), kpis.satisfaction(),
                kpis.callbackRate())).allSatisfy(rate -> assertThat(rate.value()).isNull());
    }

    @Test
    void whenCasesWereEscalatedBouncedAndReopenedThenEveryOccurrenceCounts() {
        List<KpiCase> cases = List.of(
                new KpiCase("A", Channel.WEB, null, null, false, null, null, null, null, null, 2, 1, 0),
                new KpiCase("B", Channel.WEB, null, null, false, null, null, null, null, null, 1, 3, 2));

        Kpis kpis = KpiFormulas.of(cases, THRESHOLD);

        assertThat(kpis.escalations()).isEqualTo(3);
        assertThat(kpis.bounces()).isEqualTo(4);
        assertThat(kpis.reopens()).isEqualTo(2);
    }

    @Test
    void whenCasesBelongToDepartmentsThenEachDepartmentHasItsOwnFigures() {
        List<KpiCase> cases = List.of(call("WATER", 5), call("WATER", 30), call("ROADS", 5), call(null, 5));

        Map<String, Kpis> kpis = KpiFormulas.byDepartment(cases, THRESHOLD);

        assertThat(kpis).containsOnlyKeys("WATER", "ROADS", KpiFormulas.NO_DEPARTMENT);
        assertThat(kpis.keySet()).containsExactly(KpiFormulas.NO_DEPARTMENT, "ROADS", "WATER");
        assertThat(kpis.get("WATER").opened()).isEqualTo(2);
        assertThat(kpis.get("WATER").answerTimeliness().value()).isEqualTo(0.5);
        assertThat(kpis.get("ROADS").answerTimeliness().value()).isEqualTo(1.0);
    }
}
