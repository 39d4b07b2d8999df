package org.hotline.routing.assignment;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A request whose field is well-formed but not acceptable, e.g. an extension that asks for less time. */
class InvalidRequestException extends ErrorResponseException {

    InvalidRequestException(String field, String reason) {
        super(HttpStatus.BAD_REQUEST, problem(field, reason), null);
    }

    private static ProblemDetail problem(String field, String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + ": " + reason);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", reason)));
        return problem;
    }
}
