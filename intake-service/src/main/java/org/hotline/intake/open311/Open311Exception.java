package org.hotline.intake.open311;

import org.springframework.http.HttpStatus;

/**
 * A request Open311 cannot fulfil, answered in the Open311 error format: 404 for what does not exist, 403 for a
 * missing or unknown api_key, 400 for anything else. Descriptions name fields, never the values sent.
 */
class Open311Exception extends RuntimeException {

    private final HttpStatus status;

    Open311Exception(HttpStatus status, String description) {
        super(description, null, false, false);
        this.status = status;
    }

    static Open311Exception badRequest(String description) {
        return new Open311Exception(HttpStatus.BAD_REQUEST, description);
    }

    static Open311Exception notFound(String description) {
        return new Open311Exception(HttpStatus.NOT_FOUND, description);
    }

    static Open311Exception forbidden(String description) {
        return new Open311Exception(HttpStatus.FORBIDDEN, description);
    }

    HttpStatus status() {
        return status;
    }
}
