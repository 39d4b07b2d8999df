package org.hotline.routing.assignment;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A department action that the assignment's state does not allow, e.g. accepting twice. */
class AssignmentStateException extends ErrorResponseException {

    AssignmentStateException(String detail) {
        super(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail), null);
    }
}
