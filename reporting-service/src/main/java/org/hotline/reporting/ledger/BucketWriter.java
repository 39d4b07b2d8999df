package org.hotline.reporting.ledger;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.mongodb.bulk.BulkWriteError;

/**
 * Applies a case's pending bucket changes with {@code $inc}, each at most once: a bucket remembers, per case, the
 * sequence number of the latest change it took ({@code seen.<case>}), and takes a change only if its number is
 * higher. A crash at any point followed by a retry neither loses nor doubles a change.
 * <p>
 * The changes, of one case or of many, go out as one unordered bulk write per bucket collection, so they cost one
 * write command per collection rather than one per bucket. An unordered bulk may apply its operations in any order,
 * so each bulk holds at most one change per case and bucket: a case's older changes of a bucket (left pending by a
 * crash, or by an earlier event of the same batch) go out in an earlier round.
 */
@Component
class BucketWriter {

    static final String COUNTERS = "c";
    static final String SEEN = "seen";

    /** MongoDB's duplicate-key error code. */
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;

    BucketWriter(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void apply(Generation generation, String caseId, List<LedgerDocument.BucketDelta> deltas) {
        apply(generation, Map.of(caseId, deltas));
    }

    /** Applies the pending changes of several cases, in one bulk per bucket collection and round. */
    void apply(Generation generation, Map<String, List<LedgerDocument.BucketDelta>> deltasByCase) {
        List<Change> left = deltasByCase.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(d -> new Change(e.getKey(), d)))
                .sorted(Comparator.comparingLong(c -> c.delta().seq())).toList();
        while (!left.isEmpty()) {
            Set<String> buckets = new HashSet<>();
            Map<String, List<Change>> round = new LinkedHashMap<>();
            List<Change> later = new ArrayList<>();
            for (Change c : left) {
                if (buckets.add(c.caseId() + "\n" + c.delta().bucketId())) {
                    round.computeIfAbsent(collection(generation, c.delta()), x -> new ArrayList<>()).add(c);
                }
                else {
                    later.add(c);
                }
            }
            round.forEach(this::write);
            left = later;
        }
    }

    /** One case's change to one bucket. */
    private record Change(String caseId, LedgerDocument.BucketDelta delta) {
    }

    /**
     * Upserts the changes into their buckets, at most one change per case and bucket. A change whose bucket exists
     * and took it already matches no bucket, so its upsert tries to insert the bucket anew and fails with a
     * duplicate key. Such a failure may also come from two upserts creating the same bucket at the same moment (on
     * MongoDB, not on the single-threaded stand-in): the failed changes are therefore written once more; the bucket
     * exists by then, so a duplicate key now means the bucket took the change. Any other failure is thrown, and the
     * retry of the whole case skips what was applied.
     */
    private void write(String collection, List<Change> changes) {
        List<Change> refused = upsert(collection, changes);
        if (!refused.isEmpty()) {
            upsert(collection, refused);
        }
    }

    /** The changes refused with a duplicate key. */
    private List<Change> upsert(String collection, List<Change> changes) {
        BulkOperations bulk = mongo.bulkOps(BulkMode.UNORDERED, collection);
        for (Change c : changes) {
            LedgerDocument.BucketDelta d = c.delta();
            String seen = SEEN + "." + fieldName(c.caseId());
            Update update = new Update().set(seen, d.seq()).setOnInsert("grain", d.grain().name())
                    .setOnInsert("day", d.day()).setOnInsert("key", d.key());
            d.inc().forEach((counter, value) -> update.inc(COUNTERS + "." + counter, value));
            bulk.upsert(query(where("_id").is(d.bucketId())
                    .orOperator(where(seen).exists(false), where(seen).lt(d.seq()))), update);
        }
        try {
            bulk.execute();
            return List.of();
        }
        catch (BulkOperationException ex) {
            if (!ex.getErrors().stream().allMatch(e -> e.getCode() == DUPLICATE_KEY)) {
                throw ex;
            }
            return ex.getErrors().stream().map(BulkWriteError::getIndex).map(changes::get).toList();
        }
    }

    private static String collection(Generation generation, LedgerDocument.BucketDelta d) {
        return generation.bucketCollection(d.grain(), CaseFacts.BucketFacts.monthly(d.day()));
    }

    /** A case id as a field name: dots and dollars are not allowed in field names. */
    static String fieldName(String caseId) {
        return caseId.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
