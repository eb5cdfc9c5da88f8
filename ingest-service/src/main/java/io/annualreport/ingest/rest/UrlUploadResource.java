package io.annualreport.ingest.rest;

import java.time.Duration;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.annualreport.ingest.intake.ApiKeys;
import io.annualreport.ingest.intake.IntakeRefusedException;
import io.annualreport.ingest.intake.Submission;
import io.annualreport.ingest.intake.UploadResult;
import io.annualreport.ingest.intake.UrlIntake;
import io.annualreport.ingest.metrics.IntakeMetrics;
import io.smallrye.common.annotation.Blocking;

/**
 * {@code POST /api/v1/reports/urls}: reports given as URLs, fetched by the intake behind its SSRF guard and then
 * accepted like uploaded files; refusals are answered by {@link IntakeRefusalMapper}.
 */
@Path("/api/v1/reports/urls")
public class UrlUploadResource {

    private final UrlIntake urls;
    private final ApiKeys apiKeys;
    private final IntakeMetrics metrics;

    public UrlUploadResource(UrlIntake urls, ApiKeys apiKeys, IntakeMetrics metrics) {
        this.urls = urls;
        this.apiKeys = apiKeys;
        this.metrics = metrics;
    }

    /** The request body: the URLs and, optionally, the agency and year they report on. */
    public record UrlRequest(List<String> urls, String agency, String year) {
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response submit(@HeaderParam("X-Api-Key") String apiKey, UrlRequest request) {
        long start = System.nanoTime();
        try {
            String submitter = apiKeys.submitterOf(apiKey);
            UrlRequest body = request == null ? new UrlRequest(List.of(), null, null) : request;
            UploadResult result = urls.accept(body.urls(), Submission.of(submitter, body.agency(), body.year()));
            metrics.upload("ACCEPTED", Duration.ofNanos(System.nanoTime() - start));
            return Response.accepted(result).build();
        } catch (IntakeRefusedException e) {
            metrics.upload(e.refusal().name(), Duration.ofNanos(System.nanoTime() - start));
            throw e;
        }
    }
}
