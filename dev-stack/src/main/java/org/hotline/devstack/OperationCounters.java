package org.hotline.devstack;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVStore;

/**
 * Counts what the stand-in is asked to do, in the shape of MongoDB's {@code serverStatus.opcounters} (documents
 * inserted, updated and deleted, queries, getMores, other commands), plus the stand-in's own commits and file size
 * under {@code hotlineStore}. The load benchmark reads them to report store writes and bytes per case.
 */
final class OperationCounters {

    private final LongAdder insert = new LongAdder();
    private final LongAdder query = new LongAdder();
    private final LongAdder update = new LongAdder();
    private final LongAdder delete = new LongAdder();
    private final LongAdder getmore = new LongAdder();
    private final LongAdder command = new LongAdder();
    final LongAdder commits = new LongAdder();

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

    void report(Document status, MVStore store) {
        status.put("opcounters", new Document("insert", insert.sum()).append("query", query.sum())
                .append("update", update.sum()).append("delete", delete.sum()).append("getmore", getmore.sum())
                .append("command", command.sum()));
        Document hotline = new Document("commits", commits.sum());
        if (!store.isClosed() && store.getFileStore() != null) {
            hotline.append("fileBytes", store.getFileStore().size());
        }
        status.put("hotlineStore", hotline);
    }

    private static long size(Object documents) {
        return documents instanceof List<?> list ? list.size() : 1;
    }
}
