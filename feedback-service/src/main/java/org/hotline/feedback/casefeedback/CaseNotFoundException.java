package org.hotline.feedback.casefeedback;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The desk does not know the case: its events have not arrived yet, or there is no such case. */
class CaseNotFoundException extends ErrorResponseException {

    CaseNotFoundException(String caseId) {
        super(HttpStatus.NOT_FOUND, problem(caseId), null);
    }

    private static ProblemDetail problem(String caseId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No case " + caseId
                + " at the feedback desk: it does not exist, or its opening has not arrived yet");
        problem.setTitle("Unknown case");
        return problem;
    }
}
