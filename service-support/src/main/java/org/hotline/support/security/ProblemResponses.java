package org.hotline.support.security;

import java.io.IOException;
import java.net.URI;

import org.springframework.http.HttpStatus;
import org.hotline.support.web.ProblemJson;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * 401 and 403 as RFC 9457 problems, with the {@code WWW-Authenticate} header RFC 6750 asks for. The token itself
 * is never echoed.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        bearer.commence(request, response, ex);
        boolean tokenGiven = request.getHeader("Authorization") != null;
        write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized", tokenGiven
                ? "The bearer token is not valid: expired, malformed, or not signed by a trusted issuer"
                : "This endpoint needs a bearer token (OAuth2 access token) in the Authorization header");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
            throws IOException {
        denied.handle(request, response, ex);
        write(request, response, HttpStatus.FORBIDDEN, "Forbidden",
                "Your roles do not allow this request (" + request.getMethod() + " " + request.getRequestURI() + ")");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
            String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        ProblemJson.write(response, problem);
    }
}
