package org.hotline.events;

import java.nio.charset.StandardCharsets;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes event payloads as JSON. Unknown fields are ignored, so producers may add optional fields
 * within a schema version without breaking consumers.
 */
public final class EventCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private EventCodec() {
    }

    public static byte[] encode(HotlineEvent event) {
        return MAPPER.writeValueAsBytes(event);
    }

    public static String encodeToString(HotlineEvent event) {
        return MAPPER.writeValueAsString(event);
    }

    /**
     * Reads an event; a payload that is not valid JSON for the type, or lacks its envelope, fails with an
     * {@link EventFormatException} that names the type and the problem (never the payload, which may hold
     * sensitive content).
     */
    public static <T extends HotlineEvent> T decode(byte[] payload, Class<T> type) {
        T event;
        try {
            event = MAPPER.readValue(payload, type);
        }
        catch (JacksonException ex) {
            // Jackson's own message may quote the offending value: report only the kind of problem and where.
            String where = ex.getPathReference();
            throw new EventFormatException("Cannot read " + EventType.of(type).cloudEventType() + ": "
                    + ex.getClass().getSimpleName() + (where == null || where.isEmpty() ? "" : " at " + where), null);
        }
        catch (RuntimeException ex) {
            throw new EventFormatException("Cannot read " + EventType.of(type).cloudEventType() + ": "
                    + ex.getClass().getSimpleName(), null);
        }
        if (event == null || event.envelope() == null) {
            throw new EventFormatException("Cannot read " + EventType.of(type).cloudEventType()
                    + ": the envelope is missing", null);
        }
        return event;
    }

    public static <T extends HotlineEvent> T decode(String payload, Class<T> type) {
        return decode(payload.getBytes(StandardCharsets.UTF_8), type);
    }
}
