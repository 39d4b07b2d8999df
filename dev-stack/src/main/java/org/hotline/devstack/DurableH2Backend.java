package org.hotline.devstack;

import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.LoggerFactory;

/**
 * The H2 (MVStore) backend of the MongoDB stand-in, made durable per acknowledged write.
 * <p>
 * The plain backend writes its changes to the file in the background about once a second, so a crash loses
 * the writes of the last second even though clients were told they succeeded. This backend writes the
 * store to the file before it replies to any command that changed data (insert, update, delete,
 * findAndModify, index and collection changes, ...). Concurrent writers share commits (group commit): one committer
 * thread writes everything pending, and every command whose changes that commit covered is answered after it.
 * <p>
 * A commit survives the process being killed; it is not flushed to the disk device, so a power failure can
 * still lose the most recent writes.
 * <p>
 * Committing per write produces many small chunks in the file. Space of superseded chunks is reused after
 * {@link #RETENTION_MILLIS} instead of the store's default 45 s, which keeps the file from growing to
 * hundreds of megabytes under a steady stream of writes.
 * <p>
 * Its databases look documents up by {@code _id} whenever a query names one ({@link IdLookupH2Database}).
 */
class DurableH2Backend extends H2Backend {

    static final int RETENTION_MILLIS = 2_000;

    /**
     * Megabytes of pages kept read (the store's default is 16): queries the stand-in answers by reading a whole
     * collection, such as KPI buckets over a year, then read memory instead of decoding the file again.
     */
    static final int CACHE_MEGABYTES = 256;

    /** With background commits off, this backend compacts: every so many commits, a few MB of sparse chunks. */
    static final int COMPACT_EVERY_COMMITS = 500;
    static final int COMPACT_FILL_RATE = 60;
    static final int COMPACT_BYTES = 4 << 20;

    /**
     * Commands hold it shared, a commit holds it alone. The stand-in changes stored documents in place while it
     * updates them, so a commit that wrote the pages out while a command changed one of their documents would write
     * half a change (or fail, and close the store).
     */
    private final ReentrantReadWriteLock changes = new ReentrantReadWriteLock();
    private final OperationCounters counters = new OperationCounters();

    private DurableH2Backend(MVStore store) {
        super(store);
        startCommitter();
    }

    private static final String FORMAT = "hotline.format";
    private static final String BSON = "bson";

    /** Opens (or creates) the store file. */
    static DurableH2Backend open(Path file) {
        // no background commits: every commit is this backend's, taken while no command changes anything
        MVStore store = new MVStore.Builder().fileName(file.toString()).cacheSize(CACHE_MEGABYTES)
                .autoCommitDisabled().open();
        store.setRetentionTime(RETENTION_MILLIS);
        MVMap<String, String> format = store.openMap(FORMAT);
        boolean earlierFile = store.getMapNames().stream().anyMatch(name -> name.startsWith("databases."));
        if (format.isEmpty() && !earlierFile) {
            format.put("values", BSON);
            format.put("keys", BSON);
            store.commit();
        }
        if (!storesBson(store) || !storesBsonKeys(store)) {
            LoggerFactory.getLogger(DurableH2Backend.class).warn("{} keeps documents or index keys in an older,"
                    + " slower format; a fresh data directory stores them as BSON", file);
        }
        return new DurableH2Backend(store);
    }

    /** Whether the file keeps documents as BSON (files made before that keep them Java-serialized). */
    static boolean storesBson(MVStore store) {
        return BSON.equals(store.<String, String>openMap(FORMAT).get("values"));
    }

    /**
     * Whether the file keeps the keys of unique indexes as BSON ({@link KeyValueType}); files made before that keep
     * them Java-serialized, in the order of their serialized bytes, and go on doing so.
     */
    static boolean storesBsonKeys(MVStore store) {
        return BSON.equals(store.<String, String>openMap(FORMAT).get("keys"));
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IdLookupH2Database(databaseName, getMvStore(), getCursorRegistry()) {
            @Override
            MVStore store() {
                return getMvStore();
            }
        };
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if ("hello".equals(command)) {
            // what newer drivers and health checks ask; the stand-in knows it by its older name
            command = "isMaster";
        }
        counters.count(command, query);
        Document result;
        long started = System.nanoTime();
        changes.readLock().lock();
        try {
            result = super.handleCommand(channel, databaseName, command, query);
        } finally {
            changes.readLock().unlock();
            counters.timed(databaseName, command, query, System.nanoTime() - started);
            commitIfChanged();
        }
        if ("serverStatus".equalsIgnoreCase(command) && result != null) {
            counters.report(result, getMvStore());
        }
        return result;
    }

    @Override
    public void dropDatabase(String database) {
        if (changes.getReadHoldCount() > 0) {
            // within a command, which commits when it is done
            super.dropDatabase(database);
            return;
        }
        changes.readLock().lock();
        try {
            super.dropDatabase(database);
        } finally {
            changes.readLock().unlock();
            commitIfChanged();
        }
    }

    /**
     * Returns once the changes a command just made (and any made before them) are in the file: group commit. The
     * committer writes whatever is pending when it starts, while no command runs, so one commit covers the commands of
     * every writer that finished before it; under load a single commit covers many writes instead of one each.
     */
    void commitIfChanged() {
        MVStore store = getMvStore();
        if (store.isClosed() || !store.hasUnsavedChanges()) {
            return;
        }
        long ticket;
        synchronized (commits) {
            // the next commit to start writes this command's changes: it starts after the command released its lock
            ticket = committed + 1;
            if (requested < ticket) {
                requested = ticket;
                commits.notifyAll();
            }
            while (committed < ticket && !closing) {
                try {
                    commits.wait();
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (ticket > failedAfter && ticket <= failedUpTo) {
                // the commit meant to write this command's changes failed: the client must not take them as stored
                throw failure;
            }
        }
    }

    private final Object commits = new Object();
    private long requested;
    private long committed;
    private boolean closing;
    private long failedAfter;
    private long failedUpTo;
    private RuntimeException failure;
    private Thread committer;

    private void startCommitter() {
        committer = new Thread(this::commitWhenRequested, "stand-in-committer");
        committer.setDaemon(true);
        committer.start();
    }

    private void commitWhenRequested() {
        while (true) {
            long target;
            synchronized (commits) {
                while (requested <= committed && !closing) {
                    try {
                        commits.wait();
                    }
                    catch (InterruptedException ex) {
                        return;
                    }
                }
                if (closing) {
                    return;
                }
                target = requested;
            }
            RuntimeException failed = null;
            try {
                commitNow();
            }
            catch (RuntimeException ex) {
                LoggerFactory.getLogger(DurableH2Backend.class).error("Commit failed", ex);
                failed = ex;
            }
            synchronized (commits) {
                if (failed != null) {
                    failedAfter = committed;
                    failedUpTo = target;
                    failure = failed;
                }
                committed = target;
                commits.notifyAll();
            }
        }
    }

    /** Writes pending changes to the file while no command changes documents. */
    private void commitNow() {
        MVStore store = getMvStore();
        changes.writeLock().lock();
        try {
            if (!store.isClosed() && store.hasUnsavedChanges()) {
                commit();
                counters.commits.increment();
                if (counters.commits.sum() % COMPACT_EVERY_COMMITS == 0) {
                    // what the store's background writer would do: rewrite sparse chunks so their space is reused
                    store.compact(COMPACT_FILL_RATE, COMPACT_BYTES);
                }
            }
        }
        finally {
            changes.writeLock().unlock();
        }
    }

    @Override
    public void close() {
        synchronized (commits) {
            closing = true;
            commits.notifyAll();
        }
        // the store writes what is pending as it closes
        super.close();
    }
}
