package io.annualreport.store.job;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.annualreport.store.rest.ApiError;
import io.annualreport.store.security.Roles;

/** The progress of bulk jobs (one job by id, or the most recent ones) and their cancellation by an admin. */
@Path("/api/v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

    private final JobStore jobs;

    public JobResource(JobStore jobs) {
        this.jobs = jobs;
    }

    @GET
    @Path("/{jobId}")
    @Operation(summary = "A job's state and progress: total, done, failed, cursor, last error")
    public Response job(@PathParam("jobId") String jobId) {
        UUID id;
        try {
            id = UUID.fromString(jobId);
        } catch (IllegalArgumentException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, "INVALID_JOB_ID", "a job id is a UUID");
        }
        return jobs.find(id).map(job -> Response.ok(job).build()).orElseGet(() -> ApiError
                .response(Response.Status.NOT_FOUND, "JOB_NOT_FOUND", "no job " + jobId));
    }

    @DELETE
    @Path("/{jobId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Cancels a running job: it stops after the batch in flight; what was sent stays sent. "
            + "200 with the job (state CANCELLED), 409 when it is no longer running")
    public Response cancel(@PathParam("jobId") String jobId) {
        UUID id;
        try {
            id = UUID.fromString(jobId);
        } catch (IllegalArgumentException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, "INVALID_JOB_ID", "a job id is a UUID");
        }
        if (jobs.cancel(id)) {
            return Response.ok(jobs.find(id).orElseThrow()).build();
        }
        return jobs.find(id)
                .map(job -> ApiError.response(Response.Status.CONFLICT, "JOB_NOT_RUNNING",
                        "job " + jobId + " is " + job.state() + ", not RUNNING"))
                .orElseGet(() -> ApiError.response(Response.Status.NOT_FOUND, "JOB_NOT_FOUND", "no job " + jobId));
    }

    @GET
    @Operation(summary = "The most recent jobs, newest first")
    public Map<String, List<Job>> recent(@QueryParam("limit") @DefaultValue("20") int limit) {
        return Map.of("jobs", jobs.recent(Math.max(1, Math.min(limit, 200))));
    }
}
