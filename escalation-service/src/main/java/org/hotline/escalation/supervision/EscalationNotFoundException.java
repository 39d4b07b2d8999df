package org.hotline.escalation.supervision;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No escalation has that id. */
class EscalationNotFoundException extends ErrorResponseException {

    EscalationNotFoundException(String id) {
        super(HttpStatus.NOT_FOUND, problem(id), null);
    }

    private static ProblemDetail problem(String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No escalation " + id);
        problem.setTitle("Unknown escalation");
        return problem;
    }
}
