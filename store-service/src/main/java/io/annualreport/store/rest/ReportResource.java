package io.annualreport.store.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.annualreport.blob.BlobMissingException;
import io.annualreport.blob.BlobStore;
import io.annualreport.model.event.ReportIds;
import io.annualreport.model.event.ReportSubmittedEvent;
import io.annualreport.store.config.StoreConfig;
import io.annualreport.store.persistence.ReportDetail;
import io.annualreport.store.persistence.ReportPage;
import io.annualreport.store.persistence.ReportQueries;
import io.annualreport.store.persistence.SubmissionReader;
import io.annualreport.store.security.Roles;
import io.annualreport.store.service.ReportService;
import io.quarkus.logging.Log;

/** The read API of reports: list, detail, versions, history, original file; reprocessing one report (reviewer). */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private final ReportService reports;
    private final ReportQueries queries;
    private final SubmissionReader submissions;
    private final StoreConfig config;
    private final BlobStore blobs;

    public ReportResource(ReportService reports, ReportQueries queries, SubmissionReader submissions,
            StoreConfig config, BlobStore blobs) {
        this.reports = reports;
        this.queries = queries;
        this.submissions = submissions;
        this.config = config;
        this.blobs = blobs;
    }

    @GET
    @Operation(summary = "Reports matching the filters, most recently changed first, one page at a time")
    public ReportPage list(@BeanParam FilterParams filter, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0 || size < 1 || size > config.maxPageSize()) {
            throw new InvalidRequestException("INVALID_PAGE",
                    "page must be >= 0 and size between 1 and " + config.maxPageSize());
        }
        return queries.list(filter.toFilter(), page, size);
    }

    @GET
    @Path("/{reportId}")
    @Operation(summary = "A report's status, identity, sections, cells, facts, validation and failure")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReportDetail.class)))
    @APIResponse(responseCode = "400", description = "Malformed report id", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "Unknown report id", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response detail(@PathParam("reportId") String reportId) {
        requireValid(reportId);
        return reports.detail(reportId).map(detail -> Response.ok(detail).build())
                .orElseGet(() -> notFound(reportId));
    }

    @GET
    @Path("/{reportId}/versions")
    @Operation(summary = "All reports of the same agency and year, newest submission first; the current one is marked")
    public Response versions(@PathParam("reportId") String reportId) {
        requireValid(reportId);
        return reports.versions(reportId).map(versions -> Response.ok(Map.of("versions", versions)).build())
                .orElseGet(() -> notFound(reportId));
    }

    @GET
    @Path("/{reportId}/runs")
    @Operation(summary = "Every parse and validation run of a report, with parser and rule set versions")
    public Response runs(@PathParam("reportId") String reportId) {
        requireValid(reportId);
        return Response.ok(Map.of("runs", queries.runs(reportId))).build();
    }

    @GET
    @Path("/{reportId}/events")
    @Operation(summary = "The event log of a report: which stage did what, when, how long")
    public Response eventLog(@PathParam("reportId") String reportId) {
        requireValid(reportId);
        return Response.ok(Map.of("events", queries.eventLog(reportId))).build();
    }

    @GET
    @Path("/{reportId}/file")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "The original file as submitted (only from the configured blob store)")
    public Response file(@PathParam("reportId") String reportId) {
        requireValid(reportId);
        SubmissionReader.StoredFile stored = submissions.file(reportId).orElse(null);
        if (stored == null) {
            return notFound(reportId);
        }
        if (stored.blobUri() == null) {
            return ApiError.response(Response.Status.NOT_FOUND, "BLOB_MISSING", "report " + reportId
                    + " has no submitted file");
        }
        InputStream content;
        try {
            content = blobs.open(URI.create(stored.blobUri()));
        } catch (BlobMissingException e) {
            return ApiError.response(Response.Status.NOT_FOUND, "BLOB_MISSING",
                    "the file of report " + reportId + " is no longer in the blob store");
        } catch (IllegalArgumentException e) {
            // BlobOutsideStoreException: another directory, bucket or scheme; or a malformed URI
            return ApiError.response(Response.Status.FORBIDDEN, "BLOB_OUTSIDE_STORE",
                    "the file of report " + reportId + " is not in the blob store");
        } catch (IOException e) {
            Log.warnf(e, "reportId=%s the blob store could not be read", reportId);
            return ApiError.response(Response.Status.SERVICE_UNAVAILABLE, "BLOB_STORE_UNAVAILABLE",
                    "the file of report " + reportId + " cannot be read from the blob store now");
        }
        String fileName = stored.fileName() != null ? stored.fileName() : reportId;
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(content)
                .type(stored.mediaType() != null ? stored.mediaType() : MediaType.APPLICATION_OCTET_STREAM)
                .header("Content-Disposition", "attachment; filename=\"" + reportId + "\"; filename*=UTF-8''" + encoded)
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    @POST
    @Path("/{reportId}/reprocess")
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "Sends the report through the pipeline again (e.g. after a new parser or rule set version)")
    public Response reprocess(@PathParam("reportId") String reportId) {
        requireValid(reportId);
        ReportService.Reprocessing result = reports.reprocess(reportId);
        if (!result.known()) {
            return notFound(reportId);
        }
        if (result.event() == null) {
            return ApiError.response(Response.Status.CONFLICT, "NOT_SUBMITTED",
                    "report " + reportId + " has no stored submission to reprocess");
        }
        return Response.accepted(Map.of("reprocessed", List.of(reprocessed(result.event())))).build();
    }

    private static Map<String, String> reprocessed(ReportSubmittedEvent event) {
        return Map.of("reportId", event.reportId(), "eventId", event.eventId().toString());
    }

    static void requireValid(String reportId) {
        if (!ReportIds.isValid(reportId)) {
            throw new InvalidRequestException("INVALID_REPORT_ID", "a report id is 16 lower-case hex digits");
        }
    }

    private static Response notFound(String reportId) {
        return ApiError.response(Response.Status.NOT_FOUND, "REPORT_NOT_FOUND", "no report with id " + reportId);
    }
}
