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
 * The changes go out as one unordered bulk write per bucket collection, so a case change costs one write command per
 * collection it touches rather than one per bucket. An unordered bulk may apply its operations in any order, so each
 * bulk holds at most one change per bucket: the older changes of a bucket (left pending by a crash) go out in an
 * earlier round.
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
        List<LedgerDocument.BucketDelta> left = deltas.stream()
                .sorted(Comparator.comparingLong(LedgerDocument.BucketDelta::seq)).toList();
        while (!left.isEmpty()) {
            Set<String> buckets = new HashSet<>();
            Map<String, List<LedgerDocument.BucketDelta>> round = new LinkedHashMap<>();
            List<LedgerDocument.BucketDelta> later = new ArrayList<>();
            for (LedgerDocument.BucketDelta d : left) {
                if (buckets.add(d.bucketId())) {
                    round.computeIfAbsent(collection(generation, d), c -> new ArrayList<>()).add(d);
                }
                else {
                    later.add(d);
                }
            }
            round.forEach((collection, changes) -> write(collection, caseId, changes));
            left = later;
        }
    }

    /**
     * Upserts the changes into their buckets, at most one change per bucket. A change whose bucket exists and took it
     * already matches no bucket, so its upsert tries to insert the bucket anew and fails with a duplicate key. Such
     * a failure may also come from two cases creating the same bucket at the same moment (on MongoDB, not on the
     * single-threaded stand-in): the failed changes are therefore written once more; the bucket exists by then, so a
     * duplicate key now means the bucket took the change. Any other failure is thrown, and the retry of the whole
     * case skips what was applied.
     */
    private void write(String collection, String caseId, List<LedgerDocument.BucketDelta> changes) {
        List<LedgerDocument.BucketDelta> refused = upsert(collection, caseId, changes);
        if (!refused.isEmpty()) {
            upsert(collection, caseId, refused);
        }
    }

    /** The changes refused with a duplicate key. */
    private List<LedgerDocument.BucketDelta> upsert(String collection, String caseId,
            List<LedgerDocument.BucketDelta> changes) {
        String seen = SEEN + "." + fieldName(caseId);
        BulkOperations bulk = mongo.bulkOps(BulkMode.UNORDERED, collection);
        for (LedgerDocument.BucketDelta d : changes) {
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
