package org.hotline.reporting.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * One case's ledger as stored: its facts without caller data, the fields lists filter on (derived from the facts),
 * the KPI facts the case currently counts in the buckets, and the bucket changes not yet known to be applied.
 *
 * @param revision increases with every change; a write succeeds only on the revision it read (optimistic locking)
 * @param facts every fact of the case, in the order they arrived (the ledger folds them by the time they happened)
 * @param currentDepartments lead and assisting departments of the current assignment
 * @param openResolveBy while the case is in the backlog, the lead department's resolve-by deadline
 * @param kpi what the case currently counts in the buckets, grouped by the counters ({@link #counted()})
 * @param kpiFacts what the case counted, one entry per bucket, in documents written before {@code kpi} (read only)
 * @param pending bucket changes written with the document and not yet known to be applied (outbox)
 * @param deltaSeq the sequence number of the latest bucket change of this case
 */
record LedgerDocument(@Id String id, long revision, List<StoredFact> facts, Instant openedAt, Instant lastEventAt,
        String status, String urgency, String department, List<String> currentDepartments, Instant openResolveBy,
        List<KpiShare> kpi, List<CaseFacts.BucketFacts> kpiFacts, List<BucketDelta> pending, boolean hasPending,
        long deltaSeq) {

    /** A document as written now: what the case counts stored as {@link KpiShare}s. */
    static LedgerDocument of(String id, long revision, List<StoredFact> facts, Instant openedAt, Instant lastEventAt,
            String status, String urgency, String department, List<String> currentDepartments, Instant openResolveBy,
            List<CaseFacts.BucketFacts> counted, List<BucketDelta> pending, long deltaSeq) {
        return new LedgerDocument(id, revision, facts, openedAt, lastEventAt, status, urgency, department,
                currentDepartments, openResolveBy, KpiShare.of(counted), null, pending, !pending.isEmpty(), deltaSeq);
    }

    /**
     * The same counters in several buckets: a case counts alike in its day's and month's buckets of every grain
     * (and only as opened in its keyword and area buckets), so its shares are stored once per set of counters
     * rather than once per bucket (a document about half the size).
     *
     * @param counters counter → value, every value not 0
     * @param buckets the ids of the buckets with these counters ({@code GRAIN|period|key})
     */
    record KpiShare(@Field("c") Map<String, Long> counters, @Field("b") List<String> buckets) {

        static List<KpiShare> of(List<CaseFacts.BucketFacts> counted) {
            Map<Map<String, Long>, List<String>> byCounters = new LinkedHashMap<>();
            counted.forEach(b -> byCounters.computeIfAbsent(b.counters(), c -> new ArrayList<>()).add(b.bucketId()));
            return byCounters.entrySet().stream().map(e -> new KpiShare(e.getKey(), List.copyOf(e.getValue())))
                    .toList();
        }

        /** One entry per bucket, as {@link CaseFacts#of} gives them. */
        List<CaseFacts.BucketFacts> expand() {
            return buckets.stream().map(id -> {
                String[] parts = id.split("\\|", 3);
                return new CaseFacts.BucketFacts(id, CaseFacts.Grain.valueOf(parts[0]), parts[1], parts[2],
                        counters);
            }).toList();
        }
    }

    /** What the case currently counts in the buckets, one entry per bucket. */
    List<CaseFacts.BucketFacts> counted() {
        if (kpi != null) {
            return kpi.stream().flatMap(share -> share.expand().stream()).toList();
        }
        return kpiFacts == null ? List.of() : kpiFacts;
    }

    /**
     * A change to one bucket: add {@code inc} to its counters. Applied at most once per bucket, guarded by the
     * case's sequence number stored in the bucket.
     */
    record BucketDelta(long seq, String bucketId, CaseFacts.Grain grain, String day, String key,
            Map<String, Long> inc) {
    }

    /** The document without its facts and KPI facts: what applying and clearing its pending changes needs. */
    LedgerDocument outbox() {
        return new LedgerDocument(id, revision, List.of(), openedAt, lastEventAt, status, urgency, department,
                currentDepartments, openResolveBy, List.of(), null, pending, hasPending, deltaSeq);
    }

    /** The document as a clearing of its pending changes leaves it. */
    LedgerDocument cleared() {
        return new LedgerDocument(id, revision + 1, facts, openedAt, lastEventAt, status, urgency, department,
                currentDepartments, openResolveBy, kpi, kpiFacts, List.of(), false, deltaSeq);
    }

    boolean knows(String eventId) {
        return facts.stream().anyMatch(f -> f.eventId().equals(eventId));
    }
}
