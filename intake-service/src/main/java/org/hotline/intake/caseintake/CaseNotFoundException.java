package org.hotline.intake.caseintake;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

class CaseNotFoundException extends ErrorResponseException {

    CaseNotFoundException(String what) {
        super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No case " + what), null);
    }
}
