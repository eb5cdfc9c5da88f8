package io.annualreport.ingest.rest;

import java.time.Duration;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.annualreport.ingest.Intake;
import io.annualreport.ingest.IntakeMetrics;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /api/v1/reports}: agencies and bulk imports upload report files here; {@link UploadAdmission} has already
 * admitted the request (key, in-flight limit), named its submitter and received its body.
 */
@Path("/api/v1/reports")
public class ReportUploadResource {

    private final Intake intake;
    private final IntakeMetrics metrics;

    public ReportUploadResource(Intake intake, IntakeMetrics metrics) {
        this.intake = intake;
        this.metrics = metrics;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(RoutingContext routing, @RestForm("file") List<FileUpload> files,
            @RestForm("agency") String agency, @RestForm("year") String year) {
        long start = System.nanoTime();
        try {
            String submitter = routing.get(UploadAdmission.SUBMITTER);
            if (submitter == null) {
                throw new IngestException(401, "UNAUTHENTICATED", "send your API key in X-Api-Key");
            }
            Integer declaredYear = parseYear(year);
            List<Intake.Upload> uploads = files == null
                    ? List.of()
                    : files.stream().map(f -> new Intake.Upload(f.uploadedFile(), f.fileName())).toList();
            String declaredAgency = agency == null || agency.isBlank() ? null : agency.strip();
            UploadResult result = intake.accept(uploads, submitter, declaredAgency, declaredYear);
            metrics.upload("ACCEPTED", Duration.ofNanos(System.nanoTime() - start));
            return Response.accepted(result).build();
        } catch (IngestException e) {
            metrics.upload(e.code(), Duration.ofNanos(System.nanoTime() - start));
            throw e;
        }
    }

    private static Integer parseYear(String year) {
        if (year == null || year.isBlank()) {
            return null;
        }
        try {
            int y = Integer.parseInt(year.strip());
            if (y < 2000 || y > 2100) {
                throw new NumberFormatException();
            }
            return y;
        } catch (NumberFormatException e) {
            throw new IngestException(400, "BAD_YEAR", "year must be a four-digit report year such as 2024");
        }
    }
}
