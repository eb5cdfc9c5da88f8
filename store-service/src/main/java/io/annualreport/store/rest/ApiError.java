package io.annualreport.store.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The error body of the public HTTP contract: {@code {"error":{"code","message"}}}. */
public record ApiError(Body error) {

    /** The code and message of an error. */
    public record Body(String code, String message) {
    }

    /** A JSON error response with this status, code and message. */
    public static Response response(Response.Status status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(new Body(code, message))).build();
    }
}
