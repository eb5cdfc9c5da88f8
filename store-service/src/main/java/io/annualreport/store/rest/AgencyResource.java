package io.annualreport.store.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.annualreport.model.event.RevalidationCause;
import io.annualreport.model.history.CrossYearContext;
import io.annualreport.store.agency.ComparisonDocx;
import io.annualreport.store.agency.Region;
import io.annualreport.store.agency.YearComparison;
import io.annualreport.store.persistence.AgencyQueries;
import io.annualreport.store.persistence.AgencyStore;
import io.annualreport.store.persistence.CrossYearQueries;
import io.annualreport.store.persistence.FollowingYearReports;
import io.annualreport.store.security.RegionScope;
import io.annualreport.store.security.Roles;
import io.annualreport.store.service.AgencyComparisons;
import io.annualreport.store.service.AgencyLinking;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The agency registry's API: agencies with their years, two years compared (JSON and DOCX), the divisions, the
 * supervisors' ranking and heatmap, the cross-year context validate-service reads, and merge, split and alias changes
 * (which need the admin role — a signed-in admin or the operators' key in {@code X-Admin-Key} — and are audited).
 */
@Path("/api/v1/agencies")
@Produces(MediaType.APPLICATION_JSON)
public class AgencyResource {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Inject
    AgencyStore store;

    @Inject
    AgencyQueries queries;

    @Inject
    CrossYearQueries crossYear;

    @Inject
    FollowingYearReports followingYear;

    @Inject
    AgencyLinking linking;

    @Inject
    AgencyComparisons comparisons;

    @Inject
    SecurityIdentity identity;

    @Inject
    RegionScope scope;

    /** A merge request: the agencies to fold into the path's agency. */
    public record MergeRequest(List<Long> from) {
    }

    /** A split request: the reports that belong to another agency, its name, and the aliases that go with it. */
    public record SplitRequest(List<String> reportIds, String name, List<String> aliases) {
    }

    /** An alias to add (e.g. the name before an institutional reform). */
    public record AliasRequest(String alias) {
    }

    /** Agencies ranked by the share of their current reports that failed. */
    public record AgencyList(List<AgencyQueries.AgencySummary> items) {
    }

    /** What a merge did: the surviving agency, the agencies folded into it and the reports validated again. */
    public record MergeResult(long agencyId, List<Long> merged, List<String> revalidating) {
    }

    /** What a split did: the agency split and the new agency the reports moved to. */
    public record SplitResult(long agencyId, long newAgencyId) {
    }

    /** The alias added to an agency. */
    public record AliasResult(long agencyId, String alias) {
    }

    @GET
    @Operation(summary = "Agencies, optionally of a division's subtree (region=GB/T 2260 code), ranked by the share of"
            + " their current reports (of a year, with year) that failed")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AgencyList.class)))
    @APIResponse(responseCode = "400", description = "A region that is not a code, or size out of range", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public AgencyList list(
            @Parameter(description = "a GB/T 2260 code of 2, 4 or 6 digits: agencies of that division and below") @QueryParam("region") String region,
            @Parameter(description = "a part of the agency's canonical name") @QueryParam("q") String name,
            @Parameter(description = "count only the reports of this year") @QueryParam("year") Integer year,
            @Parameter(description = "at most this many agencies (1 to 1000)") @QueryParam("size") @DefaultValue("100") int size) {
        if (size < 1 || size > 1000) {
            throw new InvalidRequestException("INVALID_PAGE", "size must be between 1 and 1000");
        }
        if (scope.prefixes().isEmpty()) {
            return new AgencyList(queries.list(regionPrefix(region), blankToNull(name), year, size));
        }
        // a user limited to regions: the agencies of those regions only (read up to the largest page, then cut)
        return new AgencyList(queries.list(regionPrefix(region), blankToNull(name), year, 1000).stream()
                .filter(a -> scope.allows(a.regionCode())).limit(size).toList());
    }

    /** The agency when it exists and lies within the signed-in user's regions (404 otherwise, as if unknown). */
    private Optional<AgencyQueries.AgencyDetail> visible(long id) {
        return queries.detail(id).filter(d -> scope.allows(d.regionCode()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One agency: its names, its reports by year with verdicts and match basis, and its audit")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AgencyQueries.AgencyDetail.class)))
    @APIResponse(responseCode = "404", description = "Unknown agency", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response detail(@Parameter(description = "the agency's id") @PathParam("id") long id) {
        return visible(id).map(d -> Response.ok(d).build()).orElseGet(() -> noAgency(id));
    }

    @GET
    @Path("/{id}/compare")
    @Operation(summary = "Two years of one agency side by side: T2/T3/T4 with changed cells and the narrative part by"
            + " part")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = YearComparison.Comparison.class)))
    @APIResponse(responseCode = "404", description = "Unknown agency or no report of a year", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response compare(@Parameter(description = "the agency's id") @PathParam("id") long id,
            @Parameter(description = "the earlier year; default: the year before to that has a report") @QueryParam("from") Integer from,
            @Parameter(description = "the later year; default: the agency's latest year") @QueryParam("to") Integer to) {
        if (visible(id).isEmpty()) {
            return noAgency(id);
        }
        return comparisons.compare(id, from, to).<Response>map(c -> Response.ok(c).build())
                .orElseGet(() -> noYears(id, from, to));
    }

    @GET
    @Path("/{id}/compare.docx")
    @Produces(DOCX)
    @Operation(summary = "The comparison of two years as a Word document in Chinese: the tables as printed with the"
            + " changed cells, the narrative part by part")
    @APIResponse(responseCode = "200", description = "The DOCX file", content = @Content(mediaType = DOCX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "Unknown agency or no report of a year", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response compareDocx(@Parameter(description = "the agency's id") @PathParam("id") long id,
            @Parameter(description = "the earlier year; default: the year before to that has a report") @QueryParam("from") Integer from,
            @Parameter(description = "the later year; default: the agency's latest year") @QueryParam("to") Integer to) {
        if (visible(id).isEmpty()) {
            return noAgency(id);
        }
        return comparisons.compare(id, from, to).map(c -> Response.ok(ComparisonDocx.write(c)).type(DOCX)
                .header("Content-Disposition", disposition(ComparisonDocx.title(c) + ".docx")).build())
                .orElseGet(() -> noYears(id, from, to));
    }

    @GET
    @Path("/of-report")
    @Operation(summary = "The agency a report is attached to, with the basis and confidence of the match")
    @APIResponse(responseCode = "204", description = "Unknown report or not linked yet (no body): not an error, the"
            + " report page asks for every report")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AgencyQueries.ReportLink.class)))
    public Response ofReport(
            @Parameter(description = "the report's id (16 hex digits)") @QueryParam("reportId") String reportId) {
        return queries.linkOf(reportId == null ? "" : reportId).filter(l -> visible(l.agencyId()).isPresent())
                .map(l -> Response.ok(l).build()).orElseGet(() -> Response.noContent().build());
    }

    @GET
    @Path("/cross-year")
    @Operation(summary = "For validate-service: the canonical agency of a printed name, its current report of the"
            + " previous year and other agencies' narratives of the same year and city")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CrossYearContext.class)))
    @APIResponse(responseCode = "400", description = "agency and agencyFull or year missing", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public CrossYearContext crossYear(
            @Parameter(description = "the agency's name as printed") @QueryParam("agency") String agency,
            @Parameter(description = "the agency's full name as printed, with its higher-level regions") @QueryParam("agencyFull") String full,
            @Parameter(description = "the year of the report being validated", required = true) @QueryParam("year") Integer year,
            @Parameter(description = "the report being validated, left out of the context") @QueryParam("exclude") String exclude) {
        if (year == null || (blankToNull(agency) == null && blankToNull(full) == null)) {
            throw new InvalidRequestException("AGENCY_OR_YEAR_MISSING", "agency (or agencyFull) and year are needed");
        }
        return crossYear.context(blankToNull(agency), blankToNull(full), year, exclude);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Path("/{id}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Merges agencies into this one (admin); reports whose previous year is now linked are"
            + " validated again")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = MergeResult.class)))
    @APIResponse(responseCode = "400", description = "from is empty", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "401", description = "Not signed in", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "Unknown agency", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "Refused, e.g. an agency merged into itself", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response merge(@Parameter(description = "the agency that stays") @PathParam("id") long id,
            MergeRequest request,
            @Parameter(description = "the person a machine acts for, recorded in the audit") @HeaderParam("X-Actor") String actor) {
        if (request == null || request.from() == null || request.from().isEmpty()) {
            throw new InvalidRequestException("MERGE_INCOMPLETE", "from lists the agencies to merge");
        }
        try {
            for (long from : request.from()) {
                store.merge(id, from, actor(actor));
            }
        } catch (AgencyStore.RefusedException e) {
            return refusal(e);
        }
        List<String> again = followingYear.linkedSince(id);
        linking.revalidate(again, RevalidationCause.AGENCY_LINKED, actor(actor), null);
        return Response.ok(new MergeResult(id, request.from(), again)).build();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Path("/{id}/split")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Moves reports of this agency to a new agency (admin)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SplitResult.class)))
    @APIResponse(responseCode = "401", description = "Not signed in", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "Unknown agency", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "Refused, e.g. a report of another agency", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response split(@Parameter(description = "the agency the reports leave") @PathParam("id") long id,
            SplitRequest request,
            @Parameter(description = "the person a machine acts for, recorded in the audit") @HeaderParam("X-Actor") String actor) {
        if (request == null) {
            throw new InvalidRequestException("SPLIT_INCOMPLETE", "a split needs reportIds and name");
        }
        try {
            long created = store.split(id, request.reportIds(), request.name(), request.aliases(), actor(actor));
            return Response.ok(new SplitResult(id, created)).build();
        } catch (AgencyStore.RefusedException e) {
            return refusal(e);
        }
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Path("/{id}/aliases")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Adds a name of this agency, e.g. its name before an institutional reform (admin)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AliasResult.class)))
    @APIResponse(responseCode = "401", description = "Not signed in", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "Unknown agency", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "Refused, e.g. the name belongs to another agency", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response alias(@Parameter(description = "the agency's id") @PathParam("id") long id,
            AliasRequest request,
            @Parameter(description = "the person a machine acts for, recorded in the audit") @HeaderParam("X-Actor") String actor) {
        try {
            store.addAlias(id, request == null ? null : String.valueOf(request.alias()), actor(actor));
            return Response.ok(new AliasResult(id, request.alias())).build();
        } catch (AgencyStore.RefusedException e) {
            return refusal(e);
        }
    }

    private static Response refusal(AgencyStore.RefusedException e) {
        Response.Status status = e.code().equals("NO_SUCH_AGENCY")
                ? Response.Status.NOT_FOUND
                : Response.Status.CONFLICT;
        return ApiError.response(status, e.code(), e.getMessage());
    }

    /** Who is audited: the person named by a machine in {@code X-Actor}, else the signed-in user. */
    private String actor(String header) {
        return header == null || header.isBlank() ? identity.getPrincipal().getName() : header.strip();
    }

    private static Response noAgency(long id) {
        return ApiError.response(Response.Status.NOT_FOUND, "NO_SUCH_AGENCY", "no agency " + id);
    }

    private static Response noYears(long id, Integer from, Integer to) {
        return ApiError.response(Response.Status.NOT_FOUND, "NOTHING_TO_COMPARE",
                "agency " + id + " has no stored report of one of the years " + from + ", " + to);
    }

    /** The code prefix of a division's subtree, or null; a code that is not 2, 4 or 6 digits is refused. */
    public static String regionPrefix(String region) {
        String code = blankToNull(region);
        if (code == null) {
            return null;
        }
        if (!code.matches("\\d{2}|\\d{4}|\\d{6}")) {
            throw new InvalidRequestException("INVALID_REGION", "region is a GB/T 2260 code of 2, 4 or 6 digits");
        }
        return Region.subtreePrefix(code.length() == 6 ? code : (code + "0000").substring(0, 6));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String disposition(String fileName) {
        return "attachment; filename=\"comparison.docx\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
