package org.hotline.reporting.ledger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Counts this instance's writes per bucket document, so that a reader caching documents can tell whether one changed
 * since it read it: it takes the count before reading and trusts its copy only while the count is the same. The
 * count moves after the write is done, so a copy read before or during a write is never trusted after it.
 */
@Component
public class BucketWrites {

    private final Map<String, Long> writes = new ConcurrentHashMap<>();

    /** How many writes this instance made to a bucket document so far. */
    public long count(String collection, String documentId) {
        return writes.getOrDefault(key(collection, documentId), 0L);
    }

    /** Counts a write to a bucket document; called by the bucket writer once the write is done (or failed). */
    public void written(String collection, String documentId) {
        writes.merge(key(collection, documentId), 1L, Long::sum);
    }

    private static String key(String collection, String documentId) {
        return collection + "\n" + documentId;
    }
}
