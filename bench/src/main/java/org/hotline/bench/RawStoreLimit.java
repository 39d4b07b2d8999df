package org.hotline.bench;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

/**
 * The store's own write limit on this machine, measured on the same store the suite used: {@value #CLIENTS} clients
 * (about as many as the services' consumer and request threads writing at once; with fewer, the stand-in, which
 * commits before it acknowledges, shares fewer commits) insert documents of about 1 KB one at a time ({@code insertOne},
 * the driver's default acknowledged write concern), then change one field of each by {@code _id}, one
 * {@code updateOne} per document. Both phases are timed; the results are single-document inserts and updates per
 * second.
 * <p>
 * It writes into the scratch database {@value #DATABASE}, dropped before and after, and never touches the suite's
 * data. A failure does not stop the benchmark: the result then says what went wrong and the report says the limit
 * was not measured.
 */
final class RawStoreLimit {

    static final String DATABASE = "hotline-bench-store-limit";
    static final String COLLECTION = "documents";
    static final int CLIENTS = 16;
    static final int DOCUMENT_BYTES = 1024;

    /**
     * What was measured.
     *
     * @param records documents inserted and then updated; 0 when the measurement was skipped
     * @param insertsPerSecond single-document inserts per second, all clients together
     * @param updatesPerSecond single-document updates per second, all clients together
     * @param failure why the measurement failed; {@code null} when it did not
     */
    record Result(long records, int clients, int documentBytes, double insertsPerSecond, double updatesPerSecond,
            String failure) {

        static Result skipped() {
            return new Result(0, CLIENTS, DOCUMENT_BYTES, 0, 0, null);
        }

        static Result failed(long records, String failure) {
            return new Result(records, CLIENTS, DOCUMENT_BYTES, 0, 0, failure);
        }

        boolean skippedMeasurement() {
            return records <= 0;
        }

        boolean measured() {
            return !skippedMeasurement() && failure == null && insertsPerSecond > 0;
        }
    }

    private RawStoreLimit() {
    }

    /**
     * Measures the limit with {@code records} documents on the store at {@code uri}; 0 or less skips it. Never
     * throws: a store that cannot be reached or rejects a write gives a failed result.
     */
    static Result measure(String uri, long records) {
        if (records <= 0) {
            return Result.skipped();
        }
        try (MongoClient client = MongoClients.create(uri)) {
            MongoDatabase database = client.getDatabase(DATABASE);
            database.drop();
            try {
                MongoCollection<Document> documents = database.getCollection(COLLECTION);
                // the collection exists before the clock starts, so the first insert does not pay for creating it
                documents.insertOne(document(-1));
                documents.deleteOne(Filters.eq("_id", id(-1)));
                double inserts = timed(records, n -> documents.insertOne(document(n)));
                double updates = timed(records, n -> {
                    if (documents.updateOne(Filters.eq("_id", id(n)), Updates.set("state", "updated"))
                            .getMatchedCount() != 1) {
                        throw new IllegalStateException("document " + id(n) + " was not found to update");
                    }
                });
                return new Result(records, CLIENTS, DOCUMENT_BYTES, inserts, updates, null);
            }
            finally {
                database.drop();
            }
        }
        catch (Exception ex) {
            if (ex instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Throwable cause = ex instanceof ExecutionException && ex.getCause() != null ? ex.getCause() : ex;
            return Result.failed(records, cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
    }

    /**
     * Runs {@code operation} for 0 … records-1 on {@value #CLIENTS} threads; operations per second. The first failure
     * stops every client, so an unreachable store fails the measurement once instead of once per document.
     */
    private static double timed(long records, LongConsumer operation) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        AtomicBoolean failed = new AtomicBoolean();
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                long first = client;
                work.add(() -> {
                    try {
                        for (long n = first; n < records && !failed.get(); n += CLIENTS) {
                            operation.accept(n);
                        }
                    }
                    catch (RuntimeException ex) {
                        failed.set(true);
                        throw ex;
                    }
                    return null;
                });
            }
            long start = System.nanoTime();
            for (Future<Void> done : clients.invokeAll(work)) {
                done.get();
            }
            return records / ((System.nanoTime() - start) / 1e9);
        }
        finally {
            clients.shutdownNow();
        }
    }

    static String id(long n) {
        return String.format("store-limit-%012d", n);
    }

    /** Document {@code n}: its {@code _id}, a state, a number, a time and text, {@value #DOCUMENT_BYTES} bytes as BSON. */
    static Document document(long n) {
        Document document = new Document("_id", id(n)).append("state", "new").append("number", n)
                .append("createdAt", new Date(0)).append("text", "");
        int rest = DOCUMENT_BYTES - size(document);
        return document.append("text", "x".repeat(Math.max(0, rest)));
    }

    static int size(Document document) {
        return new RawBsonDocument(document, new DocumentCodec()).getByteBuffer().remaining();
    }
}
