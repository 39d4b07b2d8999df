package org.hotline.reporting.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.hotline.events.HotlineEvent;
import org.hotline.events.Satisfaction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** The ledger's updates against the MongoDB stand-in, without Spring: duplicates and any arrival order. */
class LedgerStoreTests {

    static final Instant T0 = Instant.parse("2026-11-23T01:30:00Z");
    static final Instant NOW = T0.plus(CaseFlows.DAY.multipliedBy(4));

    static MongoServer server;
    static MongoClient client;
    static MongoTemplate mongo;

    LedgerStore store;

    @BeforeAll
    static void startStandIn() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://" + hostAndPort(server.bind()));
        mongo = new MongoTemplate(client, "reporting-service");
    }

    @AfterAll
    static void stopStandIn() {
        client.close();
        server.shutdownNow();
    }

    private static String hostAndPort(java.net.InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    @BeforeEach
    void emptyLedger() {
        mongo.remove(new Query(), LedgerDocument.COLLECTION);
        store = new LedgerStore(mongo);
    }

    LedgerCase ledgerAfter(List<HotlineEvent> arrivals) {
        mongo.remove(new Query(), LedgerDocument.COLLECTION);
        arrivals.forEach(store::apply);
        return LedgerCase.of(store.find(arrivals.get(0).caseId()).orElseThrow(), NOW);
    }

    static List<HotlineEvent> reversed(List<HotlineEvent> flow) {
        List<HotlineEvent> reversed = new ArrayList<>(flow);
        Collections.reverse(reversed);
        return reversed;
    }

    @Test
    void whenAFlowArrivesInOrderThenTheLedgerSummarisesIt() {
        List<HotlineEvent> flow = CaseFlows.satisfied("c-1", T0);

        LedgerCase ledger = ledgerAfter(flow);

        assertThat(ledger.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(ledger.trackingNumber()).isEqualTo("HL-20261123-000042");
        assertThat(ledger.answerTime()).hasSeconds(5);
        assertThat(ledger.department()).isEqualTo("SANITATION_BUREAU");
        assertThat(ledger.resolvedAt()).isEqualTo(T0.plus(CaseFlows.DAY));
        assertThat(ledger.satisfaction()).isEqualTo(Satisfaction.SATISFIED);
        assertThat(ledger.overdue()).isFalse();
        assertThat(ledger.timeline()).extracting(LedgerCase.Entry::type).containsExactly(
                "org.hotline.case.opened.v1", "org.hotline.case.assigned.v1", "org.hotline.case.accepted.v1",
                "org.hotline.case.resolved.v1", "org.hotline.feedback.delivered.v1",
                "org.hotline.callback.completed.v1", "org.hotline.case.closed.v1");
        assertThat(ledger.timeline()).extracting(LedgerCase.Entry::eventId)
                .containsExactlyElementsOf(flow.stream().map(e -> e.eventId().toString()).toList());
    }

    @Test
    void whenFactsArriveInAnyOrderAndTwiceThenTheLedgerIsTheSame() {
        List<HotlineEvent> flow = CaseFlows.troubled("c-2", T0);
        LedgerCase inOrder = ledgerAfter(flow);
        Random random = new Random(42);

        for (int round = 0; round < 30; round++) {
            List<HotlineEvent> arrivals = new ArrayList<>(flow);
            arrivals.addAll(flow.subList(0, random.nextInt(flow.size())));
            Collections.shuffle(arrivals, random);

            assertThat(ledgerAfter(arrivals)).as("arrivals %s", arrivals.stream().map(HotlineEvent::type).toList())
                    .isEqualTo(inOrder);
        }
        assertThat(ledgerAfter(reversed(flow))).isEqualTo(inOrder);
    }

    @Test
    void whenACaseWasReassignedThenTheLatestAssignmentCounts() {
        LedgerCase ledger = ledgerAfter(reversed(CaseFlows.troubled("c-3", T0)));

        assertThat(ledger.status()).isEqualTo(CaseStatus.ASSIGNED);
        assertThat(ledger.department()).isEqualTo("DISTRICT_OFFICE");
        assertThat(ledger.deadlines().resolveBy()).isEqualTo(T0.plus(CaseFlows.DAY.multipliedBy(10)));
        assertThat(ledger.rejections()).isEqualTo(1);
        assertThat(ledger.escalations()).isEqualTo(1);
        assertThat(ledger.reopens()).isEqualTo(1);
        assertThat(ledger.callbacks()).isEqualTo(1);
        assertThat(ledger.satisfaction()).isEqualTo(Satisfaction.UNSATISFIED);
        assertThat(ledger.timeline()).hasSize(11);
    }

    @Test
    void whenTheResolveByDeadlinePassedWithoutAResultThenTheCaseIsOverdue() {
        List<HotlineEvent> flow = CaseFlows.satisfied("c-4", T0).subList(0, 3);

        LedgerCase ledger = ledgerAfter(flow);

        assertThat(LedgerCase.of(store.find("c-4").orElseThrow(), T0.plus(CaseFlows.DAY.multipliedBy(6))).overdue())
                .isTrue();
        assertThat(ledger.status()).isEqualTo(CaseStatus.ACCEPTED);
        assertThat(ledger.overdue()).isFalse();
    }

    @Test
    void whenTheFirstFactsOfTwoCasesArriveThenEachCaseHasItsOwnLedger() {
        String one = UUID.randomUUID().toString();
        String two = UUID.randomUUID().toString();

        CaseFlows.satisfied(one, T0).forEach(store::apply);
        CaseFlows.troubled(two, T0).forEach(store::apply);

        assertThat(store.find(one).orElseThrow().timeline()).hasSize(7);
        assertThat(store.find(two).orElseThrow().timeline()).hasSize(11);
    }
}
