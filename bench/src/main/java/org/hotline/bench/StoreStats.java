package org.hotline.bench;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * Reads the store's operation counters ({@code serverStatus.opcounters}: documents inserted, updated and deleted,
 * queries) and, on the dev stack's stand-in, its commits and file size, to report what one case costs the store.
 */
final class StoreStats implements AutoCloseable {

    /** The counters at one moment; a counter the store does not report is -1. */
    record Snapshot(long writes, long queries, long commits, long fileBytes) {

        PerCase usePerCase(Snapshot after, long cases) {
            double n = Math.max(1, cases);
            return new PerCase((after.writes - writes) / n, (after.queries - queries) / n,
                    commits < 0 || after.commits < 0 ? -1 : (after.commits - commits) / n,
                    fileBytes < 0 || after.fileBytes < 0 ? -1 : (after.fileBytes - fileBytes) / n);
        }
    }

    /** Store use per case posted; -1 where the store does not report it. */
    record PerCase(double writes, double queries, double commits, double fileBytes) {
    }

    private final MongoClient client;

    StoreStats(String uri) {
        this.client = MongoClients.create(uri);
    }

    Snapshot snapshot() {
        Document status = client.getDatabase("admin").runCommand(new Document("serverStatus", 1));
        Document ops = status.get("opcounters", Document.class);
        Document stand = status.get("hotlineStore", Document.class);
        long writes = ops == null ? -1 : number(ops, "insert") + number(ops, "update") + number(ops, "delete");
        long queries = ops == null ? -1 : number(ops, "query") + number(ops, "getmore");
        return new Snapshot(writes, queries, stand == null ? -1 : number(stand, "commits"),
                stand == null ? -1 : number(stand, "fileBytes"));
    }

    private static long number(Document document, String key) {
        Object value = document.get(key);
        return value instanceof Number n ? n.longValue() : 0;
    }

    @Override
    public void close() {
        client.close();
    }
}
