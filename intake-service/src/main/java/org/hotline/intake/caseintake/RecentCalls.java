package org.hotline.intake.caseintake;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The cases each caller opened lately in each category, for the possible-duplicate hint: one document per caller
 * (keyed phone hash, never the phone) and category in {@code recent_calls}, {@code _id = <phone index>|<category>},
 * holding {@code calls: [{caseId, receivedAt}]} in the order the cases were opened. It is read and written by
 * {@code _id} only, so finding a caller's recent cases costs one command however many cases are stored.
 * <p>
 * {@link #record} adds the new case and returns the calls before it in the same command (a {@code findAndModify}
 * upsert that returns the document as it was), so two cases of one caller opened at the same moment still see each
 * other. Calls older than the duplicate window are pulled out by one more update when the document still holds some.
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
     * What one caller opened lately in one category, before the case just recorded.
     *
     * @param caseIds the cases received after the start of the window, oldest first
     * @param expired whether the document still holds calls from before the window (to be pulled out)
     */
    record Recent(String id, Instant cutoff, List<String> caseIds, boolean expired) {
    }

    /**
     * Records a new case among its caller's calls in its category and returns the earlier cases received within the
     * duplicate window before {@code now}: one {@code findAndModify} by {@code _id}.
     */
    Recent record(String phoneIndex, String category, String caseId, Instant receivedAt, Instant now) {
        String id = phoneIndex + "|" + category;
        Instant cutoff = now.minus(window);
        Document before = mongo.findAndModify(query(where("_id").is(id)),
                new Update().push(CALLS, new Document(CASE_ID, caseId).append(RECEIVED_AT, Date.from(receivedAt))),
                FindAndModifyOptions.options().upsert(true).returnNew(false), Document.class, COLLECTION);
        List<Document> calls = before == null ? List.of() : before.getList(CALLS, Document.class, List.of());
        List<String> caseIds = calls.stream().filter(call -> receivedAt(call).isAfter(cutoff))
                .map(call -> call.getString(CASE_ID)).toList();
        return new Recent(id, cutoff, caseIds, caseIds.size() < calls.size());
    }

    /** Pulls the calls older than the window out of the caller's document, if {@link Recent#expired()} says it holds some. */
    void pullExpired(Recent recent) {
        if (recent.expired()) {
            Document expiredCall = new Document(RECEIVED_AT, new Document("$lte", Date.from(recent.cutoff())));
            mongo.updateFirst(query(where("_id").is(recent.id())), new Update().pull(CALLS, expiredCall), COLLECTION);
        }
    }

    /** Takes a recorded case out again: it was not opened after all (an earlier request with its key won). */
    void forget(Recent recent, String caseId) {
        mongo.updateFirst(query(where("_id").is(recent.id())),
                new Update().pull(CALLS, new Document(CASE_ID, caseId)), COLLECTION);
    }

    private static Instant receivedAt(Document call) {
        return call.getDate(RECEIVED_AT).toInstant();
    }
}
