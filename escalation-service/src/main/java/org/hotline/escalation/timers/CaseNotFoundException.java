package org.hotline.escalation.timers;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Escalation knows nothing of the case: none of its events has arrived yet. */
class CaseNotFoundException extends ErrorResponseException {

    CaseNotFoundException(String caseId) {
        super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No deadlines or escalations known for case " + caseId), null);
    }
}
