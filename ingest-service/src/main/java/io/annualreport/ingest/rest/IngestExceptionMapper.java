package io.annualreport.ingest.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns refused requests into the contract's JSON errors. */
public class IngestExceptionMapper {

    @ServerExceptionMapper
    public Response map(IngestException e) {
        Response.ResponseBuilder response = Response.status(e.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ErrorBody.of(e.code(), e.getMessage()));
        if (e.retryAfterSeconds() != null) {
            response.header("Retry-After", e.retryAfterSeconds());
        }
        return response.build();
    }
}
