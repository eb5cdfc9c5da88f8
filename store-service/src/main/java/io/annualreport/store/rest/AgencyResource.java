package io.annualreport.store.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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

    /** A merge request: the agencies to fold into the path's agency. */
    public record MergeRequest(List<Long> from) {
    }

    /** A split request: the reports that belong to another agency, its name, and the aliases that go with it. */
    public record SplitRequest(List<String> reportIds, String name, List<String> aliases) {
    }

    /** An alias to add (e.g. the name before an institutional reform). */
    public record AliasRequest(String alias) {
    }

    @GET
    @Operation(summary = "Agencies, optionally of a division's subtree (region=GB/T 2260 code), ranked by the share of"
            + " their current reports that failed")
    public Map<String, Object> list(@QueryParam("region") String region, @QueryParam("q") String name,
            @QueryParam("size") @DefaultValue("100") int size) {
        if (size < 1 || size > 1000) {
            throw new InvalidRequestException("INVALID_PAGE", "size must be between 1 and 1000");
        }
        return Map.of("items", queries.list(regionPrefix(region), blankToNull(name), size));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One agency: its names, its reports by year with verdicts and match basis, and its audit")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AgencyQueries.AgencyDetail.class)))
    @APIResponse(responseCode = "404", description = "Unknown agency", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response detail(@PathParam("id") long id) {
        return queries.detail(id).map(d -> Response.ok(d).build()).orElseGet(() -> noAgency(id));
    }

    @GET
    @Path("/{id}/compare")
    @Operation(summary = "Two years of one agency side by side: T2/T3/T4 with changed cells and the narrative part by"
            + " part")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = YearComparison.Comparison.class)))
    @APIResponse(responseCode = "404", description = "Unknown agency or no report of a year", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response compare(@PathParam("id") long id, @QueryParam("from") Integer from, @QueryParam("to") Integer to) {
        return comparisons.compare(id, from, to).<Response>map(c -> Response.ok(c).build())
                .orElseGet(() -> noYears(id, from, to));
    }

    @GET
    @Path("/{id}/compare.docx")
    @Produces(DOCX)
    @Operation(summary = "The comparison of two years as a Word document in Chinese")
    public Response compareDocx(@PathParam("id") long id, @QueryParam("from") Integer from,
            @QueryParam("to") Integer to) {
        return comparisons.compare(id, from, to).map(c -> Response.ok(ComparisonDocx.write(c)).type(DOCX)
                .header("Content-Disposition", disposition(ComparisonDocx.title(c) + ".docx")).build())
                .orElseGet(() -> noYears(id, from, to));
    }

    @GET
    @Path("/of-report")
    @Operation(summary = "The agency a report is attached to, with the basis and confidence of the match")
    @APIResponse(responseCode = "204", description = "Unknown report or not linked yet (no body): not an error, the"
            + " report page asks for every report")
    public Response ofReport(@QueryParam("reportId") String reportId) {
        return queries.linkOf(reportId == null ? "" : reportId).map(l -> Response.ok(l).build())
                .orElseGet(() -> Response.noContent().build());
    }

    @GET
    @Path("/cross-year")
    @Operation(summary = "For validate-service: the canonical agency of a printed name, its current report of the"
            + " previous year and other agencies' narratives of the same year and city")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CrossYearContext.class)))
    public CrossYearContext crossYear(@QueryParam("agency") String agency, @QueryParam("agencyFull") String full,
            @QueryParam("year") Integer year, @QueryParam("exclude") String exclude) {
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
    public Response merge(@PathParam("id") long id, MergeRequest request,
            @HeaderParam("X-Actor") String actor) {
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
        return Response.ok(Map.of("agencyId", id, "merged", request.from(), "revalidating", again)).build();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Path("/{id}/split")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Moves reports of this agency to a new agency (admin)")
    public Response split(@PathParam("id") long id, SplitRequest request,
            @HeaderParam("X-Actor") String actor) {
        if (request == null) {
            throw new InvalidRequestException("SPLIT_INCOMPLETE", "a split needs reportIds and name");
        }
        try {
            long created = store.split(id, request.reportIds(), request.name(), request.aliases(), actor(actor));
            return Response.ok(Map.of("agencyId", id, "newAgencyId", created)).build();
        } catch (AgencyStore.RefusedException e) {
            return refusal(e);
        }
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Path("/{id}/aliases")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Adds a name of this agency, e.g. its name before an institutional reform (admin)")
    public Response alias(@PathParam("id") long id, AliasRequest request,
            @HeaderParam("X-Actor") String actor) {
        try {
            store.addAlias(id, request == null ? null : String.valueOf(request.alias()), actor(actor));
            return Response.ok(Map.of("agencyId", id, "alias", request.alias())).build();
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
