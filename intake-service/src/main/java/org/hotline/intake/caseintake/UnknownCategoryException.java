package org.hotline.intake.caseintake;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A case names a category or sub-category the taxonomy does not know. */
class UnknownCategoryException extends ErrorResponseException {

    UnknownCategoryException(String category, String subCategory) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, problem(category, subCategory), null);
    }

    private static ProblemDetail problem(String category, String subCategory) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "Category " + category + (subCategory == null ? "" : " / " + subCategory)
                        + " is not an active code of the taxonomy; GET /api/taxonomy/codes lists them");
        problem.setTitle("Unknown category");
        problem.setType(URI.create("https://hotline.example.org/problems/unknown-category"));
        problem.setProperty("category", category);
        problem.setProperty("subCategory", subCategory);
        return problem;
    }
}
