package org.hotline.reporting.ledger;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Comparator;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Applies a case's pending bucket changes with {@code $inc}, each at most once: a bucket remembers, per case, the
 * sequence number of the latest change it took ({@code seen.<case>}), and takes a change only if its number is
 * higher. Changes are applied in sequence order, so a crash at any point followed by a retry neither loses nor
 * doubles a change.
 */
@Component
class BucketWriter {

    static final String COUNTERS = "c";
    static final String SEEN = "seen";

    private final MongoTemplate mongo;

    BucketWriter(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void apply(Generation generation, String caseId, List<LedgerDocument.BucketDelta> deltas) {
        String seen = SEEN + "." + fieldName(caseId);
        deltas.stream().sorted(Comparator.comparingLong(LedgerDocument.BucketDelta::seq)).forEach(d -> {
            Update update = new Update().set(seen, d.seq()).setOnInsert("grain", d.grain().name())
                    .setOnInsert("day", d.day()).setOnInsert("key", d.key());
            d.inc().forEach((counter, value) -> update.inc(COUNTERS + "." + counter, value));
            var notYetTaken = query(where("_id").is(d.bucketId())
                    .orOperator(where(seen).exists(false), where(seen).lt(d.seq())));
            try {
                mongo.upsert(notYetTaken, update, generation.bucketCollection(d.grain(),
                        CaseFacts.BucketFacts.monthly(d.day())));
            }
            catch (DuplicateKeyException taken) {
                // the bucket exists and already took this change
            }
        });
    }

    /** A case id as a field name: dots and dollars are not allowed in field names. */
    static String fieldName(String caseId) {
        return caseId.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
