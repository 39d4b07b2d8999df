package org.hotline.feedback.casefeedback;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bson.BsonDocument;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/**
 * Records the commands the service sends to {@code feedback_cases}, so that tests can count the store round trips
 * an event or request of one case costs: reads ({@code find}) and writes (everything else). The outbox relay's
 * commands (they name its claim) are left out: it publishes the events of many cases at once.
 */
final class StoreCommands implements CommandListener {

    private static final String COLLECTION = "feedback_cases";
    private static final List<String> READS = List.of("find", "aggregate", "count");
    private static final String RELAY_CLAIM = "outboxClaim";

    /** One command: its name and the command document as JSON. */
    record Command(String name, String json) {
    }

    private final List<Command> commands = new CopyOnWriteArrayList<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        BsonDocument command = event.getCommand();
        String name = event.getCommandName();
        if (command.isString(name) && COLLECTION.equals(command.getString(name).getValue())) {
            commands.add(new Command(name, command.toJson()));
        }
    }

    /** The round trips so far that concern the case (name it in their filter, documents or updates). */
    RoundTrips of(String caseId) {
        List<Command> ofCase = commands.stream()
                .filter(c -> c.json().contains(caseId) && !c.json().contains(RELAY_CLAIM)).toList();
        long reads = ofCase.stream().filter(c -> READS.contains(c.name())).count();
        return new RoundTrips(reads, ofCase.size() - reads);
    }

    /** Reads and writes of one case. */
    record RoundTrips(long reads, long writes) {

        RoundTrips since(RoundTrips before) {
            return new RoundTrips(reads - before.reads, writes - before.writes);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {

        @Bean
        StoreCommands storeCommands() {
            return new StoreCommands();
        }

        @Bean
        MongoClientSettingsBuilderCustomizer recordStoreCommands(StoreCommands commands) {
            return settings -> settings.addCommandListener(commands);
        }
    }
}
