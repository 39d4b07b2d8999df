package org.hotline.reporting.ledger;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No fact about the case has reached the ledger. */
class CaseNotFoundException extends ErrorResponseException {

    CaseNotFoundException(String caseId) {
        super(HttpStatus.NOT_FOUND, problem(caseId), null);
    }

    private static ProblemDetail problem(String caseId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "The ledger has no case " + caseId);
        problem.setTitle("Unknown case");
        return problem;
    }
}
