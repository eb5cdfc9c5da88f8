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

import io.annualreport.ingest.intake.Intake;
import io.annualreport.ingest.intake.IntakeRefusal;
import io.annualreport.ingest.intake.IntakeRefusedException;
import io.annualreport.ingest.intake.Submission;
import io.annualreport.ingest.intake.Upload;
import io.annualreport.ingest.intake.UploadResult;
import io.annualreport.ingest.metrics.IntakeMetrics;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /api/v1/reports}: agencies and bulk imports upload report files here; {@link UploadAdmission} has already
 * admitted the request (key, in-flight limit), named its submitter and received its body. Refusals are answered by
 * {@link IntakeRefusalMapper}.
 */
@Path(UploadAdmission.PATH)
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
                throw new IntakeRefusedException(IntakeRefusal.UNAUTHENTICATED, "send your API key in X-Api-Key");
            }
            Submission submission = Submission.of(submitter, agency, year);
            List<Upload> uploads = files == null
                    ? List.of()
                    : files.stream().map(f -> new Upload(f.uploadedFile(), f.fileName())).toList();
            UploadResult result = intake.accept(uploads, submission);
            metrics.upload("ACCEPTED", Duration.ofNanos(System.nanoTime() - start));
            return Response.accepted(result).build();
        } catch (IntakeRefusedException e) {
            metrics.upload(e.refusal().name(), Duration.ofNanos(System.nanoTime() - start));
            throw e;
        }
    }
}
