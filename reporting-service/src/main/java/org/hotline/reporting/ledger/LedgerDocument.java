package org.hotline.reporting.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;

/**
 * One case's ledger as stored: its facts without caller data, the fields lists filter on (derived from the facts),
 * the KPI facts the case currently counts in the buckets, and the bucket changes not yet known to be applied.
 *
 * @param revision increases with every change; a write succeeds only on the revision it read (optimistic locking)
 * @param facts every fact of the case, in the order they arrived (the ledger folds them by the time they happened)
 * @param currentDepartments lead and assisting departments of the current assignment
 * @param openResolveBy while the case is in the backlog, the lead department's resolve-by deadline
 * @param kpiFacts what the case currently counts in the buckets
 * @param pending bucket changes written with the document and not yet known to be applied (outbox)
 * @param deltaSeq the sequence number of the latest bucket change of this case
 */
record LedgerDocument(@Id String id, long revision, List<StoredFact> facts, Instant openedAt, Instant lastEventAt,
        String status, String urgency, String department, List<String> currentDepartments, Instant openResolveBy,
        List<CaseFacts.BucketFacts> kpiFacts, List<BucketDelta> pending, boolean hasPending, long deltaSeq) {

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
                currentDepartments, openResolveBy, List.of(), pending, hasPending, deltaSeq);
    }

    /** The document as a clearing of its pending changes leaves it. */
    LedgerDocument cleared() {
        return new LedgerDocument(id, revision + 1, facts, openedAt, lastEventAt, status, urgency, department,
                currentDepartments, openResolveBy, kpiFacts, List.of(), false, deltaSeq);
    }

    boolean knows(String eventId) {
        return facts.stream().anyMatch(f -> f.eventId().equals(eventId));
    }
}
