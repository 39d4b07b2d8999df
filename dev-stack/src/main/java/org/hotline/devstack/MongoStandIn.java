package org.hotline.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The MongoDB stand-in: a MongoDB wire-protocol server that keeps its data in a single H2 MVStore file.
 * Every acknowledged write is in the file before the client sees the acknowledgement.
 */
final class MongoStandIn implements AutoCloseable {

    private final Path file;
    private final int port;
    private DurableH2Backend backend;
    private MongoServer server;

    MongoStandIn(Path file, int port) {
        this.file = file.toAbsolutePath();
        this.port = port;
    }

    synchronized void start() throws IOException {
        if (server != null) {
            throw new IllegalStateException("MongoDB stand-in already started");
        }
        Files.createDirectories(file.getParent());
        DurableH2Backend newBackend = DurableH2Backend.open(file);
        MongoServer newServer = new MongoServer(newBackend);
        try {
            newServer.bind("127.0.0.1", port);
        } catch (RuntimeException e) {
            newBackend.close();
            throw new IllegalStateException("MongoDB stand-in could not listen on 127.0.0.1:" + port, e);
        }
        backend = newBackend;
        server = newServer;
    }

    String connectionString() {
        return "mongodb://127.0.0.1:" + port;
    }

    Path file() {
        return file;
    }

    /** Stops listening, then writes and closes the store file. */
    synchronized void stop() {
        if (server != null) {
            try {
                server.shutdown();
            } finally {
                backend.close();
                server = null;
                backend = null;
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
