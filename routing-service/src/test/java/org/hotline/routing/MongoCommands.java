package org.hotline.routing;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.bson.BsonValue;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/**
 * Records the MongoDB commands (round trips) each thread sends, so that a test can count what one call costs in store
 * round trips while consumer threads and the outbox relay use the store too.
 */
public final class MongoCommands implements CommandListener {

    private record Sent(Thread thread, String command) {
    }

    private final Queue<Sent> sent = new ConcurrentLinkedQueue<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        BsonValue target = event.getCommand().get(event.getCommandName());
        String collection = target != null && target.isString() ? " " + target.asString().getValue() : "";
        sent.add(new Sent(Thread.currentThread(), event.getCommandName() + collection));
    }

    /** The commands, e.g. {@code find routed_cases}, that the action sent from the calling thread. */
    public List<String> during(Runnable action) {
        sent.clear();
        action.run();
        Thread self = Thread.currentThread();
        return sent.stream().filter(s -> s.thread() == self).map(Sent::command).toList();
    }
}
