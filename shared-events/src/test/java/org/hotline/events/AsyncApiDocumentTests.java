package org.hotline.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Keeps {@code asyncapi.json} true to the event records. After changing a record, regenerate the document with
 * {@code ./mvnw -pl shared-events test -Dasyncapi.write=true} and review the diff.
 */
class AsyncApiDocumentTests {

    private static final Path DOCUMENT = Path.of("src/main/resources/asyncapi.json");

    @Test
    void whenRecordsAreComparedThenTheDocumentDescribesEveryTopicAndField() throws IOException {
        JsonNode doc = AsyncApiGenerator.MAPPER.readTree(committed());
        assertThat(doc.path("asyncapi").asString()).isEqualTo("3.0.0");
        for (EventType type : EventType.values()) {
            List<String> addresses = new ArrayList<>();
            doc.path("channels").forEach(channel -> addresses.add(channel.path("address").asString()));
            assertThat(addresses).as("channel for %s", type).contains(type.topic());
            String name = type.recordType().getSimpleName();
            JsonNode message = doc.path("components").path("messages").path(name);
            assertThat(message.path("title").asString()).isEqualTo(type.cloudEventType());
            JsonNode payload = doc.path("components").path("schemas").path(name).path("properties");
            List<String> documented = new ArrayList<>(payload.propertyNames());
            List<String> fields = Arrays.stream(type.recordType().getRecordComponents())
                    .map(RecordComponent::getName).toList();
            assertThat(documented).as("fields of %s", name).containsExactlyElementsOf(fields);
        }
    }

    @Test
    void whenTheDocumentIsRegeneratedThenNothingChanges() throws IOException {
        String generated = new AsyncApiGenerator().generate();
        if (Boolean.getBoolean("asyncapi.write")) {
            Files.writeString(DOCUMENT, generated);
        }
        assertThat(committed()).as("asyncapi.json is out of date: regenerate it with -Dasyncapi.write=true")
                .isEqualTo(generated);
    }

    private static String committed() throws IOException {
        return Files.readString(DOCUMENT, StandardCharsets.UTF_8);
    }
}
