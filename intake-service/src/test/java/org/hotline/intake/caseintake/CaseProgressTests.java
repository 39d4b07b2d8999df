package org.hotline.intake.caseintake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.hotline.events.CaseKind;
import org.hotline.events.Channel;
import org.hotline.events.EventEnvelope;
import org.hotline.events.FeedbackChannel;
import org.hotline.events.Urgency;
import org.hotline.events.feedback.CaseClosed;
import org.hotline.events.feedback.CaseOutcome;
import org.hotline.events.feedback.CaseReopened;
import org.hotline.events.feedback.CaseResolved;
import org.hotline.events.feedback.ResolutionOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** The front desk's view of a case as events from elsewhere arrive, in any order and more than once. */
class CaseProgressTests {

    static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    static final String CASE = "case-1";

    MongoServer server;
    MongoClient client;
    MongoTemplate mongo;
    CaseProgress progress;
    EventEnvelope opened;

    @BeforeEach
    void startStandInWithACase() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        mongo = new MongoTemplate(client, "intake");
        progress = new CaseProgress(mongo);
        NewCaseRequest request = new NewCaseRequest(Channel.PHONE, CaseKind.COMPLAINT, "LIVING", null,
                Urgency.NORMAL, "Rubbish not collected", new NewCaseRequest.Caller(null, null, null, null, true, null),
                null, List.of(), "op-7", null, null, null, null, null, null, false);
        EncryptedCaller caller = new EncryptedCaller("cr-1", null, null, null, null, null, true,
                FeedbackChannel.SMS, null, null, null);
        mongo.insert(CaseFile.open(CASE, "HL-20261120-000001", null, request, caller, null, List.of(), T0));
        opened = EventEnvelope.first(CASE, T0, CaseFile.SOURCE);
    }

    @AfterEach
    void stopStandIn() {
        client.close();
        server.shutdownNow();
    }

    CaseResolved resolved(Instant at) {
        return new CaseResolved(EventEnvelope.causedBy(opened, at, "feedback-service"), "FACILITIES",
                ResolutionOutcome.RESOLVED, "Bins emptied", null, null, null, List.of(), null, List.of(), false);
    }

    CaseReopened reopened(Instant at) {
        return new CaseReopened(EventEnvelope.causedBy(opened, at, "feedback-service"), "FACILITIES", "still there",
                1, false);
    }

    CaseClosed closed(Instant at) {
        return new CaseClosed(EventEnvelope.causedBy(opened, at, "feedback-service"), CaseOutcome.SATISFIED);
    }

    CaseFile stored() {
        return mongo.findById(CASE, CaseFile.class);
    }

    Document raw() {
        return mongo.getCollection("cases").find(new Document("_id", CASE)).first();
    }

    @Test
    void whenResolvedReopenedAndClosedInOrderThenEachChangeIsApplied() {
        progress.resolved(resolved(T0.plusSeconds(60)));
        assertThat(stored().getStatus()).isEqualTo(CaseStatus.RESOLVED);
        assertThat(stored().getResolvedBy()).isEqualTo("FACILITIES");
        assertThat(stored().getResolutionSummary()).isEqualTo("Bins emptied");

        progress.reopened(reopened(T0.plusSeconds(120)));
        assertThat(stored().getStatus()).isEqualTo(CaseStatus.OPEN);
        assertThat(stored().getStatusChangedAt()).isEqualTo(T0.plusSeconds(120));

        progress.closed(closed(T0.plusSeconds(180)));
        assertThat(stored().getStatus()).isEqualTo(CaseStatus.CLOSED);
        assertThat(stored().getOutcome()).isEqualTo("SATISFIED");
    }

    @Test
    void whenAnEventArrivesAgainThenNothingIsWritten() {
        CaseResolved resolution = resolved(T0.plusSeconds(60));
        progress.resolved(resolution);
        Document once = raw();

        progress.resolved(resolution);

        assertThat(raw()).isEqualTo(once);
        assertThat(once.getList("handledEventIds", String.class)).containsExactly(resolution.eventId().toString());
    }

    @Test
    void whenAnOlderEventArrivesAfterALaterChangeThenItChangesNothing() {
        progress.reopened(reopened(T0.plusSeconds(120)));
        Document before = raw();

        progress.resolved(resolved(T0.plusSeconds(60)));

        assertThat(raw()).isEqualTo(before);
        assertThat(stored().getStatus()).isEqualTo(CaseStatus.OPEN);
    }

    @Test
    void whenClosedArrivesBeforeTheResolutionThenTheCaseStaysClosed() {
        progress.closed(closed(T0.plusSeconds(180)));
        progress.resolved(resolved(T0.plusSeconds(60)));
        progress.reopened(reopened(T0.plusSeconds(240)));
        progress.closed(closed(T0.plusSeconds(300)));

        assertThat(stored().getStatus()).isEqualTo(CaseStatus.CLOSED);
        assertThat(stored().getStatusChangedAt()).isEqualTo(T0.plusSeconds(180));
        assertThat(stored().getResolvedBy()).isNull();
    }

    @Test
    void whenTheResolutionWasOnTheSpotThenIntakeAlreadyKnowsAndNothingIsWritten() {
        Document before = raw();
        CaseResolved onTheSpot = new CaseResolved(EventEnvelope.causedBy(opened, T0, "feedback-service"), null,
                ResolutionOutcome.ANSWERED, "Answered", null, null, null, List.of(), null, List.of(), true);

        progress.resolved(onTheSpot);

        assertThat(raw()).isEqualTo(before);
    }

    @Test
    void whenAnEventIsAppliedThenAVersionedSaveOfAnOlderCopyFails() {
        CaseFile older = stored();

        progress.resolved(resolved(T0.plusSeconds(60)));

        assertThat(stored().getVersion()).isEqualTo(older.getVersion() + 1);
        assertThatThrownBy(() -> mongo.save(older)).isInstanceOf(OptimisticLockingFailureException.class);
    }

    @Test
    void whenManyEventsWereHandledThenOnlyTheLatestIdsAreRemembered() {
        CaseReopened first = reopened(T0.plusSeconds(1));
        progress.reopened(first);
        CaseReopened last = null;
        for (int i = 2; i <= 501; i++) {
            last = reopened(T0.plusSeconds(i));
            progress.reopened(last);
        }

        List<String> handled = raw().getList("handledEventIds", String.class);
        assertThat(handled).hasSize(500).doesNotContain(first.eventId().toString())
                .endsWith(last.eventId().toString());
    }
}
