package org.hotline.events;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.UUID;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Builds the AsyncAPI 3.0 document of the suite from the event catalogue and the records. */
final class AsyncApiGenerator {

    static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final ObjectNode schemas = nodes.objectNode();

    String generate() {
        ObjectNode doc = nodes.objectNode();
        doc.put("asyncapi", "3.0.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Hotline events");
        info.put("version", "1.0.0");
        info.put("description", "Every fact a Hotline service publishes. Records are keyed by case id, carry "
                + "CloudEvents 1.0 attributes as ce_* headers (Kafka binary content mode) and a JSON value. "
                + "Within a version, fields are only added; consumers ignore fields they do not know.");
        doc.put("defaultContentType", "application/json");
        ObjectNode server = doc.putObject("servers").putObject("dev");
        server.put("host", "127.0.0.1:9092");
        server.put("protocol", "kafka");
        server.put("description", "The dev stack's broker");
        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        ObjectNode components = doc.putObject("components");
        ObjectNode messages = components.putObject("messages");
        components.set("schemas", schemas);
        schemas.set("CloudEventHeaders", headersSchema());
        for (EventType type : EventType.values()) {
            String name = type.recordType().getSimpleName();
            String channelId = camel(type.name());
            ObjectNode channel = channels.putObject(channelId);
            channel.put("address", type.topic());
            channel.put("description", type.description());
            channel.putObject("messages").putObject(name).put("$ref", "#/components/messages/" + name);
            channel.putObject("bindings").putObject("kafka").put("partitions", Topics.DEFAULT_PARTITIONS);

            ObjectNode operation = operations.putObject("publish" + name);
            operation.put("action", "send");
            operation.put("summary", "Published by " + String.join(", ", type.producers()));
            operation.putObject("channel").put("$ref", "#/channels/" + channelId);
            operation.putArray("messages").addObject().put("$ref", "#/channels/" + channelId + "/messages/" + name);

            ObjectNode message = messages.putObject(name);
            message.put("name", name);
            message.put("title", type.cloudEventType());
            message.put("summary", type.description());
            message.put("contentType", "application/json");
            message.putObject("headers").put("$ref", "#/components/schemas/CloudEventHeaders");
            message.putObject("payload").put("$ref", "#/components/schemas/" + name);
            ObjectNode key = message.putObject("bindings").putObject("kafka").putObject("key");
            key.put("type", "string");
            key.put("description", "The case id");
            recordSchema(type.recordType());
        }
        return MAPPER.writeValueAsString(doc) + "\n";
    }

    private ObjectNode headersSchema() {
        ObjectNode schema = nodes.objectNode();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = schema.putArray("required");
        for (String header : new String[] { CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.ID,
                CloudEventHeaders.SOURCE, CloudEventHeaders.TYPE, CloudEventHeaders.TIME, CloudEventHeaders.SUBJECT,
                CloudEventHeaders.CONTENT_TYPE }) {
            properties.putObject(header).put("type", "string");
            required.add(header);
        }
        properties.putObject(CloudEventHeaders.CORRELATION_ID).put("type", "string");
        properties.putObject(CloudEventHeaders.CAUSATION_ID).put("type", "string");
        return schema;
    }

    private String recordSchema(Class<?> recordType) {
        String name = recordType.getSimpleName();
        if (!schemas.has(name)) {
            ObjectNode schema = schemas.putObject(name);
            schema.put("type", "object");
            ObjectNode properties = schema.putObject("properties");
            ArrayNode required = schema.putArray("required");
            for (RecordComponent component : recordType.getRecordComponents()) {
                properties.set(component.getName(), typeSchema(component.getGenericType()));
                if (component.getType().isPrimitive() || component.getType() == EventEnvelope.class) {
                    required.add(component.getName());
                }
            }
        }
        return name;
    }

    private ObjectNode typeSchema(Type type) {
        ObjectNode schema = nodes.objectNode();
        if (type instanceof ParameterizedType parameterized) {
            schema.put("type", "array");
            schema.set("items", typeSchema(parameterized.getActualTypeArguments()[0]));
            return schema;
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            schema.put("type", "string");
        }
        else if (raw == UUID.class) {
            schema.put("type", "string").put("format", "uuid");
        }
        else if (raw == Instant.class) {
            schema.put("type", "string").put("format", "date-time");
        }
        else if (raw == Duration.class) {
            schema.put("type", "string").put("format", "duration");
        }
        else if (raw == LocalDate.class) {
            schema.put("type", "string").put("format", "date");
        }
        else if (raw == LocalTime.class) {
            schema.put("type", "string").put("pattern", "^\\d{2}:\\d{2}(:\\d{2})?$");
        }
        else if (ZoneId.class.isAssignableFrom(raw)) {
            schema.put("type", "string").put("description", "IANA time zone, e.g. Asia/Shanghai");
        }
        else if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            schema.put("type", "integer");
        }
        else if (raw == double.class || raw == Double.class) {
            schema.put("type", "number");
        }
        else if (raw == boolean.class || raw == Boolean.class) {
            schema.put("type", "boolean");
        }
        else if (raw.isEnum()) {
            schema.put("type", "string");
            ArrayNode values = schema.putArray("enum");
            Arrays.stream(raw.getEnumConstants()).forEach(value -> values.add(((Enum<?>) value).name()));
        }
        else if (raw.isRecord()) {
            schema.put("$ref", "#/components/schemas/" + recordSchema(raw));
        }
        else {
            throw new IllegalStateException("No schema mapping for " + raw);
        }
        return schema;
    }

    private static String camel(String constant) {
        StringBuilder out = new StringBuilder();
        for (String part : constant.toLowerCase().split("_")) {
            out.append(out.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return out.toString();
    }
}
