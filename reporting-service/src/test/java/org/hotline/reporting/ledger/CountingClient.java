package org.hotline.reporting.ledger;

import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/** A client of the MongoDB stand-in that counts the update statements and the find commands it sends. */
final class CountingClient {

    private CountingClient() {
    }

    static MongoClient create(int port, AtomicInteger updates) {
        return create(port, updates, new AtomicInteger());
    }

    static MongoClient create(int port, AtomicInteger updates, AtomicInteger finds) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        if (event.getCommandName().equals("update")) {
                            updates.addAndGet(event.getCommand().getArray("updates").size());
                        }
                        else if (event.getCommandName().equals("find")) {
                            finds.incrementAndGet();
                        }
                    }
                }).build());
    }
}
