package org.hotline.intake.caseintake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** The possible-duplicate lookup, on the MongoDB stand-in. */
class RecentCallsTests {

    static final Duration WINDOW = Duration.ofDays(7);
    static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    MongoServer server;
    MongoClient client;
    MongoTemplate mongo;
    RecentCalls recentCalls;

    @BeforeEach
    void startStandIn() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        mongo = new MongoTemplate(client, "intake");
        recentCalls = new RecentCalls(mongo, WINDOW);
    }

    @AfterEach
    void stopStandIn() {
        client.close();
        server.shutdownNow();
    }

    /** Opens a case as intake does: record it (which returns the earlier calls), then pull out expired calls. */
    List<String> open(String phoneIndex, String category, String caseId, Instant now) {
        RecentCalls.Recent recent = recentCalls.record(phoneIndex, category, caseId, now, now);
        recentCalls.pullExpired(recent);
        return recent.caseIds();
    }

    List<String> stored(String id) {
        return mongo.findById(id, Document.class, RecentCalls.COLLECTION).getList("calls", Document.class).stream()
                .map(call -> call.getString("caseId")).toList();
    }

    @Test
    void whenTheSameCallerCallsAgainInTheSameCategoryWithinTheWindowThenEveryEarlierCaseIsAHint() {
        assertThat(open("phone-a", "WORK", "case-1", T0)).isEmpty();
        assertThat(open("phone-a", "WORK", "case-2", T0.plus(Duration.ofDays(1)))).containsExactly("case-1");
        assertThat(open("phone-a", "WORK", "case-3", T0.plus(Duration.ofDays(2))))
                .containsExactly("case-1", "case-2");
    }

    @Test
    void whenAnotherCategoryOrAnotherCallerThenNoHint() {
        open("phone-a", "WORK", "case-1", T0);

        assertThat(open("phone-a", "POLICY", "case-2", T0.plusSeconds(60))).isEmpty();
        assertThat(open("phone-b", "WORK", "case-3", T0.plusSeconds(60))).isEmpty();
    }

    @Test
    void whenAnEarlierCaseIsOlderThanTheWindowThenItIsNoHintAndIsPulledOutOnTheNextCall() {
        open("phone-a", "WORK", "case-1", T0);
        open("phone-a", "WORK", "case-2", T0.plus(Duration.ofDays(3)));

        // exactly the window after case-1: like the earlier "received after now minus window" query, it is out
        assertThat(open("phone-a", "WORK", "case-3", T0.plus(WINDOW))).containsExactly("case-2");

        assertThat(stored("phone-a|WORK")).containsExactly("case-2", "case-3");
        assertThat(open("phone-a", "WORK", "case-4", T0.plus(Duration.ofDays(30)))).isEmpty();
        assertThat(stored("phone-a|WORK")).containsExactly("case-4");
    }

    @Test
    void theWindowCountsFromWhenTheEarlierCaseWasReceivedNotWhenItWasEntered() {
        // a case entered today for a call received eight days ago is outside the window of a call today
        recentCalls.record("phone-a", "WORK", "late-entry", T0.minus(Duration.ofDays(8)), T0);

        assertThat(open("phone-a", "WORK", "case-2", T0.plusSeconds(60))).isEmpty();
    }

    @Test
    void whenARecordedCaseIsForgottenThenLaterCallsAreNotHintedAtIt() {
        open("phone-a", "WORK", "case-1", T0);
        RecentCalls.Recent retry = recentCalls.record("phone-a", "WORK", "retry", T0.plusSeconds(5),
                T0.plusSeconds(5));

        recentCalls.forget(retry, "retry");

        assertThat(retry.caseIds()).containsExactly("case-1");
        assertThat(open("phone-a", "WORK", "case-2", T0.plusSeconds(60))).containsExactly("case-1");
        assertThat(stored("phone-a|WORK")).containsExactly("case-1", "case-2");
    }
}
