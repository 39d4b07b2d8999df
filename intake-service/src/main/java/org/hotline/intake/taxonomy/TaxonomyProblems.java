package org.hotline.intake.taxonomy;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The RFC 9457 problems with which the taxonomy refuses a change; a refused change changes nothing. */
final class TaxonomyProblems {

    private static final String TYPES = "https://hotline.example.org/problems/";

    private TaxonomyProblems() {
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        return problem;
    }

    /** A malformed code, a blank name, a text too long: 400, naming the field like every invalid request. */
    static class Invalid extends ErrorResponseException {

        Invalid(String field, String message) {
            super(HttpStatus.BAD_REQUEST, body(field, message), null);
        }

        private static ProblemDetail body(String field, String message) {
            ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-taxonomy", "Invalid request",
                    "Invalid fields: " + field + " " + message);
            problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
            return problem;
        }
    }

    /** The code is taken: 409. Codes are never reused, not even those of inactive entries. */
    static class Duplicate extends ErrorResponseException {

        Duplicate(String detail) {
            super(HttpStatus.CONFLICT, problem(HttpStatus.CONFLICT, "duplicate-taxonomy-code", "Code already exists",
                    detail), null);
        }
    }

    /** No such category or sub-category: 404. */
    static class Unknown extends ErrorResponseException {

        Unknown(String detail) {
            super(HttpStatus.NOT_FOUND, problem(HttpStatus.NOT_FOUND, "unknown-taxonomy-code", "Not in the taxonomy",
                    detail), null);
        }
    }

    /** Someone else changed the category first: 409; nothing was changed, reload and edit again. */
    static class Conflict extends ErrorResponseException {

        Conflict(String code, Long currentVersion) {
            super(HttpStatus.CONFLICT, body(code, currentVersion), null);
        }

        private static ProblemDetail body(String code, Long currentVersion) {
            ProblemDetail problem = problem(HttpStatus.CONFLICT, "concurrent-taxonomy-change", "Concurrent change",
                    "Category " + code + " was changed by someone else meanwhile; nothing was changed, "
                            + "GET /api/taxonomy and edit the current version");
            problem.setProperty("category", code);
            if (currentVersion != null) {
                problem.setProperty("currentVersion", currentVersion);
            }
            return problem;
        }
    }
}
