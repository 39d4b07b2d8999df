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
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

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
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

/**
 * Publishes the events waiting in aggregate documents, in order, keyed by case id, and removes them once Kafka
 * acknowledged them. A document is claimed for a short lease first, so several instances of a service share the
 * work without publishing the same events twice. Claiming and removing both advance the document's version, so a
 * service holding an older copy cannot write published events back: its save fails with an optimistic-locking
 * conflict and it applies its change again on the fresh document. After a crash, an event may be published again;
 * consumers deduplicate it by event id.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    static final String OUTBOX = "outbox";
    static final String CLAIMED_UNTIL = "outboxClaimedUntil";
    static final String VERSION = "version";

    private final MongoTemplate mongo;
    private final StreamBridge bridge;
    private final List<String> collections;
    private final Executor executor;
    private final Clock clock;
    private final Duration lease;
    private final int batchSize;

    public OutboxRelay(MongoTemplate mongo, StreamBridge bridge, List<String> collections, Executor executor,
            Clock clock, Duration lease, int batchSize) {
        this.mongo = mongo;
        this.bridge = bridge;
        this.collections = List.copyOf(collections);
        this.executor = executor;
        this.clock = clock;
        this.lease = lease;
        this.batchSize = batchSize;
    }

    /** Publishes one document's pending events soon, without waiting for the next sweep. */
    public void publishSoon(String collection, Object id) {
        executor.execute(() -> {
            try {
                publish(collection, id);
            }
            catch (RuntimeException ex) {
                log.warn("Outbox of {} {} not published yet, the next sweep retries: {}", collection, id,
                        ex.getMessage());
            }
        });
    }

    /** Publishes what every aggregate collection has pending; returns the number of events published. */
    public int sweep() {
        int published = 0;
        for (String collection : collections) {
            List<Object> ids = new ArrayList<>();
            mongo.getCollection(collection).find(exists(OUTBOX + ".0"))
                    .projection(new Document("_id", 1)).limit(batchSize)
                    .forEach(doc -> ids.add(doc.get("_id")));
            for (Object id : ids) {
                published += publish(collection, id);
            }
        }
        return published;
    }

    int publish(String collection, Object id) {
        MongoCollection<Document> documents = mongo.getCollection(collection);
        Instant now = clock.instant();
        Bson claimable = and(eq("_id", id), exists(OUTBOX + ".0"),
                or(exists(CLAIMED_UNTIL, false), eq(CLAIMED_UNTIL, null), lt(CLAIMED_UNTIL, Date.from(now))));
        Document claimed = documents.findOneAndUpdate(claimable,
                Updates.combine(Updates.set(CLAIMED_UNTIL, Date.from(now.plus(lease))), Updates.inc(VERSION, 1L)),
                new FindOneAndUpdateOptions().projection(new Document(OUTBOX, 1)).returnDocument(ReturnDocument.AFTER));
        if (claimed == null) {
            return 0;
        }
        List<String> sent = new ArrayList<>();
        try {
            for (Document entry : claimed.getList(OUTBOX, Document.class)) {
                send(entry);
                sent.add(entry.getString("eventId"));
            }
        }
        finally {
            documents.updateOne(eq("_id", id),
                    Updates.combine(Updates.pull(OUTBOX, in("eventId", sent)), Updates.unset(CLAIMED_UNTIL),
                            Updates.inc(VERSION, 1L)));
        }
        return sent.size();
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
