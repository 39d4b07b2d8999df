package org.hotline.escalation.supervision;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The escalation was acknowledged before; an acknowledgement is not replaced. */
class AlreadyAcknowledgedException extends ErrorResponseException {

    AlreadyAcknowledgedException(String id) {
        super(HttpStatus.CONFLICT, problem(id), null);
    }

    private static ProblemDetail problem(String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Escalation " + id + " was already acknowledged");
        problem.setTitle("Already acknowledged");
        return problem;
    }
}
