package org.hotline.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The GeoReport v2 JSON Schemas (open311/schema-validation), checking the JSON the API answers with. */
final class Open311Schemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Open311Schemas() {
    }

    /** Asserts that the document is valid against {@code open311/<schema>.json}. */
    static void assertValid(String schema, String document) {
        JsonSchema jsonSchema = FACTORY.getSchema(SchemaLocation.of("classpath:open311/" + schema + ".json"), CONFIG);
        Set<ValidationMessage> messages;
        try {
            messages = jsonSchema.validate(JSON.readTree(document));
        }
        catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new AssertionError("Not JSON: " + document, ex);
        }
        assertThat(messages).as("%s against %s.json", document, schema).isEmpty();
    }
}
