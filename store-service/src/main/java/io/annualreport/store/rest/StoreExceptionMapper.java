package io.annualreport.store.rest;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.annualreport.store.persistence.StoreException;
import io.quarkus.logging.Log;

/** Maps the store's exceptions to the contract's error body. */
public class StoreExceptionMapper {

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e) {
        return ApiError.response(Response.Status.BAD_REQUEST, e.code(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response store(StoreException e) {
        Log.error(e.getMessage(), e);
        return ApiError.response(Response.Status.SERVICE_UNAVAILABLE, "STORE_UNAVAILABLE",
                "the database could not answer; try again");
    }
}
