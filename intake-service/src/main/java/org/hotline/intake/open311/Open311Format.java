package org.hotline.intake.open311;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.http.MediaType;

/** The formats a client picks by the resource's suffix: {@code .xml} (the spec's required one) or {@code .json}. */
enum Open311Format {
    XML(new MediaType("text", "xml", StandardCharsets.UTF_8)),
    JSON(new MediaType("application", "json", StandardCharsets.UTF_8));

    static final String PATTERN = "{format:xml|json}";

    private final MediaType mediaType;

    Open311Format(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    static Open311Format of(String suffix) {
        return "json".equalsIgnoreCase(suffix) ? JSON : XML;
    }

    /** The format a path asks for; XML unless it ends in .json. */
    static Open311Format ofPath(String path) {
        return path != null && path.toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : XML;
    }

    MediaType mediaType() {
        return mediaType;
    }
}
