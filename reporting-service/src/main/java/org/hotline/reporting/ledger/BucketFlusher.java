package org.hotline.reporting.ledger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Applies the bucket changes of ledger writes in groups (a group commit): each consumer thread hands over the
 * documents it wrote and waits until their changes are applied, while one writer thread applies everything handed
 * over meanwhile together, in one bulk write per bucket collection and one clearing the ledger documents. So a
 * record's offset is committed only once its bucket changes are applied, as if each thread applied its own, but the
 * write commands are shared by the records of all consumer threads (see {@code recordEvent-in-0.consumer.concurrency}).
 */
@Component
class BucketFlusher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BucketFlusher.class);
    private static final int MAX_GROUP = 500;

    /** A document written in a generation, its changes still to apply. */
    record Written(Generation generation, LedgerDocument document) {
    }

    private record Handover(List<Written> written, CompletableFuture<Void> applied) {
    }

    private final LedgerStore store;
    private final DistributionSummary groupSizes;
    private final BlockingQueue<Handover> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;

    BucketFlusher(LedgerStore store, MeterRegistry meters) {
        this.store = store;
        this.groupSizes = DistributionSummary.builder("hotline.reporting.bucket.group")
                .description("Ledger writes whose bucket changes were applied together").baseUnit("writes")
                .register(meters);
        this.writer = new Thread(this::run, "ledger-bucket-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /**
     * Applies the pending bucket changes of the documents, together with those other threads hand over meanwhile;
     * returns once they are applied, or throws what failed.
     */
    void apply(List<Written> written) {
        if (written.stream().noneMatch(w -> w.document().hasPending())) {
            return;
        }
        if (!running || !writer.isAlive()) {
            throw new IllegalStateException("The bucket writer is stopped");
        }
        Handover handover = new Handover(written, new CompletableFuture<>());
        queue.add(handover);
        while (true) {
            try {
                handover.applied().get(1, TimeUnit.SECONDS);
                return;
            }
            catch (TimeoutException stillWriting) {
                if (!writer.isAlive()) {
                    handover.applied().completeExceptionally(new IllegalStateException("The bucket writer stopped"));
                }
            }
            catch (ExecutionException ex) {
                throw ex.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(ex);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while its bucket changes were being applied", ex);
            }
        }
    }

    private void run() {
        List<Handover> group = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Handover first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, MAX_GROUP - 1);
                groupSizes.record(group.size());
                write(group);
            }
            catch (InterruptedException ex) {
                running = false;
                queue.drainTo(group);
                Thread.currentThread().interrupt();
                break;
            }
            finally {
                group.forEach(h -> h.applied().completeExceptionally(
                        new IllegalStateException("The bucket writer stopped before applying the changes")));
                group.clear();
            }
        }
    }

    private void write(List<Handover> group) {
        try {
            flush(group);
            group.forEach(h -> h.applied().complete(null));
        }
        catch (RuntimeException groupFailed) {
            // one record's failure must not fail the others: each is applied on its own now
            for (Handover h : group) {
                try {
                    flush(List.of(h));
                    h.applied().complete(null);
                }
                catch (RuntimeException ex) {
                    // the consumer retries the record; should it give it up, its case is retried by id
                    h.written().forEach(w -> store.failedToFlush(w.generation(), List.of(w.document().id())));
                    log.warn("Bucket changes of case {} not applied yet: {}", h.written().get(0).document().id(),
                            ex.getClass().getSimpleName());
                    h.applied().completeExceptionally(ex);
                }
            }
        }
    }

    private void flush(List<Handover> group) {
        Map<Generation, List<LedgerDocument>> byGeneration = new LinkedHashMap<>();
        group.forEach(h -> h.written().forEach(w -> byGeneration
                .computeIfAbsent(w.generation(), g -> new ArrayList<>()).add(w.document())));
        byGeneration.forEach(store::flush);
    }

    @Override
    public void destroy() throws InterruptedException {
        running = false;
        writer.join(TimeUnit.SECONDS.toMillis(10));
    }
}
