package org.hotline.support.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * RFC 9457 problem details that tell a client which fields are wrong and why. They name fields and allowed
 * values, never echo the submitted values: a request may carry caller data.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemHandler extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getBindingResult().getAllErrors().forEach(error -> errors.add(error(error, error.getObjectName())));
        return handleExceptionInternal(ex, invalid(status, errors), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            String parameter = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error -> errors.add(error(error, parameter)));
        }
        return handleExceptionInternal(ex, invalid(status, errors), headers, status, request);
    }

    private static Map<String, String> error(MessageSourceResolvable error, String fallbackName) {
        String field = error instanceof FieldError fieldError ? fieldError.getField()
                : error instanceof ObjectError objectError ? objectError.getObjectName() : fallbackName;
        return Map.of("field", String.valueOf(field), "message", String.valueOf(error.getDefaultMessage()));
    }

    private static ProblemDetail invalid(HttpStatusCode status, List<Map<String, String>> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, "Invalid fields: " + errors.stream()
                .map(error -> error.get("field") + " " + error.get("message")).collect(Collectors.joining("; ")));
        body.setTitle("Invalid request");
        body.setProperty("errors", errors);
        return body;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, describe(ex.getCause()));
        body.setTitle("Unreadable request");
        return handleExceptionInternal(ex, body, headers, status, request);
    }

    /** Two changes to the same case met: the request changed nothing and can simply be sent again. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail concurrentChange(OptimisticLockingFailureException ex) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The case changed while this request was handled; nothing was changed, send the request again");
        body.setTitle("Concurrent change");
        return body;
    }

    /** The database cannot be reached: nothing was stored; the client may retry shortly. */
    @ExceptionHandler(DataAccessResourceFailureException.class)
    ResponseEntity<ProblemDetail> storeUnavailable(DataAccessResourceFailureException ex) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The case store is unavailable; nothing was changed, try again shortly");
        body.setTitle("Store unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(body);
    }

    private static String describe(Throwable cause) {
        if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return "Invalid value at " + invalid.getPathReference() + ": must be one of "
                    + Arrays.toString(invalid.getTargetType().getEnumConstants());
        }
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            return "Invalid value at " + databind.getPathReference();
        }
        return "The body is not valid JSON";
    }
}
