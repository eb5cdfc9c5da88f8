package io.annualreport.store.job;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

import io.annualreport.store.rest.ApiError;
import io.annualreport.store.rest.FilterParams;

/**
 * The bulk reprocess endpoint: starts a reprocess job over every report that matches the filters and answers 202
 * with the job's URL at once; it takes the admin key ({@code admin.api-key}) in the {@code X-Admin-Key} header.
 */
@Path("/api/v1/reports/reprocess")
@Produces(MediaType.APPLICATION_JSON)
public class ReprocessResource {

    private final ReprocessJobs jobs;
    private final Optional<String> adminKey;

    public ReprocessResource(ReprocessJobs jobs, @ConfigProperty(name = "admin.api-key") Optional<String> adminKey) {
        this.jobs = jobs;
        this.adminKey = adminKey;
    }

    @POST
    @Operation(summary = "Starts a job that sends every report matching the filters through the pipeline again; "
            + "202 with the job's URL (GET it for progress)")
    public Response reprocessAll(@BeanParam FilterParams filter, @HeaderParam("X-Admin-Key") String presented,
            @Context UriInfo uri) {
        if (presented == null || presented.isBlank()) {
            return ApiError.response(Response.Status.UNAUTHORIZED, "ADMIN_KEY_MISSING",
                    "reprocessing all reports needs the X-Admin-Key header");
        }
        if (adminKey.isEmpty() || adminKey.get().isBlank()
                || !MessageDigest.isEqual(adminKey.get().strip().getBytes(StandardCharsets.UTF_8),
                        presented.strip().getBytes(StandardCharsets.UTF_8))) {
            return ApiError.response(Response.Status.FORBIDDEN, "ADMIN_KEY_REFUSED", "the admin key is not accepted");
        }
        Job job = jobs.start(filter.toFilter());
        URI location = uri.getBaseUriBuilder().path("api/v1/jobs").path(job.jobId().toString()).build();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jobId", job.jobId());
        body.put("url", location.toString());
        body.put("state", job.state());
        body.put("total", job.total());
        return Response.accepted(body).location(location).build();
    }
}
