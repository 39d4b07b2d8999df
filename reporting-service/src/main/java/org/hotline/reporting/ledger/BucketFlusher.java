package org.hotline.reporting.ledger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Applies the bucket changes of ledger writes in the background, in groups: the consumer threads hand over the
 * documents they wrote and go on with their next records, while one writer thread applies everything handed over
 * meanwhile together, one update per bucket document touched (see {@link BucketWriter}) and one bulk clearing the
 * ledger documents; then it lets the next group gather for the rest of {@code hotline.reporting.bucket-interval}
 * (1 s), so a bucket document is rewritten about once a second however busy the stream. The changes are safe before they are handed over: they are pending in the ledger documents
 * written (an outbox), so a crash or a failed write loses none of them; they are applied by the retry of failed
 * cases ({@link LedgerStore#retryUnflushed}) or the sweep of the ledger ({@link Ledger#applyPendingChanges}).
 * <p>
 * At most {@code hotline.reporting.bucket-queue} hand-overs wait; a consumer thread handing over more waits for room,
 * so a slow store slows the consumer down (and Kafka's consumer lag shows it) instead of filling the memory.
 */
@Component
class BucketFlusher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BucketFlusher.class);
    private static final int MAX_GROUP = 1000;

    /** A document written in a generation, its changes still to apply. */
    record Written(Generation generation, LedgerDocument document) {
    }

    private final LedgerStore store;
    private final DistributionSummary groupSizes;
    /** Written documents handed over together, and when (System.nanoTime). */
    private record Handover(List<Written> written, long at) {
    }

    private final BlockingQueue<Handover> queue;
    private final long maxAgeNanos;
    private final long intervalNanos;
    private final Thread writer;
    private volatile boolean running = true;
    /** Hand-overs not yet applied (or given up to the retry), in the queue or being written. */
    private final AtomicInteger waiting = new AtomicInteger();

    /**
     * @param guardRetention how long bucket documents keep a case's guard entry: a hand-over older than half of it is
     *        not applied from its copy but retried by case id, read afresh (see {@link BucketWriter#pruneGuards})
     * @param interval the least time from the start of one group's write to the next: the hand-overs gather meanwhile
     */
    BucketFlusher(LedgerStore store, MeterRegistry meters,
            @Value("${hotline.reporting.bucket-queue:2000}") int capacity,
            @Value("${hotline.reporting.guard-retention:1m}") Duration guardRetention,
            @Value("${hotline.reporting.bucket-interval:1s}") Duration interval) {
        this.store = store;
        this.maxAgeNanos = guardRetention.toNanos() / 2;
        this.intervalNanos = interval.toNanos();
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.groupSizes = DistributionSummary.builder("hotline.reporting.bucket.group")
                .description("Ledger writes whose bucket changes were applied together").baseUnit("writes")
                .register(meters);
        Gauge.builder("hotline.reporting.bucket.queue", waiting, AtomicInteger::get)
                .description("Ledger writes handed over whose bucket changes wait to be applied").baseUnit("writes")
                .register(meters);
        this.writer = new Thread(this::run, "ledger-bucket-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /**
     * Hands the documents' pending bucket changes over to be applied soon, together with those other threads hand
     * over; returns at once, unless the queue is full.
     */
    void apply(List<Written> written) {
        List<Written> pending = written.stream().filter(w -> w.document().hasPending())
                .map(w -> new Written(w.generation(), w.document().outbox())).toList();
        if (pending.isEmpty()) {
            return;
        }
        if (!running || !writer.isAlive()) {
            throw new IllegalStateException("The bucket writer is stopped");
        }
        waiting.incrementAndGet();
        try {
            Handover handover = new Handover(pending, System.nanoTime());
            while (!queue.offer(handover, 1, TimeUnit.SECONDS)) {
                if (!writer.isAlive()) {
                    throw new IllegalStateException("The bucket writer stopped");
                }
            }
        }
        catch (InterruptedException ex) {
            waiting.decrementAndGet();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while handing over its bucket changes", ex);
        }
        catch (RuntimeException ex) {
            waiting.decrementAndGet();
            throw ex;
        }
    }

    /** Whether nothing handed over waits to be applied. */
    boolean idle() {
        return waiting.get() == 0;
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            try {
                Handover first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                long began = System.nanoTime();
                writeGroup(first);
                long rest = intervalNanos - (System.nanoTime() - began);
                if (rest > 0 && running) {
                    TimeUnit.NANOSECONDS.sleep(rest);
                }
            }
            catch (InterruptedException ex) {
                running = false;
                Thread.currentThread().interrupt();
                break;
            }
        }
    }

    /** Writes the hand-over with all those waiting behind it, up to {@code MAX_GROUP}. */
    private void writeGroup(Handover first) {
        List<Handover> group = new ArrayList<>();
        group.add(first);
        queue.drainTo(group, MAX_GROUP - 1);
        groupSizes.record(group.size());
        try {
            write(fresh(group));
        }
        catch (RuntimeException ex) {
            // whatever went wrong, the changes stay pending in the ledger and the sweep applies them
            log.warn("Bucket changes of {} ledger writes not applied: {}", group.size(),
                    ex.getClass().getSimpleName());
        }
        finally {
            waiting.addAndGet(-group.size());
        }
    }

    /**
     * The hand-overs of the group recent enough to be applied from their copies; the others (the store was slow for
     * a long time) are left to the retry by case id, which reads them afresh: a copy applied after the buckets' guard
     * entries for its changes were pruned would count them twice.
     */
    private List<List<Written>> fresh(List<Handover> group) {
        long now = System.nanoTime();
        List<List<Written>> fresh = new ArrayList<>();
        for (Handover h : group) {
            if (now - h.at() <= maxAgeNanos) {
                fresh.add(h.written());
            }
            else {
                h.written().forEach(w -> store.failedToFlush(w.generation(), List.of(w.document().id())));
            }
        }
        return fresh;
    }

    private void write(List<List<Written>> group) {
        try {
            flush(group);
        }
        catch (RuntimeException groupFailed) {
            // one case's failure must not hold up the others: each hand-over is applied on its own now
            for (List<Written> written : group) {
                try {
                    flush(List.of(written));
                }
                catch (RuntimeException ex) {
                    // retried by case id every pending-retry, and by the sweep
                    written.forEach(w -> store.failedToFlush(w.generation(), List.of(w.document().id())));
                    log.warn("Bucket changes of case {} not applied yet: {}", written.get(0).document().id(),
                            ex.getClass().getSimpleName());
                }
            }
        }
    }

    private void flush(List<List<Written>> group) {
        Map<Generation, List<LedgerDocument>> byGeneration = new LinkedHashMap<>();
        group.forEach(written -> written.forEach(w -> byGeneration
                .computeIfAbsent(w.generation(), g -> new ArrayList<>()).add(w.document())));
        byGeneration.forEach(store::flush);
    }

    @Override
    public void destroy() throws InterruptedException {
        running = false;
        writer.join(TimeUnit.SECONDS.toMillis(10));
    }
}
