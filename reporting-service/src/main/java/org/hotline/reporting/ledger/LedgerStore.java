package org.hotline.reporting.ledger;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.hotline.events.HotlineEvent;
import org.hotline.events.intake.CaseOpened;
import org.hotline.reporting.ledger.CaseFacts.BucketFacts;
import org.hotline.reporting.ledger.LedgerDocument.BucketDelta;
import org.hotline.support.outbox.RetryOnConflict;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.ReplaceOptions;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The ledger collections: one document per case, written whole on the revision it was read at, together with
 * the bucket changes the write implies (outbox); then the changes are applied and cleared, for many cases at once.
 */
@Repository
class LedgerStore {

    /** How many cases one look-up by id asks for. */
    private static final int SWEEP_LOOKUP = 500;
    /** How many recently written ledger documents are kept for their case's next event. */
    private static final int RECENT_CASES = 2_000;

    private final MongoTemplate mongo;
    private final BucketWriter buckets;
    private final CaseFacts.Settings settings;
    private final Set<String> indexed = ConcurrentHashMap.newKeySet();
    private final Set<CaseRef> unflushed = ConcurrentHashMap.newKeySet();
    /**
     * The ledger documents this instance wrote lately, as written (and as cleared by its own flushes), so that the
     * next event of a busy case needs no read. Every write and clearing is conditional on the revision, and a
     * clearing moves it too: a copy another instance (or a sweep) made stale fails its write, is dropped, and the
     * retry reads the document afresh. A copy is kept for half the guard retention at most: so pending changes it
     * carries that were applied and cleared elsewhere meanwhile are still guarded when it is written back. The facts
     * are kept decoded too, so the next event folds the case without reading every fact's JSON again.
     */
    private final Cache<CaseRef, Kept> recent;
    /**
     * Per case lately flushed here: the sequence number up to which this instance applied its bucket changes. A case
     * written again before its clearing (its revision moved, so the clearing skipped it) carries those changes once
     * more; they are not sent again (the buckets' guard would refuse them, but a refusal costs the whole group's
     * update of that document its case-by-case writing).
     */
    private final Cache<CaseRef, Long> appliedUpTo = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(10)).build();

    /**
     * @param guardRetention how long bucket documents keep a case's guard entry: a copy of a ledger document is kept
     *        for half of that at most (see {@link #recent})
     */
    LedgerStore(MongoTemplate mongo, BucketWriter buckets, CaseFacts.Settings settings,
            @Value("${hotline.reporting.guard-retention:1m}") Duration guardRetention) {
        this.mongo = mongo;
        this.buckets = buckets;
        this.settings = settings;
        this.recent = Caffeine.newBuilder().maximumSize(RECENT_CASES).expireAfterWrite(guardRetention.dividedBy(2))
                .build();
    }

    /**
     * Adds a fact to its case's ledger in the generation, refolds the case, and records the bucket changes between
     * what the case counted before and what it counts now (to be applied by {@link #flush}). A fact already known
     * changes nothing (but changes still pending stay to be applied).
     *
     * @return the document as written
     */
    @RetryOnConflict
    public LedgerDocument write(Generation generation, HotlineEvent event) {
        ensureIndexes(generation);
        String collection = generation.ledgerCollection();
        CaseRef ref = new CaseRef(generation, event.caseId());
        Kept cached = recent.getIfPresent(ref);
        if (cached == null && event instanceof CaseOpened) {
            // a case's first fact, as a rule: written without a read, read only if the case turns out to exist
            try {
                return write(ref, null, event);
            }
            catch (DuplicateKeyException exists) {
                // a redelivery, or a later fact arrived first: read it as for any other fact
            }
        }
        Kept before = cached != null ? cached
                : Kept.read(mongo.findById(event.caseId(), LedgerDocument.class, collection));
        return write(ref, before, event);
    }

    /** Writes the event into the case's document as read ({@code null}: none yet), on its revision. */
    private LedgerDocument write(CaseRef ref, Kept kept, HotlineEvent event) {
        String collection = ref.generation().ledgerCollection();
        LedgerDocument before = kept == null ? null : kept.document();
        if (before != null && before.knows(event.eventId().toString())) {
            return before;
        }
        List<StoredFact> facts = new ArrayList<>(before == null ? List.of() : before.facts());
        facts.add(StoredFact.of(event));
        List<HotlineEvent> events = new ArrayList<>(kept == null ? List.of() : kept.events());
        events.add(StoredFact.withoutCallerData(event));
        LedgerDocument after = next(event.caseId(), before, facts, events);
        try {
            if (before == null) {
                mongo.insert(after, collection);
            }
            else if (mongo.replace(query(where("_id").is(before.id()).and("revision").is(before.revision())),
                    after, ReplaceOptions.none(), collection).getMatchedCount() == 0) {
                throw new OptimisticLockingFailureException("The ledger of case " + before.id() + " changed");
            }
        }
        catch (DataAccessException conflictOrFailure) {
            // the next attempt reads the document afresh
            recent.invalidate(ref);
            throw conflictOrFailure;
        }
        recent.put(ref, new Kept(after, events));
        return after;
    }

    /** A case in a generation. */
    private record CaseRef(Generation generation, String caseId) {
    }

    /** A ledger document and its facts' events (without caller data), in the same order. */
    private record Kept(LedgerDocument document, List<HotlineEvent> events) {

        /** The document as read, its facts decoded; {@code null} for none. */
        static Kept read(LedgerDocument document) {
            return document == null ? null
                    : new Kept(document, document.facts().stream().map(StoredFact::event).toList());
        }

        Kept cleared() {
            return new Kept(document.cleared(), events);
        }
    }

    /** Notes cases whose bucket changes could not be applied, for {@link #retryUnflushed()}. */
    void failedToFlush(Generation generation, Collection<String> caseIds) {
        caseIds.forEach(caseId -> unflushed.add(new CaseRef(generation, caseId)));
    }

    /**
     * Applies the pending bucket changes of the cases whose changes this instance failed to apply, looking each up
     * by id. The consumer retries a failed event a few times before it gives it up to the dead-letter topic; this
     * applies the changes such an event left pending without waiting for the sweep of the whole ledger.
     */
    void retryUnflushed() {
        for (CaseRef ref : List.copyOf(unflushed)) {
            try {
                find(ref.generation(), ref.caseId()).ifPresent(d -> flush(ref.generation(), List.of(d)));
                unflushed.remove(ref);
            }
            catch (DataAccessException stillFailing) {
                // tried again next time, and by the sweep of the whole ledger
            }
        }
    }

    /**
     * Applies and clears the pending bucket changes of cases of a generation: one bulk write per bucket collection
     * touched, then one clearing them. Of several documents of the same case, the latest revision counts: it carries
     * every change not cleared when it was written.
     */
    void flush(Generation generation, Collection<LedgerDocument> documents) {
        Map<String, LedgerDocument> latest = new LinkedHashMap<>();
        documents.stream().filter(LedgerDocument::hasPending).forEach(d -> latest.merge(d.id(), d,
                (a, b) -> a.revision() >= b.revision() ? a : b));
        if (latest.isEmpty()) {
            return;
        }
        Map<String, List<BucketDelta>> deltas = new LinkedHashMap<>();
        latest.forEach((caseId, d) -> {
            Long applied = appliedUpTo.getIfPresent(new CaseRef(generation, caseId));
            deltas.put(caseId, applied == null ? d.pending()
                    : d.pending().stream().filter(delta -> delta.seq() > applied).toList());
        });
        buckets.apply(generation, deltas);
        latest.forEach((caseId, d) -> d.pending().stream().mapToLong(BucketDelta::seq).max().ifPresent(
                seq -> appliedUpTo.asMap().merge(new CaseRef(generation, caseId), seq, Math::max)));
        // each cleared only if nothing changed meanwhile; otherwise the newer write carries them and applies them again
        BulkOperations clear = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, generation.ledgerCollection());
        latest.values().forEach(d -> clear.updateOne(query(where("_id").is(d.id()).and("revision").is(d.revision())),
                new Update().set("pending", List.of()).set("hasPending", false).inc("revision", 1)));
        boolean allCleared;
        try {
            allCleared = clear.execute().getMatchedCount() == latest.size();
        }
        catch (DataAccessException ex) {
            latest.keySet().forEach(caseId -> recent.invalidate(new CaseRef(generation, caseId)));
            throw ex;
        }
        // the copies kept for the next write: cleared as in the store, or read afresh next time if unsure
        latest.forEach((caseId, d) -> recent.asMap().computeIfPresent(new CaseRef(generation, caseId),
                (ref, copy) -> allCleared && copy.document().revision() == d.revision() ? copy.cleared() : null));
    }

    /**
     * Removes the bucket documents' guard entries written before {@code before} of cases with no pending change
     * (see {@link BucketWriter#pruneGuards}).
     *
     * @param everywhere in every bucket document of the generation, not only in those this instance wrote into
     */
    void pruneGuards(Generation generation, Instant before, boolean everywhere) {
        buckets.pruneGuards(generation, before, everywhere, cases -> withPending(generation, cases));
    }

    /** Which of the cases have bucket changes pending, looked up by id. */
    private Set<String> withPending(Generation generation, Collection<String> caseIds) {
        Set<String> pending = new HashSet<>();
        List<String> ids = List.copyOf(caseIds);
        for (int i = 0; i < ids.size(); i += SWEEP_LOOKUP) {
            Query query = query(where("_id").in(ids.subList(i, Math.min(ids.size(), i + SWEEP_LOOKUP)))
                    .and("hasPending").is(true));
            query.fields().include("_id");
            mongo.find(query, Document.class, generation.ledgerCollection())
                    .forEach(d -> pending.add(d.getString("_id")));
        }
        return pending;
    }

    /**
     * Cases whose bucket changes may not have been applied (after a crash), a batch at a time in case id order.
     *
     * @param after the last case id of the previous batch; null for the first batch
     */
    List<LedgerDocument> withPendingChanges(Generation generation, String after, int limit) {
        Query pending = query(after == null ? where("hasPending").is(true)
                : where("hasPending").is(true).and("_id").gt(after)).with(Sort.by("_id")).limit(limit);
        return mongo.find(pending, LedgerDocument.class, generation.ledgerCollection());
    }

    Optional<LedgerDocument> find(Generation generation, String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, LedgerDocument.class, generation.ledgerCollection()));
    }

    List<LedgerDocument> find(Generation generation, Query query) {
        return mongo.find(query, LedgerDocument.class, generation.ledgerCollection());
    }

    long count(Generation generation, Query query) {
        return mongo.count(query, generation.ledgerCollection());
    }

    void drop(Generation generation) {
        mongo.dropCollection(generation.ledgerCollection());
        generation.bucketCollections().forEach(mongo::dropCollection);
        indexed.remove(generation.ledgerCollection());
        appliedUpTo.asMap().keySet().removeIf(ref -> ref.generation().equals(generation));
        recent.asMap().keySet().removeIf(ref -> ref.generation().equals(generation));
    }

    /** The document with the facts, {@code events} being the facts' events. */
    private LedgerDocument next(String caseId, LedgerDocument before, List<StoredFact> facts,
            List<HotlineEvent> events) {
        LedgerCase folded = CaseHistory.fold(caseId, events, null);
        List<String> keywords = facts.stream().filter(f -> f.keywords() != null).findFirst()
                .map(StoredFact::keywords).orElse(List.of());
        List<BucketFacts> kpiFacts = CaseFacts.of(folded, keywords, settings);
        long seq = before == null ? 1 : before.deltaSeq() + 1;
        List<BucketDelta> pending = new ArrayList<>(before == null ? List.of() : before.pending());
        pending.addAll(difference(seq, before == null ? List.of() : before.counted(), kpiFacts));
        List<String> current = new ArrayList<>();
        if (folded.department() != null) {
            current.add(folded.department());
            current.addAll(folded.assistingDepartments());
        }
        LedgerCase.Assignment lead = folded.leadAssignment();
        LedgerCase.Deadline resolveBy = lead == null || lead.endedAt() != null ? null
                : lead.deadline(org.hotline.events.Milestone.RESOLUTION);
        return LedgerDocument.of(caseId, before == null ? 0 : before.revision() + 1, facts, folded.openedAt(),
                folded.lastEventAt(), folded.status().name(), folded.urgency() == null ? null : folded.urgency().name(),
                folded.department(), current,
                folded.status().inBacklog() && resolveBy != null ? resolveBy.due() : null, kpiFacts, pending, seq);
    }

    /** The bucket changes that turn what a case counted into what it counts now. */
    static List<BucketDelta> difference(long seq, List<BucketFacts> before, List<BucketFacts> after) {
        Map<String, BucketFacts> buckets = new LinkedHashMap<>();
        Map<String, Map<String, Long>> inc = new LinkedHashMap<>();
        for (BucketFacts b : before) {
            buckets.put(b.bucketId(), b);
            b.counters().forEach((k, v) -> inc.computeIfAbsent(b.bucketId(), x -> new HashMap<>()).merge(k, -v,
                    Long::sum));
        }
        for (BucketFacts b : after) {
            buckets.put(b.bucketId(), b);
            b.counters().forEach((k, v) -> inc.computeIfAbsent(b.bucketId(), x -> new HashMap<>()).merge(k, v,
                    Long::sum));
        }
        List<BucketDelta> deltas = new ArrayList<>();
        inc.forEach((bucketId, counters) -> {
            counters.values().removeIf(v -> v == 0);
            if (!counters.isEmpty()) {
                BucketFacts b = buckets.get(bucketId);
                deltas.add(new BucketDelta(seq, bucketId, b.grain(), b.day(), b.key(), Map.copyOf(counters)));
            }
        });
        return deltas;
    }

    private void ensureIndexes(Generation generation) {
        if (indexed.add(generation.ledgerCollection())) {
            var ledger = mongo.indexOps(generation.ledgerCollection());
            ledger.createIndex(new Index().on("lastEventAt", Sort.Direction.DESC));
            ledger.createIndex(new Index().on("openedAt", Sort.Direction.ASC));
            ledger.createIndex(new Index().on("currentDepartments", Sort.Direction.ASC));
            ledger.createIndex(new Index().on("openResolveBy", Sort.Direction.ASC).sparse());
            ledger.createIndex(new Index().on("hasPending", Sort.Direction.ASC));
        }
    }
}
