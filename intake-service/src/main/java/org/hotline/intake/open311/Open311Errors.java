package org.hotline.intake.open311;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Errors of the Open311 API in the spec's own format ({@code <errors><error><code/><description/></error></errors>}
 * or {@code [{"code":…,"description":…}]}), in the format the path asks for: 404 for what does not exist, 403 for a
 * missing or unknown api_key, 400 for anything else, failures of the service included, as the spec says. Only the
 * Open311 controllers answer this way; the JSON case API keeps RFC 9457 problem details.
 */
@RestControllerAdvice(basePackageClasses = Open311Errors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311Errors {

    private static final Logger log = LoggerFactory.getLogger(Open311Errors.class);

    @ExceptionHandler(Open311Exception.class)
    ResponseEntity<String> open311(Open311Exception ex, HttpServletRequest request) {
        return Open311Responses.error(ex.status(), format(request), ex.getMessage());
    }

    /**
     * Spring's own rejections (unreadable request, unsupported media type …) keep their 404 or 403, else are 400;
     * anything else failed inside the service: a general service error, 400 as the spec says.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<String> failed(Exception ex, HttpServletRequest request) {
        if (ex instanceof ErrorResponse error) {
            int code = error.getStatusCode().value();
            HttpStatus status = code == 404 ? HttpStatus.NOT_FOUND : code == 403 ? HttpStatus.FORBIDDEN
                    : HttpStatus.BAD_REQUEST;
            String detail = error.getBody().getDetail();
            return Open311Responses.error(status, format(request), detail == null ? "Invalid request" : detail);
        }
        log.error("Open311 request to {} failed", request.getRequestURI(), ex);
        return Open311Responses.error(HttpStatus.BAD_REQUEST, format(request),
                "General service error: the request could not be processed; please try again later");
    }

    private static Open311Format format(HttpServletRequest request) {
        return Open311Format.ofPath(request.getRequestURI());
    }
}
