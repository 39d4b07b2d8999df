package org.hotline.devstack;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVStore;

/**
 * Counts what the stand-in is asked to do, in the shape of MongoDB's {@code serverStatus.opcounters} (documents
 * inserted, updated and deleted, queries, getMores, other commands), plus the stand-in's own commits and file size
 * under {@code hotlineStore}, with the time the stand-in spent on the commands of each database, collection and
 * command ({@code hotlineStore.time."<database> <collection> <command>" = {n, micros}}). The load benchmark reads them
 * to report store writes, bytes and time per case, and which collections take the store's time.
 */
final class OperationCounters {

    private final LongAdder insert = new LongAdder();
    private final LongAdder query = new LongAdder();
    private final LongAdder update = new LongAdder();
    private final LongAdder delete = new LongAdder();
    private final LongAdder getmore = new LongAdder();
    private final LongAdder command = new LongAdder();
    final LongAdder commits = new LongAdder();
    /** Per "database collection command": how many, and the nanoseconds they took. */
    private final Map<String, LongAdder[]> time = new ConcurrentHashMap<>();

    void count(String name, Document request) {
        switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "insert" -> insert.add(size(request.get("documents")));
            case "update" -> update.add(size(request.get("updates")));
            case "delete" -> delete.add(size(request.get("deletes")));
            case "findandmodify" -> update.increment();
            case "find" -> query.increment();
            case "getmore" -> getmore.increment();
            default -> command.increment();
        }
    }

    /** Counts the time a command took to run (not its wait for the commit). */
    void timed(String database, String command, Document request, long nanos) {
        Object collection = request.get(command);
        String key = database + " " + (collection instanceof String name ? name : "-") + " " + command;
        LongAdder[] spent = time.computeIfAbsent(key, k -> new LongAdder[] {new LongAdder(), new LongAdder()});
        spent[0].increment();
        spent[1].add(nanos);
    }

    void report(Document status, MVStore store) {
        status.put("opcounters", new Document("insert", insert.sum()).append("query", query.sum())
                .append("update", update.sum()).append("delete", delete.sum()).append("getmore", getmore.sum())
                .append("command", command.sum()));
        Document spent = new Document();
        time.forEach((key, t) -> spent.append(key, new Document("n", t[0].sum()).append("micros", t[1].sum() / 1000)));
        Document hotline = new Document("commits", commits.sum()).append("time", spent);
        if (!store.isClosed() && store.getFileStore() != null) {
            hotline.append("fileBytes", store.getFileStore().size());
        }
        status.put("hotlineStore", hotline);
    }

    private static long size(Object documents) {
        return documents instanceof List<?> list ? list.size() : 1;
    }
}
