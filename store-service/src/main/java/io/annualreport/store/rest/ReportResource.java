package io.annualreport.store.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.annualreport.model.event.ReportIds;
import io.annualreport.store.persistence.ReportDetail;
import io.annualreport.store.persistence.ReportReader;

/** The read API of one report (DESIGN §5). */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    @Inject
    ReportReader reader;

    @GET
    @Path("/{reportId}")
    @Operation(summary = "A report's status, identity, sections, cells, facts, validation and failure")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReportDetail.class)))
    @APIResponse(responseCode = "400", description = "Malformed report id", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "Unknown report id", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response detail(@PathParam("reportId") String reportId) {
        if (!ReportIds.isValid(reportId)) {
            return ApiError.response(Response.Status.BAD_REQUEST, "INVALID_REPORT_ID",
                    "a report id is 16 lower-case hex digits");
        }
        return reader.detail(reportId).map(detail -> Response.ok(detail).build())
                .orElseGet(() -> ApiError.response(Response.Status.NOT_FOUND, "REPORT_NOT_FOUND",
                        "no report with id " + reportId));
    }
}
