package org.hotline.reporting.ledger;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.hotline.events.HotlineEvent;
import org.hotline.events.Urgency;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/** The tracking ledger: records every fact about every case, and answers what analysts ask of it. */
@Service
public class Ledger {

    private static final int SWEEP_BATCH = 500;

    private final LedgerStore store;
    private final BucketFlusher buckets;
    private final Generations generations;
    private final Clock clock;
    private final Duration guardRetention;
    private final AtomicBoolean sweepRequested = new AtomicBoolean();

    Ledger(LedgerStore store, BucketFlusher buckets, Generations generations, Clock clock,
            @Value("${hotline.reporting.guard-retention:1m}") Duration guardRetention) {
        this.store = store;
        this.buckets = buckets;
        this.generations = generations;
        this.clock = clock;
        this.guardRetention = guardRetention;
    }

    /**
     * The live consumer: the fact goes into the active generation, and into the one being rebuilt if any; returns
     * once it is written, its bucket changes pending in the ledger and handed over to be applied soon.
     */
    void record(HotlineEvent event) {
        buckets.apply(generations.writeTargets().stream()
                .map(g -> new BucketFlusher.Written(g, store.write(g, event))).toList());
    }

    /** The rebuild: the fact goes into the given generation only. */
    public void record(Generation generation, HotlineEvent event) {
        buckets.apply(List.of(new BucketFlusher.Written(generation, store.write(generation, event))));
    }

    /**
     * Applies bucket changes left pending by a crash between the ledger write and the bucket writes: the sweep of the
     * whole ledger, soon after start-up, after this instance took over partitions from another ({@link #sweepSoon})
     * and then now and then (it reads past every case on a store without indexes).
     */
    @Scheduled(initialDelayString = "${hotline.reporting.pending-retry:10s}",
            fixedDelayString = "${hotline.reporting.pending-sweep:10m}")
    public void applyPendingChanges() {
        for (Generation g : generations.writeTargets()) {
            List<LedgerDocument> batch = store.withPendingChanges(g, null, SWEEP_BATCH);
            while (!batch.isEmpty()) {
                store.flush(g, batch);
                batch = batch.size() < SWEEP_BATCH ? List.of()
                        : store.withPendingChanges(g, batch.get(batch.size() - 1).id(), SWEEP_BATCH);
            }
            // then the guard entries left in bucket documents no instance writes into (e.g. by one that crashed)
            store.pruneGuards(g, clock.instant().minus(guardRetention), true);
        }
    }

    /**
     * Removes the guard entries of cases whose bucket changes were applied longer than
     * {@code hotline.reporting.guard-retention} ago and are no longer pending, from the bucket documents this
     * instance wrote into: so a bucket document keeps the entries of the cases that changed lately only.
     */
    @Scheduled(initialDelayString = "${hotline.reporting.guard-prune:15s}",
            fixedDelayString = "${hotline.reporting.guard-prune:15s}")
    void pruneGuards() {
        for (Generation g : generations.writeTargets()) {
            store.pruneGuards(g, clock.instant().minus(guardRetention), false);
        }
    }

    /**
     * Applies, by case id, the bucket changes this instance failed to apply; and sweeps the whole ledger if asked
     * to since the last time ({@link #sweepSoon}).
     */
    @Scheduled(fixedDelayString = "${hotline.reporting.pending-retry:10s}")
    void retryFailedChanges() {
        store.retryUnflushed();
        if (sweepRequested.getAndSet(false)) {
            applyPendingChanges();
        }
    }

    /**
     * Asks for a sweep of the ledger within {@code hotline.reporting.pending-retry}: this instance took over
     * partitions from another, which may have stopped with bucket changes handed over and not yet applied.
     */
    void sweepSoon() {
        sweepRequested.set(true);
    }

    public void drop(Generation generation) {
        store.drop(generation);
    }

    public Optional<LedgerCase> find(String caseId) {
        Instant now = clock.instant();
        return store.find(generations.active(), caseId).map(d -> fold(d, now));
    }

    /**
     * A filter of the ledger list; every field is optional.
     *
     * @param department a department of the current assignment (lead or assisting)
     * @param overdue true: only cases in the backlog past their resolve-by deadline; false: only the others
     * @param from opened at or after
     * @param to opened before
     */
    public record Filter(String department, CaseStatus status, Urgency urgency, Boolean overdue, Instant from,
            Instant to) {
    }

    /** A page of the list. */
    public record Page(List<LedgerCase> items, int page, int size, long totalItems) {
    }

    /** Cases most recently active first, without their timelines. */
    public Page list(Filter filter, int page, int size) {
        Instant now = clock.instant();
        Criteria criteria = new Criteria();
        if (filter.department() != null) {
            criteria = criteria.and("currentDepartments").is(filter.department());
        }
        if (filter.status() != null) {
            criteria = criteria.and("status").is(filter.status().name());
        }
        if (filter.urgency() != null) {
            criteria = criteria.and("urgency").is(filter.urgency().name());
        }
        if (Boolean.TRUE.equals(filter.overdue())) {
            criteria = criteria.and("openResolveBy").lt(now);
        }
        else if (Boolean.FALSE.equals(filter.overdue())) {
            criteria = criteria.orOperator(where("openResolveBy").is(null), where("openResolveBy").gte(now));
        }
        if (filter.from() != null || filter.to() != null) {
            Criteria opened = criteria.and("openedAt");
            if (filter.from() != null) {
                opened = opened.gte(filter.from());
            }
            if (filter.to() != null) {
                opened = opened.lt(filter.to());
            }
        }
        else {
            criteria = criteria.and("openedAt").ne(null);
        }
        Generation active = generations.active();
        long total = store.count(active, Query.query(criteria));
        Query query = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "lastEventAt").and(Sort.by("_id")))
                .skip((long) page * size).limit(size);
        List<LedgerCase> items = store.find(active, query).stream().map(d -> fold(d, now).withoutTimeline())
                .toList();
        return new Page(items, page, size, total);
    }

    private static LedgerCase fold(LedgerDocument d, Instant now) {
        return CaseHistory.fold(d.id(), d.facts().stream().map(StoredFact::event).toList(), now);
    }
}
