package io.annualreport.store.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.annualreport.blob.BlobMissingException;
import io.annualreport.blob.BlobStore;
import io.annualreport.model.review.FindingDecision;
import io.annualreport.model.review.ReviewState;
import io.annualreport.store.persistence.ReportDetail;
import io.annualreport.store.persistence.ReviewRecords;
import io.annualreport.store.review.LetterContent;
import io.annualreport.store.review.PageImages;
import io.annualreport.store.review.ReviewException;
import io.annualreport.store.review.ReviewLetter;
import io.annualreport.store.review.ReviewService;
import io.annualreport.store.security.Roles;
import io.annualreport.store.service.ReportService;
import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The reviewer's workbench over HTTP: the review of a report, page pictures to correct cells against, corrections,
 * decisions on findings, the review state (reviewer role for every write) and the review letter as DOCX or PDF.
 */
@Path("/api/v1/reports/{reportId}")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    private final ReviewService review;
    private final ReportService reports;
    private final ReviewRecords records;
    private final BlobStore blobs;
    private final SecurityIdentity identity;

    public ReviewResource(ReviewService review, ReportService reports, ReviewRecords records, BlobStore blobs,
            SecurityIdentity identity) {
        this.review = review;
        this.reports = reports;
        this.records = records;
        this.blobs = blobs;
        this.identity = identity;
    }

    /** A correction as posted: the value as the page prints it, and why. */
    public record CorrectionRequest(String value, String note) {
    }

    /** A decision as posted: the finding's key ({@code RULE|cell,cell}), CONFIRMED/DISMISSED/NOTE, and the reason. */
    public record DecisionRequest(String findingKey, String decision, String reason) {
    }

    /** A review state change as posted: PENDING, IN_REVIEW, REVIEWED or RETURNED, with an optional note. */
    public record StateRequest(String state, String note) {
    }

    @GET
    @Path("/review")
    @Operation(summary = "The review: state, findings with decisions, corrections, rectification against the previous version")
    public Response get(@PathParam("reportId") String reportId) {
        ReportResource.requireValid(reportId);
        return review.review(reportId).map(view -> Response.ok(view).build()).orElseGet(() -> notFound(reportId));
    }

    @POST
    @Path("/cells/{cellKey}/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "Stores a reviewer's value of a cell as its new version and validates the report again")
    public Response correct(@PathParam("reportId") String reportId, @PathParam("cellKey") String cellKey,
            CorrectionRequest request) {
        ReportResource.requireValid(reportId);
        if (reports.detail(reportId).isEmpty()) {
            return notFound(reportId);
        }
        try {
            ReviewService.CorrectionResult result = review.correct(reportId, cellKey,
                    request == null ? null : request.value(), request == null ? null : request.note(), who());
            return Response.status(Response.Status.CREATED).entity(result).build();
        } catch (ReviewException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, e.code(), e.getMessage());
        }
    }

    @POST
    @Path("/decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "Confirms or dismisses (with a reason) a finding, or adds a note to it")
    public Response decide(@PathParam("reportId") String reportId, DecisionRequest request) {
        ReportResource.requireValid(reportId);
        ReportDetail detail = reports.detail(reportId).orElse(null);
        if (detail == null) {
            return notFound(reportId);
        }
        FindingDecision decision;
        try {
            decision = FindingDecision.valueOf(request == null || request.decision() == null ? "" : request.decision());
        } catch (IllegalArgumentException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, "INVALID_DECISION",
                    "decision is CONFIRMED, DISMISSED or NOTE");
        }
        try {
            return Response.status(Response.Status.CREATED)
                    .entity(review.decide(detail, request.findingKey(), decision, request.reason(), who())).build();
        } catch (ReviewException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, e.code(), e.getMessage());
        }
    }

    @PUT
    @Path("/review/state")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "Moves the review state: PENDING 待审, IN_REVIEW 审核中, REVIEWED 已审, RETURNED 退回整改")
    public Response state(@PathParam("reportId") String reportId, StateRequest request) {
        ReportResource.requireValid(reportId);
        if (reports.detail(reportId).isEmpty()) {
            return notFound(reportId);
        }
        ReviewState state;
        try {
            state = ReviewState.valueOf(request == null || request.state() == null ? "" : request.state());
        } catch (IllegalArgumentException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, "INVALID_STATE",
                    "state is PENDING, IN_REVIEW, REVIEWED or RETURNED");
        }
        return Response.ok(review.changeState(reportId, state, request.note(), who())).build();
    }

    @GET
    @Path("/pages/{page}")
    @Produces({"image/png", "image/jpeg", "image/tiff", MediaType.APPLICATION_JSON})
    @Operation(summary = "A page of the original file as a picture, cropped around the row of ?cell= when it is found")
    public Response page(@PathParam("reportId") String reportId, @PathParam("page") int page,
            @QueryParam("cell") String cellKey) {
        ReportResource.requireValid(reportId);
        String[] blob = records.blob(reportId).orElse(null);
        if (blob == null) {
            return notFound(reportId);
        }
        if (!PageImages.supports(blob[1])) {
            return ApiError.response(Response.Status.NOT_FOUND, "NO_PAGE_IMAGES",
                    "a " + blob[1] + " file has no page pictures; compare with the source row instead");
        }
        String rowText = null;
        if (cellKey != null) {
            ReportDetail.CellView cell = reports.detail(reportId).map(d -> d.cells().get(cellKey)).orElse(null);
            rowText = cell == null ? null : cell.source();
        }
        try (InputStream in = blobs.open(URI.create(blob[0]))) {
            PageImages.PageImage image = PageImages.page(in.readAllBytes(), blob[1], page, rowText);
            return Response.ok(image.bytes()).type(image.mediaType()).header("X-Page-Cropped", image.cropped())
                    .header("Cache-Control", "private, max-age=3600").build();
        } catch (BlobMissingException e) {
            return ApiError.response(Response.Status.NOT_FOUND, "BLOB_MISSING",
                    "the file of report " + reportId + " is no longer in the blob store");
        } catch (IllegalArgumentException e) {
            return ApiError.response(Response.Status.NOT_FOUND, "NO_SUCH_PAGE", e.getMessage());
        } catch (IOException e) {
            Log.warnf(e, "reportId=%s page %d cannot be rendered", reportId, page);
            return ApiError.response(Response.Status.CONFLICT, "PAGE_NOT_RENDERED",
                    "page " + page + " of report " + reportId + " cannot be rendered: " + e.getMessage());
        }
    }

    @GET
    @Path("/letter.docx")
    @Produces("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    @Operation(summary = "The review letter (审查意见书) as a Word document")
    public Response letterDocx(@PathParam("reportId") String reportId) throws IOException {
        ReportResource.requireValid(reportId);
        LetterContent letter = review.letter(reportId).orElse(null);
        if (letter == null) {
            return notFound(reportId);
        }
        return attachment(ReviewLetter.docx(letter),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", reportId + ".docx");
    }

    @GET
    @Path("/letter.pdf")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @Operation(summary = "The review letter (审查意见书) as a PDF (needs a CJK font on the server)")
    public Response letterPdf(@PathParam("reportId") String reportId) throws IOException {
        ReportResource.requireValid(reportId);
        LetterContent letter = review.letter(reportId).orElse(null);
        if (letter == null) {
            return notFound(reportId);
        }
        try {
            return attachment(ReviewLetter.pdf(letter), "application/pdf", reportId + ".pdf");
        } catch (IllegalStateException e) {
            return ApiError.response(Response.Status.SERVICE_UNAVAILABLE, "NO_CJK_FONT", e.getMessage());
        }
    }

    private static Response attachment(byte[] bytes, String type, String name) {
        return Response.ok(bytes).type(type)
                .header("Content-Disposition", "attachment; filename=\"review-letter-" + name + "\"").build();
    }

    private String who() {
        return identity.getPrincipal().getName();
    }

    private static Response notFound(String reportId) {
        return ApiError.response(Response.Status.NOT_FOUND, "REPORT_NOT_FOUND", "no report with id " + reportId);
    }

}
