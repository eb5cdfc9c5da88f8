package io.annualreport.ingest.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.annualreport.ingest.intake.IntakeRefusal;
import io.annualreport.ingest.intake.IntakeRefusedException;

/**
 * The one place where refusals become HTTP: each {@link IntakeRefusal} gets its status, and the answer is the contract's
 * JSON error {@code {"error":{"code","message"}}}, with {@code Retry-After} when trying again can help.
 */
public class IntakeRefusalMapper {

    @ServerExceptionMapper
    public Response map(IntakeRefusedException e) {
        Response.ResponseBuilder response = Response.status(status(e.refusal()))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body(e));
        if (e.refusal().retryAfterSeconds() != null) {
            response.header("Retry-After", e.refusal().retryAfterSeconds());
        }
        return response.build();
    }

    /** The JSON body of a refusal. */
    static ErrorBody body(IntakeRefusedException e) {
        return ErrorBody.of(e.refusal().name(), e.getMessage());
    }

    /** The HTTP status of a refusal. */
    static int status(IntakeRefusal refusal) {
        return switch (refusal) {
            case BAD_YEAR, NO_FILE, UNREADABLE_UPLOAD, EMPTY_FILE, CORRUPT_ZIP, EMPTY_ZIP, ZIP_UNSAFE_PATH,
                    ZIP_ENCRYPTED_ENTRY, URL_INVALID, TOO_MANY_URLS ->
                400;
            case UNAUTHENTICATED -> 401;
            case KEY_REVOKED, ROLE_MISSING, URL_DOMAIN_NOT_ALLOWED, URL_ADDRESS_NOT_PUBLIC -> 403;
            case URL_UNRESOLVED -> 422;
            case URL_FETCH_FAILED, URL_TOO_MANY_REDIRECTS -> 502;
            case URL_TIMEOUT -> 504;
            case TOO_LARGE, ZIP_TOO_MANY_ENTRIES, ZIP_TOO_LARGE, ZIP_BOMB -> 413;
            case UNSUPPORTED_TYPE, ZIP_UNSUPPORTED_ENTRY, ZIP_NESTED_ARCHIVE -> 415;
            case TOO_MANY_UPLOADS -> 429;
            case SCRATCH_UNAVAILABLE, BLOB_STORE_UNAVAILABLE, BROKER_UNAVAILABLE -> 503;
        };
    }
}
