package org.hotline.reporting.ledger;

import static org.hotline.reporting.ledger.BucketLayout.AT;
import static org.hotline.reporting.ledger.BucketLayout.COUNTERS;
import static org.hotline.reporting.ledger.BucketLayout.SEEN;
import static org.hotline.reporting.ledger.BucketLayout.SEQ;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;

/**
 * Applies a case's pending bucket changes with {@code $inc}, each at most once: a bucket document remembers, per
 * case, the sequence number of the latest change it took ({@code seen.<case>.s}), and takes a change only if its
 * number is higher. A crash at any point followed by a retry neither loses nor doubles a change.
 * <p>
 * The changes, of one case or of many, go out as one unordered bulk write per bucket collection, so they cost one
 * write command per collection rather than one per bucket. The changes of all the cases to one document are one
 * update (summed counters, every case's guard entry), on the condition that the document took none of them yet;
 * a document that took some already refuses it, and its changes are written case by case, each under its own guard.
 * An unordered bulk may apply its operations in any order, so each round holds at most one change per case and
 * document: a case's older changes of a document (left pending by a crash, or by an earlier event of the same
 * batch) go out in an earlier round.
 * <p>
 * The guard entries are removed again once they can no longer be needed ({@link #pruneGuards}), so a document keeps
 * only those of the cases that changed lately instead of one per case it ever counted.
 */
@Component
class BucketWriter {

    /** MongoDB's duplicate-key error code. */
    private static final int DUPLICATE_KEY = 11000;
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final BucketWrites writes;
    /**
     * Bucket documents this instance wrote guard entries into, by collection, with when it last wrote each: where
     * {@link #pruneGuards} looks.
     */
    private final Map<String, Map<String, Long>> guarded = new ConcurrentHashMap<>();

    BucketWriter(MongoTemplate mongo, Clock clock, BucketWrites writes) {
        this.mongo = mongo;
        this.clock = clock;
        this.writes = writes;
    }

    void apply(Generation generation, String caseId, List<LedgerDocument.BucketDelta> deltas) {
        apply(generation, Map.of(caseId, deltas));
    }

    /** Applies the pending changes of several cases, in one bulk per bucket collection and round. */
    void apply(Generation generation, Map<String, List<LedgerDocument.BucketDelta>> deltasByCase) {
        List<Change> left = changes(generation, deltasByCase);
        while (!left.isEmpty()) {
            Set<String> documents = new HashSet<>();
            Map<String, List<Change>> round = new LinkedHashMap<>();
            List<Change> later = new ArrayList<>();
            for (Change c : left) {
                if (documents.add(c.caseId() + "\n" + c.collection() + "\n" + c.documentId())) {
                    round.computeIfAbsent(c.collection(), x -> new ArrayList<>()).add(c);
                }
                else {
                    later.add(c);
                }
            }
            round.forEach(this::write);
            left = later;
        }
    }

    /**
     * One case's change of one sequence number to one bucket document: the sum of its deltas to the values of that
     * document, as counter paths ({@code <value>.<counter>}).
     */
    private record Change(String caseId, long seq, String collection, String documentId, CaseFacts.Grain grain,
            String period, Map<String, Long> inc) {
    }

    /** The deltas merged per case, sequence number and document, oldest first. */
    private static List<Change> changes(Generation generation, Map<String, List<LedgerDocument.BucketDelta>> deltas) {
        Map<List<Object>, Change> merged = new LinkedHashMap<>();
        deltas.forEach((caseId, list) -> list.stream().filter(d -> d.grain() != CaseFacts.Grain.CELL).forEach(d -> {
            String collection = generation.bucketCollection(d.grain(), CaseFacts.BucketFacts.monthly(d.day()));
            String documentId = BucketLayout.documentId(d.grain(), d.day());
            Change change = merged.computeIfAbsent(List.of(caseId, d.seq(), collection, documentId),
                    k -> new Change(caseId, d.seq(), collection, documentId, d.grain(), d.day(), new HashMap<>()));
            d.inc().forEach((counter, value) -> change.inc().merge(BucketLayout.field(d.key()) + "." + counter, value,
                    Long::sum));
        }));
        return merged.values().stream().filter(c -> c.inc().values().stream().anyMatch(v -> v != 0))
                .sorted(Comparator.comparingLong(Change::seq)).toList();
    }

    /**
     * Upserts the changes into their documents, at most one change per case and document. A change whose document
     * exists and took it already matches no document, so its upsert tries to insert the document anew and fails with
     * a duplicate key. Such a failure may also come from two upserts creating the same document at the same moment
     * (on MongoDB, not on the single-threaded stand-in): the failed changes are therefore written once more; the
     * document exists by then, so a duplicate key now means the document took the change. Any other failure is
     * thrown, and the retry of the whole case skips what was applied.
     */
    private void write(String collection, List<Change> changes) {
        Map<String, Long> documents = guarded.computeIfAbsent(collection, c -> new ConcurrentHashMap<>());
        long now = clock.millis();
        changes.forEach(c -> documents.put(c.documentId(), now));
        try {
            List<Change> refused = upsertMerged(collection, changes);
            if (!refused.isEmpty()) {
                refused = upsert(collection, refused);
            }
            if (!refused.isEmpty()) {
                upsert(collection, refused);
            }
        }
        finally {
            // also when it failed: some of the changes may have been applied
            changes.forEach(c -> writes.written(collection, c.documentId()));
        }
    }

    /**
     * Upserts the changes one update per document: the sum of every case's counters, every case's guard entry, on
     * the condition that the document took none of them yet (the usual case). A document that took some of them
     * already (a repeat after a crash, a sweep racing the writer) matches nothing and refuses its update with a
     * duplicate key: its changes are returned, to be written case by case ({@link #upsert}).
     */
    private List<Change> upsertMerged(String collection, List<Change> changes) {
        Map<String, List<Change>> byDocument = new LinkedHashMap<>();
        changes.forEach(c -> byDocument.computeIfAbsent(c.documentId(), d -> new ArrayList<>()).add(c));
        if (byDocument.size() == changes.size()) {
            return changes;
        }
        long now = clock.millis();
        List<List<Change>> merged = new ArrayList<>(byDocument.values());
        List<UpdateOneModel<Document>> bulk = new ArrayList<>(merged.size());
        for (List<Change> document : merged) {
            Change first = document.get(0);
            Document filter = new Document("_id", first.documentId());
            Document set = new Document();
            Map<String, Long> inc = new LinkedHashMap<>();
            for (Change c : document) {
                String seen = SEEN + "." + BucketLayout.field(c.caseId());
                // a round holds one change per case and document, so each case's condition has a field of its own
                filter.append(seen + "." + SEQ, notTaken(c));
                set.append(seen, new Document(SEQ, c.seq()).append(AT, now));
                c.inc().forEach((path, value) -> inc.merge(path, value, Long::sum));
            }
            bulk.add(new UpdateOneModel<>(filter, update(first, set, inc), UPSERT));
        }
        return refused(collection, bulk).stream().map(merged::get).flatMap(List::stream).toList();
    }

    /** The changes refused with a duplicate key. */
    private List<Change> upsert(String collection, List<Change> changes) {
        long now = clock.millis();
        List<UpdateOneModel<Document>> bulk = new ArrayList<>(changes.size());
        for (Change c : changes) {
            String seen = SEEN + "." + BucketLayout.field(c.caseId());
            Document filter = new Document("_id", c.documentId()).append(seen + "." + SEQ, notTaken(c));
            bulk.add(new UpdateOneModel<>(filter,
                    update(c, new Document(seen, new Document(SEQ, c.seq()).append(AT, now)), c.inc()), UPSERT));
        }
        return refused(collection, bulk).stream().map(changes::get).toList();
    }

    /**
     * The condition on a case's guard entry that the document has not taken the change yet: no entry, or one of an
     * older change ({@code $not} of {@code $gte} matches both).
     */
    private static Document notTaken(Change c) {
        return new Document("$not", new Document("$gte", c.seq()));
    }

    /** The update of a bucket document: guard entries, counters added, grain and period if it is new. */
    private static Document update(Change change, Document guards, Map<String, Long> inc) {
        Document counters = new Document();
        inc.forEach((path, value) -> {
            if (value != 0) {
                counters.append(COUNTERS + "." + path, value);
            }
        });
        Document update = new Document("$set", guards).append("$setOnInsert",
                new Document("grain", change.grain().name()).append("day", change.period()));
        if (!counters.isEmpty()) {
            update.append("$inc", counters);
        }
        return update;
    }

    /**
     * Runs the bulk, unordered; returns the positions of its operations refused with a duplicate key, throws any
     * other failure (as the template translates it).
     */
    private List<Integer> refused(String collection, List<UpdateOneModel<Document>> bulk) {
        return mongo.execute(collection, documents -> {
            try {
                documents.bulkWrite(bulk, UNORDERED);
                return List.of();
            }
            catch (MongoBulkWriteException ex) {
                if (!ex.getWriteErrors().stream().allMatch(e -> e.getCode() == DUPLICATE_KEY)) {
                    throw ex;
                }
                return ex.getWriteErrors().stream().map(BulkWriteError::getIndex).toList();
            }
        });
    }

    /**
     * Removes guard entries that can no longer be needed, from the documents this instance wrote into (or from every
     * bucket document of the generation with {@code everywhere}, e.g. once after start-up for what a crashed instance
     * left). An entry guards against a copy of a change the document took being applied again; such copies are the
     * change still pending in the case's ledger document, and copies read from it before it was cleared by a flush
     * still running. So an entry goes once it is older than {@code before} (longer ago than any flush takes) and its
     * case has no pending change left ({@code pendingCases} says which of the given cases have). Each document is
     * updated only if the entries removed are still the ones read; otherwise the next round removes them.
     *
     * @param pendingCases which of the given case ids still have pending bucket changes
     */
    void pruneGuards(Generation generation, Instant before, boolean everywhere,
            Function<Collection<String>, Set<String>> pendingCases) {
        for (String collection : generation.bucketCollections()) {
            Map<String, Long> known = guarded.getOrDefault(collection, Map.of());
            if (!everywhere && known.isEmpty()) {
                continue;
            }
            Map<String, Long> lastWritten = Map.copyOf(known);
            List<String> ids = List.copyOf(lastWritten.keySet());
            Query query = everywhere ? new Query() : query(where("_id").in(ids));
            query.fields().include(SEEN);
            Map<String, Map<String, Long>> stale = new LinkedHashMap<>();
            Set<String> emptied = new HashSet<>();
            for (Document d : mongo.find(query, Document.class, collection)) {
                Map<String, Long> entries = new LinkedHashMap<>();
                Document seen = d.get(SEEN, Document.class);
                boolean fresh = false;
                if (seen != null) {
                    for (Map.Entry<String, Object> e : seen.entrySet()) {
                        if (!(e.getValue() instanceof Document entry)) {
                            continue;
                        }
                        if (entry.get(AT, Number.class).longValue() < before.toEpochMilli()) {
                            entries.put(BucketLayout.value(e.getKey()), entry.get(SEQ, Number.class).longValue());
                        }
                        else {
                            fresh = true;
                        }
                    }
                }
                if (!entries.isEmpty()) {
                    stale.put(d.getString("_id"), entries);
                }
                if (!fresh) {
                    emptied.add(d.getString("_id"));
                }
            }
            Set<String> cases = new HashSet<>();
            stale.values().forEach(e -> cases.addAll(e.keySet()));
            Set<String> pending = cases.isEmpty() ? Set.of() : pendingCases.apply(cases);
            BulkOperations bulk = mongo.bulkOps(BulkMode.UNORDERED, collection);
            int operations = 0;
            for (Map.Entry<String, Map<String, Long>> doc : stale.entrySet()) {
                Criteria unchanged = where("_id").is(doc.getKey());
                Update unset = new Update();
                for (Map.Entry<String, Long> entry : doc.getValue().entrySet()) {
                    if (pending.contains(entry.getKey())) {
                        emptied.remove(doc.getKey());
                        continue;
                    }
                    String seen = SEEN + "." + BucketLayout.field(entry.getKey());
                    unchanged = unchanged.and(seen + "." + SEQ).is(entry.getValue());
                    unset.unset(seen);
                }
                if (!unset.getUpdateObject().isEmpty()) {
                    bulk.updateOne(query(unchanged), unset);
                    operations++;
                }
            }
            if (operations > 0) {
                bulk.execute();
            }
            // documents with no entry left to watch need no further look until they are written again
            emptied.forEach(id -> {
                if (lastWritten.containsKey(id)) {
                    known.remove(id, lastWritten.get(id));
                }
            });
        }
    }
}
