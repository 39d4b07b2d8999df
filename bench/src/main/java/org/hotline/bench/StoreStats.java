package org.hotline.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * Reads the store's operation counters ({@code serverStatus.opcounters}: documents inserted, updated and deleted,
 * queries) and, on the dev stack's stand-in, its commits and file size, to report what one case costs the store.
 */
final class StoreStats implements AutoCloseable {

    /**
     * The counters at one moment; a counter the store does not report is -1.
     *
     * @param micros on the dev stack's stand-in: the time spent per "database collection command" so far
     */
    record Snapshot(long writes, long queries, long commits, long fileBytes, Map<String, Long> micros) {

        PerCase usePerCase(Snapshot after, long cases) {
            double n = Math.max(1, cases);
            Map<String, Double> millis = new LinkedHashMap<>();
            after.micros.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), (e.getValue() - micros.getOrDefault(e.getKey(), 0L)) / 1000.0 / n))
                    .filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .forEach(e -> millis.put(e.getKey(), e.getValue()));
            return new PerCase((after.writes - writes) / n, (after.queries - queries) / n,
                    commits < 0 || after.commits < 0 ? -1 : (after.commits - commits) / n,
                    fileBytes < 0 || after.fileBytes < 0 ? -1 : (after.fileBytes - fileBytes) / n, millis);
        }
    }

    /**
     * Store use per case posted; -1 where the store does not report it.
     *
     * @param millis the stand-in's time per case by "database collection command", most first (empty elsewhere)
     */
    record PerCase(double writes, double queries, double commits, double fileBytes, Map<String, Double> millis) {

        double totalMillis() {
            return millis.values().stream().mapToDouble(Double::doubleValue).sum();
        }
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
        Map<String, Long> micros = new LinkedHashMap<>();
        Document time = stand == null ? null : stand.get("time", Document.class);
        if (time != null) {
            time.forEach((key, value) -> micros.put(key, number((Document) value, "micros")));
        }
        return new Snapshot(writes, queries, stand == null ? -1 : number(stand, "commits"),
                stand == null ? -1 : number(stand, "fileBytes"), micros);
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
