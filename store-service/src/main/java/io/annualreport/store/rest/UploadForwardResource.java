package io.annualreport.store.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.annualreport.store.config.UploadConfig;
import io.annualreport.store.security.Roles;
import io.smallrye.common.annotation.Blocking;

/**
 * {@code POST /api/v1/uploads} and {@code /api/v1/uploads/urls}: the dashboard's uploads, streamed unchanged to
 * ingest-service ({@code /api/v1/reports}, {@code /api/v1/reports/urls}) with store's ingest API key; ingest's answer
 * (202 with the report ids, or its JSON refusal) is relayed as it is. Both need the submitter role (an admin has it).
 *
 * <p>
 * A thin forwarder rather than CORS on ingest: the page keeps one origin (its Content-Security-Policy allows
 * {@code connect-src 'self'} only), no ingest key reaches the browser, and ingest needs no list of dashboard origins.
 */
@Path("/api/v1/uploads")
public class UploadForwardResource {

    private final UploadConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public UploadForwardResource(UploadConfig config) {
        this.config = config;
    }

    @POST
    @RolesAllowed(Roles.SUBMITTER)
    @Blocking
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Uploads report files or a zip (multipart field 'file', optional 'agency', 'year') via ingest")
    public Response files(@HeaderParam("Content-Type") String contentType, InputStream body) {
        return forward("/api/v1/reports", contentType, body);
    }

    @POST
    @RolesAllowed(Roles.SUBMITTER)
    @Path("/urls")
    @Blocking
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Submits reports by URL ({\"urls\":[...]}); ingest fetches them behind its SSRF guard")
    public Response urls(@HeaderParam("Content-Type") String contentType, InputStream body) {
        return forward("/api/v1/reports/urls", contentType, body);
    }

    private Response forward(String path, String contentType, InputStream body) {
        if (config.ingestApiKey().isEmpty() || config.ingestApiKey().get().isBlank()) {
            return ApiError.response(Response.Status.SERVICE_UNAVAILABLE, "UPLOAD_NOT_CONFIGURED",
                    "uploads from the dashboard need upload.ingest-api-key (UPLOAD_INGEST_API_KEY)");
        }
        if (contentType == null || contentType.isBlank()) {
            return ApiError.response(Response.Status.UNSUPPORTED_MEDIA_TYPE, "NO_CONTENT_TYPE",
                    "send multipart/form-data (files) or application/json (URLs)");
        }
        HttpRequest request = HttpRequest
                .newBuilder(URI.create(config.ingestUrl().replaceAll("/+$", "") + path))
                .header("Content-Type", contentType).header("X-Api-Key", config.ingestApiKey().get())
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
                .build();
        try {
            HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            Response.ResponseBuilder relayed = Response.status(answer.statusCode()).entity(answer.body())
                    .type(answer.headers().firstValue("Content-Type").orElse(MediaType.APPLICATION_JSON));
            answer.headers().firstValue("Retry-After").ifPresent(v -> relayed.header("Retry-After", v));
            return relayed.build();
        } catch (IOException e) {
            return ApiError.response(Response.Status.SERVICE_UNAVAILABLE, "INGEST_UNAVAILABLE",
                    "ingest-service at " + config.ingestUrl() + " did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ApiError.response(Response.Status.SERVICE_UNAVAILABLE, "INGEST_UNAVAILABLE", "interrupted");
        }
    }
}
