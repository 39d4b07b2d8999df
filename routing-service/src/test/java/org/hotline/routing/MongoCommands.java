package org.hotline.routing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bson.BsonValue;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/**
 * Records the MongoDB commands (store round trips) that one action sends from the calling thread, while consumer
 * threads and the outbox relay use the store too.
 */
public final class MongoCommands implements CommandListener {

    private final List<String> sent = new CopyOnWriteArrayList<>();
    private volatile Thread recording;

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (Thread.currentThread() == recording) {
            BsonValue target = event.getCommand().get(event.getCommandName());
            sent.add(event.getCommandName() + (target != null && target.isString() ? " "
                    + target.asString().getValue() : ""));
        }
    }

    /** The commands, e.g. {@code find routed_cases}, that the action sent from the calling thread. */
    public synchronized List<String> during(Runnable action) {
        sent.clear();
        recording = Thread.currentThread();
        try {
            action.run();
        }
        finally {
            recording = null;
        }
        return List.copyOf(sent);
    }
}
