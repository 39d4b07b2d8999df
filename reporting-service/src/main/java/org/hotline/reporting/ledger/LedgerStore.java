package org.hotline.reporting.ledger;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Optional;

import org.hotline.events.HotlineEvent;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** The ledger collection: one document per case, changed by one atomic update per fact. */
@Repository
class LedgerStore {

    private final MongoTemplate mongo;

    LedgerStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Applies a fact to its case's document, creating the document for the case's first fact. A fact already in
     * the timeline changes nothing, so a redelivered record is harmless.
     */
    void apply(HotlineEvent event) {
        Query notYetApplied = query(where("_id").is(event.caseId())
                .and(LedgerUpdates.TIMELINE + "." + LedgerUpdates.EVENT_ID).ne(event.eventId().toString()));
        var update = LedgerUpdates.of(event);
        try {
            mongo.upsert(notYetApplied, update, LedgerDocument.COLLECTION);
        }
        catch (DuplicateKeyException exists) {
            // The document exists but the guard did not match: either this fact is already in it (then this
            // update matches nothing either), or another fact of the same case created the document meanwhile.
            mongo.updateFirst(notYetApplied, update, LedgerDocument.COLLECTION);
        }
    }

    Optional<LedgerDocument> find(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, LedgerDocument.class));
    }

    List<LedgerDocument> find(Query query) {
        return mongo.find(query, LedgerDocument.class);
    }
}
