package org.hotline.intake.caseintake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** Tracking numbers taken in blocks, by several instances and across restarts, on the MongoDB stand-in. */
class TrackingNumbersTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 08:00 in Shanghai on 2026-11-20. */
    static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");

    MongoServer server;
    MongoClient client;
    MongoTemplate mongo;

    @BeforeEach
    void startStandIn() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        mongo = new MongoTemplate(client, "intake");
    }

    @AfterEach
    void stopStandIn() {
        client.close();
        server.shutdownNow();
    }

    TrackingNumbers instance(int blockSize) {
        return new TrackingNumbers(mongo, SHANGHAI, blockSize);
    }

    long counter(String day) {
        return mongo.findById("tracking-" + day, Document.class, "counters").get("value", Number.class).longValue();
    }

    @Test
    void whenNumbersAreHandedOutThenTheStoreIsAskedOncePerBlock() {
        TrackingNumbers numbers = instance(3);

        List<String> handedOut = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            handedOut.add(numbers.next(T0.plusSeconds(i)));
        }

        assertThat(handedOut).containsExactly("HL-20261120-000001", "HL-20261120-000002", "HL-20261120-000003",
                "HL-20261120-000004");
        assertThat(counter("20261120")).as("two blocks of three taken").isEqualTo(6);
    }

    @Test
    void whenTwoInstancesAndARestartHandOutNumbersThenNoneIsHandedOutTwiceAndTheUnusedRestAreGaps() {
        TrackingNumbers first = instance(5);
        TrackingNumbers second = instance(5);
        List<String> handedOut = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            handedOut.add(first.next(T0));
            handedOut.add(second.next(T0));
        }
        // the first instance restarts: what was left of its block is never handed out
        TrackingNumbers restarted = instance(5);
        for (int i = 0; i < 7; i++) {
            handedOut.add(restarted.next(T0));
            handedOut.add(second.next(T0));
        }

        assertThat(new HashSet<>(handedOut)).hasSize(handedOut.size());
        assertThat(handedOut).startsWith("HL-20261120-000001", "HL-20261120-000006", "HL-20261120-000002");
        assertThat(handedOut).doesNotContain("HL-20261120-000014", "HL-20261120-000015");
        assertThat(counter("20261120")).isEqualTo(35);
    }

    @Test
    void whenInstancesRaceForBlocksThenEveryNumberIsUnique() throws Exception {
        List<TrackingNumbers> instances = List.of(instance(7), instance(7), instance(7));
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                TrackingNumbers numbers = instances.get(t % instances.size());
                results.add(threads.submit(() -> {
                    List<String> mine = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        mine.add(numbers.next(T0));
                    }
                    return mine;
                }));
            }
            Set<String> all = new HashSet<>();
            for (Future<List<String>> result : results) {
                all.addAll(result.get());
            }
            assertThat(all).hasSize(300);
        }
        finally {
            threads.shutdownNow();
        }
    }

    @Test
    void whenTheLocalDayChangesThenItsSequenceStartsAtOneWhateverIsLeftOfTheBlock() {
        TrackingNumbers numbers = instance(100);
        numbers.next(T0);
        numbers.next(T0);

        // 16:00 UTC is midnight in Shanghai
        assertThat(numbers.next(Instant.parse("2026-11-20T15:59:59Z"))).isEqualTo("HL-20261120-000003");
        assertThat(numbers.next(Instant.parse("2026-11-20T16:00:00Z"))).isEqualTo("HL-20261121-000001");
        assertThat(numbers.next(Instant.parse("2026-11-20T16:00:01Z"))).isEqualTo("HL-20261121-000002");
    }

    @Test
    void whenTheCounterWasAdvancedOneByOneBeforeThenBlocksContinueAfterIt() {
        // an older version of the service took one number at a time
        mongo.save(new Document("_id", "tracking-20261120").append("value", 41L), "counters");

        assertThat(instance(10).next(T0)).isEqualTo("HL-20261120-000042");
    }
}
