package org.hotline.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hotline.events.intake.CaseOpened;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Golden fixtures: the JSON of every event as published in version 1 must keep deserializing to the same
 * record. Regenerate after an additive change with {@code -Dfixtures.write=true} and review the diff.
 */
class EventCodecTests {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    @ParameterizedTest
    @EnumSource(EventType.class)
    void whenAGoldenFixtureIsReadThenItEqualsTheSample(EventType type) throws IOException {
        HotlineEvent sample = EventSamples.of(type);
        Path fixture = FIXTURES.resolve(type.cloudEventType() + ".json");
        if (Boolean.getBoolean("fixtures.write")) {
            Files.writeString(fixture, new String(EventCodec.encode(sample), StandardCharsets.UTF_8) + "\n");
        }
        HotlineEvent read = EventCodec.decode(Files.readAllBytes(fixture), type.recordType());
        assertThat(read).isEqualTo(sample);
        assertThat(read.type()).isEqualTo(type);
    }

    @Test
    void whenAPayloadHasAFieldThisVersionDoesNotKnowThenItIsIgnored() throws IOException {
        byte[] json = Files.readAllBytes(FIXTURES.resolve("org.hotline.case.opened.v1-extra-field.json"));
        CaseOpened read = EventCodec.decode(json, CaseOpened.class);
        assertThat(read).isEqualTo(EventSamples.of(EventType.CASE_OPENED));
    }

    @Test
    void whenAPayloadIsNotJsonThenTheErrorNamesTheTypeButNotThePayload() {
        byte[] garbage = "{\"caller\": \"Zhang San 13800000000\"".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> EventCodec.decode(garbage, CaseOpened.class))
                .isInstanceOf(EventFormatException.class)
                .hasMessageStartingWith("Cannot read org.hotline.case.opened.v1")
                .hasMessageNotContaining("13800000000");
    }

    @Test
    void whenThePayloadLacksTheEnvelopeThenItIsRefused() {
        byte[] json = "{\"trackingNumber\":\"HL-1\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> EventCodec.decode(json, CaseOpened.class))
                .isInstanceOf(EventFormatException.class)
                .hasMessageContaining("envelope");
    }

    @Test
    void whenTimesAreWrittenThenTheyAreIsoInstants() {
        String json = EventCodec.encodeToString(EventSamples.of(EventType.CASE_OPENED));
        assertThat(json).contains("\"occurredAt\":\"2026-11-23T01:30:00Z\"");
    }
}
