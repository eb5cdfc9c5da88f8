package io.annualreport.store.rest;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Answers refused requests with the contract's JSON error: 401 {@code UNAUTHENTICATED} when nobody (or a wrong key or
 * password) is signed in, 403 {@code FORBIDDEN} when the signed-in user lacks the role.
 */
public class SecurityErrors {

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return unauthorized("sign in (the dashboard, a password, a bearer token or the X-Admin-Key header) first");
    }

    @ServerExceptionMapper
    public Response failed(AuthenticationFailedException e) {
        return unauthorized("the credentials are not accepted");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ApiError.response(Response.Status.FORBIDDEN, "FORBIDDEN",
                "the signed-in user does not have the role this needs");
    }

    private static Response unauthorized(String message) {
        Response error = ApiError.response(Response.Status.UNAUTHORIZED, "UNAUTHENTICATED", message);
        // Bearer, not Basic: a browser shows no password dialog of its own for the dashboard's requests
        return Response.fromResponse(error).header("WWW-Authenticate", "Bearer realm=\"annual-report\"").build();
    }
}
