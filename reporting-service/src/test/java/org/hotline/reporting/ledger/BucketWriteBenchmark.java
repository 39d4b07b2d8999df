package org.hotline.reporting.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * For the KPI benchmark: how fast the bucket writer applies case changes to a store (the projection's share of the
 * write cost; the ledger document's read and replace come on top). Each change is a whole case's contribution,
 * applied in groups as the bucket flusher applies the changes of its consumer threads.
 */
public final class BucketWriteBenchmark {

    private BucketWriteBenchmark() {
    }

    /**
     * Applies the changes of {@code count} synthetic cases opened in the 30 days from {@code start}, {@code group} at
     * a time.
     */
    public static double changesPerSecond(MongoTemplate mongo, Generation generation, int count, int group,
            Instant start, CaseFacts.Settings settings) {
        BucketWriter writer = new BucketWriter(mongo, Clock.systemUTC(), new BucketWrites());
        Map<String, List<LedgerDocument.BucketDelta>> changes = new LinkedHashMap<>();
        int[] n = new int[1];
        SyntheticCases.generate(count, start, Duration.ofDays(30), 7, settings,
                facts -> changes.put("write-bench-" + n[0]++, LedgerStore.difference(1, List.of(), facts)));
        long began = System.nanoTime();
        Map<String, List<LedgerDocument.BucketDelta>> batch = new LinkedHashMap<>();
        for (Map.Entry<String, List<LedgerDocument.BucketDelta>> c : changes.entrySet()) {
            batch.put(c.getKey(), c.getValue());
            if (batch.size() == group) {
                writer.apply(generation, batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            writer.apply(generation, batch);
        }
        return count / ((System.nanoTime() - began) / 1e9);
    }
}
