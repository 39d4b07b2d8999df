package org.hotline.reporting.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hotline.events.HotlineEvent;
import org.hotline.reporting.ledger.CaseFacts.BucketFacts;
import org.hotline.reporting.ledger.CaseFacts.Counter;
import org.hotline.reporting.ledger.CaseFacts.Grain;
import org.junit.jupiter.api.Test;

class CaseFactsTests {

    static final Instant T0 = Instant.parse("2026-11-02T20:30:00Z");
    static final CaseFacts.Settings SETTINGS = new CaseFacts.Settings(Duration.ofSeconds(15), Duration.ofMinutes(5),
            ZoneId.of("Asia/Shanghai"));

    static Map<Counter, Long> counters(List<HotlineEvent> flow) {
        return CaseFacts.counters(CaseHistory.fold("c", flow, null), SETTINGS);
    }

    @Test
    void whenACaseWentWellThenItCountsAsTimelyAccurateAndSatisfied() {
        Map<Counter, Long> n = counters(CaseFlows.satisfied("c", T0));

        assertThat(n).containsEntry(Counter.OPENED, 1L).containsEntry(Counter.ANSWERED_IN_TIME, 1L)
                .containsEntry(Counter.ACCEPTANCE_DUE, 1L).containsEntry(Counter.ACCEPTED_ON_TIME, 1L)
                .containsEntry(Counter.RESOLVED_ON_TIME, 1L).containsEntry(Counter.HANDLED_RIGHT, 1L)
                .containsEntry(Counter.FEEDBACK_ON_TIME, 1L).containsEntry(Counter.CALLED_BACK, 1L)
                .containsEntry(Counter.SATISFIED, 1L).containsEntry(Counter.SCORE_SUM, 5L)
                .containsEntry(Counter.RESPONDED, 1L).containsEntry(Counter.SOLVED_FOR_CALLER, 1L)
                .containsEntry(Counter.BACKLOG, 0L).containsEntry(Counter.CLOSED, 1L)
                .containsEntry(Counter.HANDLING_SECONDS, 86_400L).containsEntry(Counter.H4, 1L);
    }

    @Test
    void whenACaseWentBadlyThenItCountsAgainstEveryRateConcerned() {
        Map<Counter, Long> n = counters(CaseFlows.troubled("c", T0));

        assertThat(n).containsEntry(Counter.ANSWER_TIMED, 1L).containsEntry(Counter.ANSWERED_IN_TIME, 0L)
                .containsEntry(Counter.ACCEPTANCE_DUE, 2L).containsEntry(Counter.ACCEPTED_ON_TIME, 1L)
                .containsEntry(Counter.RESOLVED, 0L).containsEntry(Counter.BACKLOG, 1L)
                .containsEntry(Counter.OVERDUE, 0L).containsEntry(Counter.RATED, 1L)
                .containsEntry(Counter.SATISFIED, 0L).containsEntry(Counter.REOPENED, 1L)
                .containsEntry(Counter.BOUNCES, 1L).containsEntry(Counter.ESCALATIONS, 1L)
                .containsEntry(Counter.RESPONDED, 0L);
    }

    @Test
    void whenTheLadderDeclaresTheCurrentDeadlinePassedThenTheBacklogCaseIsOverdue() {
        List<HotlineEvent> flow = new ArrayList<>(CaseFlows.troubled("c", T0).subList(0, 7));

        assertThat(counters(flow)).containsEntry(Counter.BACKLOG, 1L).containsEntry(Counter.OVERDUE, 1L);
    }

    @Test
    void whenACaseIsOpenedThenItCountsInTheBucketsOfItsDayInTheReportingZone() {
        List<BucketFacts> buckets = CaseFacts.of(CaseHistory.fold("c", CaseFlows.satisfied("c", T0), null),
                List.of("rubbish", "collected"), SETTINGS);

        List<String> daily = List.of("TOTAL|2026-11-03|all", "DEPARTMENT|2026-11-03|SANITATION_BUREAU",
                "CATEGORY|2026-11-03|PUBLIC_HEALTH", "CHANNEL|2026-11-03|PHONE",
                "OPERATOR|2026-11-03|op-7",
                "AREA|2026-11-03|110101", "KEYWORD|2026-11-03|rubbish", "KEYWORD|2026-11-03|collected");
        assertThat(buckets).filteredOn(b -> !b.monthly()).extracting(BucketFacts::bucketId)
                .containsExactlyInAnyOrderElementsOf(daily);
        assertThat(buckets).filteredOn(BucketFacts::monthly).extracting(BucketFacts::bucketId)
                .containsExactlyInAnyOrderElementsOf(daily.stream().map(id -> id.replace("2026-11-03", "2026-11"))
                        .toList());
        assertThat(buckets).filteredOn(b -> b.grain() == Grain.KEYWORD)
                .allSatisfy(b -> assertThat(b.counters()).isEqualTo(Map.of("opened", 1L)));
    }

    @Test
    void whenTheOpeningFactIsMissingThenTheCaseCountsNowhereYet() {
        List<HotlineEvent> flow = CaseFlows.satisfied("c", T0).subList(1, 7);

        assertThat(CaseFacts.of(CaseHistory.fold("c", flow, null), List.of(), SETTINGS)).isEmpty();
    }

    @Test
    void whenTheCaseMovesBetweenDepartmentsThenTheDifferenceTakesItOutOfOneBucketAndIntoTheOther() {
        List<HotlineEvent> flow = CaseFlows.troubled("c", T0);
        List<BucketFacts> before = CaseFacts.of(CaseHistory.fold("c", flow.subList(0, 2), null), List.of(),
                SETTINGS);
        List<BucketFacts> after = CaseFacts.of(CaseHistory.fold("c", flow.subList(0, 4), null), List.of(), SETTINGS);

        List<LedgerDocument.BucketDelta> deltas = LedgerStore.difference(2, before, after);

        assertThat(deltas).filteredOn(d -> d.bucketId().equals("DEPARTMENT|2026-11-03|HOUSING_OFFICE"))
                .singleElement().satisfies(d -> assertThat(d.inc()).containsEntry("opened", -1L));
        assertThat(deltas).filteredOn(d -> d.bucketId().equals("DEPARTMENT|2026-11-03|DISTRICT_OFFICE"))
                .singleElement().satisfies(d -> assertThat(d.inc()).containsEntry("opened", 1L)
                        .containsEntry("bounces", 1L));
        assertThat(deltas).filteredOn(d -> d.bucketId().equals("CHANNEL|2026-11-03|PHONE")).singleElement()
                .satisfies(d -> assertThat(d.inc()).isEqualTo(Map.of("bounces", 1L, "acceptance_due", 1L)));
    }
}
