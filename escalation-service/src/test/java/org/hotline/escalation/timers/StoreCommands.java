package org.hotline.escalation.timers;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.bson.BsonValue;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/**
 * Counts the store commands (round trips) one piece of code sends from the calling thread, by the MongoDB driver's
 * command events: the synchronous driver reports a command on the thread that sends it, so the outbox relay's and the
 * poller's commands on their own threads are not counted.
 */
final class StoreCommands implements CommandListener {

    private static final Set<String> READS = Set.of("find", "getMore", "aggregate", "count", "distinct");
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findAndModify");

    /** The reads and writes a piece of code sent, in the order sent, as {@code <command> <collection>}. */
    record Counts(List<String> reads, List<String> writes) {
    }

    private final ThreadLocal<List<String>> counting = new ThreadLocal<>();

    /** Runs the code and returns the commands it sent to the store from this thread. */
    Counts count(Runnable code) {
        List<String> commands = new ArrayList<>();
        counting.set(commands);
        try {
            code.run();
        }
        finally {
            counting.remove();
        }
        return new Counts(commands.stream().filter(c -> READS.contains(c.split(" ")[0])).toList(),
                commands.stream().filter(c -> WRITES.contains(c.split(" ")[0])).toList());
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        List<String> commands = counting.get();
        if (commands != null) {
            BsonValue collection = event.getCommand().get(event.getCommandName());
            commands.add(event.getCommandName() + " "
                    + (collection != null && collection.isString() ? collection.asString().getValue() : ""));
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {

        @Bean
        StoreCommands storeCommands() {
            return new StoreCommands();
        }

        @Bean
        MongoClientSettingsBuilderCustomizer countStoreCommands(StoreCommands commands) {
            return settings -> settings.addCommandListener(commands);
        }
    }
}
