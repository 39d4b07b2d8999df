package org.hotline.support.outbox;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

/**
 * Publishes the events waiting in aggregate documents, in order, keyed by case id, and removes them once Kafka
 * acknowledged them.
 * <p>
 * Documents are claimed for a short lease first, so several instances of a service share the work without
 * publishing the same events twice. Claiming and removing both advance the document's version, so a service holding
 * an older copy cannot write published events back: its save fails with an optimistic-locking conflict and it applies
 * its change again on the fresh document. After a crash, an event may be published again; consumers deduplicate it
 * by event id.
 * <p>
 * A document saved with new events is published at once ({@link #publishSoon}). Documents saved meanwhile are
 * published together: one update claims them all, one query reads their events and one bulk write removes the
 * published ones, so the store sees three commands for a whole batch instead of two per document (a batch of one
 * document, the usual case right after a save, is claimed and read in one command: two in all).
 * <p>
 * The sweep ({@link #sweepIfDue}) is the safety net: it reads the collections for documents with waiting events at
 * start-up, right after a publication failed (Kafka or the store away) until it finds nothing left, and otherwise
 * every {@code fullSweepInterval}, for what another instance left behind when it crashed.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    static final String OUTBOX = "outbox";
    static final String CLAIMED_UNTIL = "outboxClaimedUntil";
    static final String CLAIM = "outboxClaim";
    static final String VERSION = "version";

    /** How many batches may be published at once. */
    private static final int PUBLISHERS = 2;

    private record Waiting(String collection, Object id) {
    }

    private final MongoTemplate mongo;
    private final StreamBridge bridge;
    private final List<String> collections;
    private final Executor executor;
    private final Clock clock;
    private final Duration lease;
    private final int batchSize;
    private final Duration fullSweepInterval;
    private final Set<Waiting> waiting = new LinkedHashSet<>();
    private final AtomicInteger publishers = new AtomicInteger();
    /** Whether events may be waiting that no publication is under way for: true until the first sweep. */
    private final AtomicBoolean backlog = new AtomicBoolean(true);
    private volatile Instant lastSweep = Instant.MIN;

    public OutboxRelay(MongoTemplate mongo, StreamBridge bridge, List<String> collections, Executor executor,
            Clock clock, Duration lease, int batchSize, Duration fullSweepInterval) {
        this.mongo = mongo;
        this.bridge = bridge;
        this.collections = List.copyOf(collections);
        this.executor = executor;
        this.clock = clock;
        this.lease = lease;
        this.batchSize = batchSize;
        this.fullSweepInterval = fullSweepInterval;
    }

    /** Publishes one document's pending events soon, together with the other documents waiting then. */
    public void publishSoon(String collection, Object id) {
        synchronized (waiting) {
            waiting.add(new Waiting(collection, id));
        }
        startPublisher();
    }

    private void startPublisher() {
        int running = publishers.get();
        while (running < PUBLISHERS) {
            if (publishers.compareAndSet(running, running + 1)) {
                try {
                    executor.execute(this::publishWaiting);
                }
                catch (RuntimeException ex) {
                    publishers.decrementAndGet();
                    backlog.set(true);
                    log.warn("Outbox publication not started, the next sweep publishes: {}", ex.getMessage());
                }
                return;
            }
            running = publishers.get();
        }
    }

    private void publishWaiting() {
        try {
            Map<String, List<Object>> batch;
            while (!(batch = nextBatch()).isEmpty()) {
                batch.forEach((collection, ids) -> {
                    try {
                        publish(collection, ids);
                    }
                    catch (RuntimeException ex) {
                        backlog.set(true);
                        log.warn("Outbox of {} documents in {} not published yet, the next sweep retries: {}",
                                ids.size(), collection, ex.getMessage());
                    }
                });
            }
        }
        finally {
            publishers.decrementAndGet();
        }
        boolean more;
        synchronized (waiting) {
            more = !waiting.isEmpty();
        }
        if (more) {
            startPublisher();
        }
    }

    private Map<String, List<Object>> nextBatch() {
        Map<String, List<Object>> batch = new LinkedHashMap<>();
        synchronized (waiting) {
            Iterator<Waiting> next = waiting.iterator();
            for (int taken = 0; taken < batchSize && next.hasNext(); taken++) {
                Waiting document = next.next();
                next.remove();
                batch.computeIfAbsent(document.collection(), c -> new ArrayList<>()).add(document.id());
            }
        }
        return batch;
    }

    /**
     * Sweeps if a publication failed since the last sweep, at the first call, or if the last sweep is older than the
     * full-sweep interval; returns the number of events published.
     */
    public int sweepIfDue() {
        Instant now = clock.instant();
        if (!backlog.get() && now.isBefore(lastSweep.plus(fullSweepInterval))) {
            return 0;
        }
        return sweep();
    }

    /** Publishes what every aggregate collection has pending; returns the number of events published. */
    public int sweep() {
        backlog.set(false);
        lastSweep = clock.instant();
        int published = 0;
        try {
            for (String collection : collections) {
                List<Object> ids = new ArrayList<>();
                mongo.getCollection(collection).find(exists(OUTBOX + ".0"))
                        .projection(new Document("_id", 1)).limit(batchSize)
                        .forEach(doc -> ids.add(doc.get("_id")));
                if (ids.size() == batchSize) {
                    // more may be waiting: the next sweep goes on at once
                    backlog.set(true);
                }
                if (!ids.isEmpty()) {
                    published += publish(collection, ids);
                }
            }
        }
        catch (RuntimeException ex) {
            backlog.set(true);
            throw ex;
        }
        return published;
    }

    int publish(String collection, List<Object> ids) {
        MongoCollection<Document> documents = mongo.getCollection(collection);
        Instant now = clock.instant();
        String claim = UUID.randomUUID().toString();
        Bson claimable = and(in("_id", ids), exists(OUTBOX + ".0"),
                or(exists(CLAIMED_UNTIL, false), eq(CLAIMED_UNTIL, null), lt(CLAIMED_UNTIL, Date.from(now))));
        Bson claimIt = Updates.combine(Updates.set(CLAIMED_UNTIL, Date.from(now.plus(lease))),
                Updates.set(CLAIM, claim), Updates.inc(VERSION, 1L));
        List<Document> claimed;
        if (ids.size() == 1) {
            // the usual case right after a save: claim and read in one command
            Document one = documents.findOneAndUpdate(claimable, claimIt, new FindOneAndUpdateOptions()
                    .projection(new Document(OUTBOX, 1)).returnDocument(ReturnDocument.AFTER));
            claimed = one == null ? List.of() : List.of(one);
        }
        else {
            documents.updateMany(claimable, claimIt);
            claimed = documents.find(and(in("_id", ids), eq(CLAIM, claim))).projection(new Document(OUTBOX, 1))
                    .into(new ArrayList<>());
        }
        if (claimed.isEmpty()) {
            return 0;
        }
        List<WriteModel<Document>> releases = new ArrayList<>();
        RuntimeException failure = null;
        int published = 0;
        for (Document document : claimed) {
            List<String> sent = new ArrayList<>();
            if (failure == null) {
                try {
                    for (Document entry : document.getList(OUTBOX, Document.class)) {
                        send(entry);
                        sent.add(entry.getString("eventId"));
                    }
                }
                catch (RuntimeException ex) {
                    failure = ex;
                }
            }
            published += sent.size();
            releases.add(new UpdateOneModel<>(and(eq("_id", document.get("_id")), eq(CLAIM, claim)),
                    Updates.combine(Updates.pull(OUTBOX, in("eventId", sent)), Updates.unset(CLAIMED_UNTIL),
                            Updates.unset(CLAIM), Updates.inc(VERSION, 1L))));
        }
        documents.bulkWrite(releases);
        if (failure != null) {
            throw failure;
        }
        return published;
    }

    private void send(Document entry) {
        MessageBuilder<byte[]> builder = MessageBuilder
                .withPayload(entry.getString("payload").getBytes(StandardCharsets.UTF_8))
                .setHeader(KafkaHeaders.KEY, entry.getString("key").getBytes(StandardCharsets.UTF_8))
                .setHeader("contentType", MimeTypeUtils.APPLICATION_JSON_VALUE);
        Document headers = entry.get("headers", Document.class);
        if (headers != null) {
            for (Map.Entry<String, Object> header : headers.entrySet()) {
                builder.setHeader(header.getKey(), String.valueOf(header.getValue()).getBytes(StandardCharsets.UTF_8));
            }
        }
        Message<byte[]> message = builder.build();
        if (!bridge.send(entry.getString("topic"), message)) {
            throw new IllegalStateException("Kafka did not take event " + entry.getString("eventId"));
        }
        log.debug("Published {} {} for case {}", entry.getString("type"), entry.getString("eventId"),
                entry.getString("key"));
    }
}
