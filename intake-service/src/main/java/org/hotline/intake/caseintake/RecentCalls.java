package org.hotline.intake.caseintake;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The cases each caller opened lately in each category, for the possible-duplicate hint: one document per caller
 * (keyed phone hash, never the phone) and category in {@code recent_calls}, {@code _id = <phone index>|<category>},
 * holding {@code calls: [{caseId, receivedAt}]} in the order the cases were opened. It is read and written by
 * {@code _id} only, so finding a caller's recent cases costs one lookup however many cases are stored. Calls older
 * than the duplicate window are pulled out when the caller's document is next written.
 */
@Component
class RecentCalls {

    static final String COLLECTION = "recent_calls";
    private static final String CALLS = "calls";
    private static final String CASE_ID = "caseId";
    private static final String RECEIVED_AT = "receivedAt";

    private final MongoTemplate mongo;
    private final Duration window;

    RecentCalls(MongoTemplate mongo, @Value("${hotline.intake.duplicate-window:P7D}") Duration window) {
        this.mongo = mongo;
        this.window = window;
    }

    /**
     * What one caller opened lately in one category.
     *
     * @param caseIds the cases received after the start of the window, oldest first
     * @param expired whether the document still holds calls from before the window (to be pulled out)
     */
    record Recent(String id, Instant cutoff, List<String> caseIds, boolean expired) {
    }

    /** The cases the caller opened in the category and received within the duplicate window before {@code now}. */
    Recent find(String phoneIndex, String category, Instant now) {
        String id = phoneIndex + "|" + category;
        Instant cutoff = now.minus(window);
        Document stored = mongo.findById(id, Document.class, COLLECTION);
        List<Document> calls = stored == null ? List.of() : stored.getList(CALLS, Document.class, List.of());
        List<String> caseIds = calls.stream().filter(call -> receivedAt(call).isAfter(cutoff))
                .map(call -> call.getString(CASE_ID)).toList();
        return new Recent(id, cutoff, caseIds, caseIds.size() < calls.size());
    }

    /**
     * Adds a newly opened case to its caller's recent calls: one upsert by {@code _id}, plus one update pulling out
     * expired calls when {@link Recent#expired()} says there are some.
     */
    void add(Recent recent, String caseId, Instant receivedAt) {
        if (recent.expired()) {
            Document expiredCall = new Document(RECEIVED_AT, new Document("$lte", Date.from(recent.cutoff())));
            mongo.updateFirst(query(where("_id").is(recent.id())), new Update().pull(CALLS, expiredCall), COLLECTION);
        }
        mongo.upsert(query(where("_id").is(recent.id())),
                new Update().push(CALLS, new Document(CASE_ID, caseId).append(RECEIVED_AT, Date.from(receivedAt))),
                COLLECTION);
    }

    private static Instant receivedAt(Document call) {
        return call.getDate(RECEIVED_AT).toInstant();
    }
}
