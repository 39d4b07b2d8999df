package org.hotline.intake.open311;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes Open311 documents in the format the client asked for. */
final class Open311Responses {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY).build();

    private Open311Responses() {
    }

    /**
     * A document: JSON as it is, XML under the root element (for a list, the wrapper whose items take the
     * singular name).
     */
    static ResponseEntity<String> ok(Open311Format format, String xmlRoot, Object document) {
        return respond(HttpStatus.OK, format, xmlRoot, document);
    }

    static ResponseEntity<String> error(HttpStatus status, Open311Format format, String description) {
        return respond(status, format, "errors", List.of(new Open311Views.Error(status.value(), description)));
    }

    private static ResponseEntity<String> respond(HttpStatus status, Open311Format format, String xmlRoot,
            Object document) {
        String body = format == Open311Format.JSON ? JSON.writeValueAsString(document)
                : SparkXml.write(xmlRoot, JSON.valueToTree(document));
        return ResponseEntity.status(status).contentType(format.mediaType()).body(body);
    }
}
