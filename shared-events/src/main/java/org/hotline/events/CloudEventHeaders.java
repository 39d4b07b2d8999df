package org.hotline.events;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary content mode: the event's attributes travel as {@code ce_*}
 * record headers and the JSON payload is the record value.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";
    /** Extension attributes for tracing a case flow across services. */
    public static final String CORRELATION_ID = "ce_correlationid";
    public static final String CAUSATION_ID = "ce_causationid";

    /**
     * Not a CloudEvents attribute: the departments an event concerns, comma-separated (e.g. on {@code case.assigned}
     * the lead and assisting departments), so that a department's Kafka client can filter without reading the
     * payload.
     */
    public static final String DEPARTMENTS = "hotline_departments";

    private CloudEventHeaders() {
    }

    /** The source attribute of a producing service, e.g. {@code /hotline/intake-service}. */
    public static String source(String service) {
        return "/hotline/" + service;
    }

    /** The headers of one event, as UTF-8 bytes in a stable order. */
    public static Map<String, byte[]> of(HotlineEvent event) {
        EventEnvelope envelope = event.envelope();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SPEC_VERSION, "1.0");
        headers.put(ID, envelope.eventId().toString());
        headers.put(SOURCE, source(envelope.source()));
        headers.put(TYPE, event.type().cloudEventType());
        headers.put(TIME, DateTimeFormatter.ISO_INSTANT.format(envelope.occurredAt()));
        headers.put(SUBJECT, envelope.caseId());
        headers.put(CONTENT_TYPE, "application/json");
        if (envelope.correlationId() != null) {
            headers.put(CORRELATION_ID, envelope.correlationId());
        }
        if (envelope.causationId() != null) {
            headers.put(CAUSATION_ID, envelope.causationId());
        }
        if (!event.departments().isEmpty()) {
            headers.put(DEPARTMENTS, String.join(",", event.departments()));
        }
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        headers.forEach((name, value) -> bytes.put(name, value.getBytes(StandardCharsets.UTF_8)));
        return bytes;
    }
}
