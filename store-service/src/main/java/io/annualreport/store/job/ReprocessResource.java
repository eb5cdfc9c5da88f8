package io.annualreport.store.job;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.annualreport.store.rest.FilterParams;
import io.annualreport.store.security.Roles;

/**
 * The bulk reprocess endpoint: starts a reprocess job over every report that matches the filters and answers 202
 * with the job's URL at once; it needs the admin role (a signed-in admin, or the operators' key in {@code X-Admin-Key}).
 */
@Path("/api/v1/reports/reprocess")
@Produces(MediaType.APPLICATION_JSON)
public class ReprocessResource {

    private final ReprocessJobs jobs;

    public ReprocessResource(ReprocessJobs jobs) {
        this.jobs = jobs;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Starts a job that sends every report matching the filters through the pipeline again; "
            + "202 with the job's URL (GET it for progress)")
    public Response reprocessAll(@BeanParam FilterParams filter, @Context UriInfo uri) {
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
