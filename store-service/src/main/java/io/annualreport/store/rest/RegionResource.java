package io.annualreport.store.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
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

import io.annualreport.store.agency.ComparisonDocx;
import io.annualreport.store.agency.Region;
import io.annualreport.store.agency.YearComparison;
import io.annualreport.store.persistence.AgencyQueries;
import io.annualreport.store.persistence.AgencyStore;
import io.annualreport.store.persistence.OverviewQueries;
import io.annualreport.store.security.RegionScope;
import io.annualreport.store.service.AgencyComparisons;

/**
 * The divisions (GB/T 2260) for the region cascader, the supervisors' overview by division (region × year heatmap of
 * verdicts and of the most-failed rules, divisions ranked by the share of reports with errors), and a division's
 * comparison documents in one zip.
 */
@Path("/api/v1/regions")
@Produces(MediaType.APPLICATION_JSON)
public class RegionResource {

    private static final String ZIP = "application/zip";

    @Inject
    AgencyStore store;

    @Inject
    AgencyQueries queries;

    @Inject
    OverviewQueries overview;

    @Inject
    AgencyComparisons comparisons;

    @Inject
    RegionScope scope;

    /** The divisions below a code, with the path from the province down to it. */
    public record RegionLevel(@Schema(description = "the code asked for, empty for the provinces") String parent,
            @Schema(description = "the divisions from the province down to parent") List<Region> path,
            @Schema(description = "the divisions directly below parent") List<Region> items) {
    }

    /**
     * The region × year heatmap: reports by division, year and verdict, and each division and year's most-failed
     * rules; the divisions are one level below the filter's region (the provinces without one).
     */
    public record Heatmap(List<OverviewQueries.VerdictCell> cells, List<OverviewQueries.RuleCell> rules,
            @Schema(description = "the Chinese name of every division code in cells and rules") Map<String, String> regions) {
    }

    /** A division of the ranking with its name. */
    public record RankedRegion(String regionCode, String name, int reports, int withErrors, double errorShare) {
    }

    /** The divisions one level below the filter's region, ranked by the share of reports with errors. */
    public record RegionRanking(List<RankedRegion> items) {
    }

    @GET
    @Operation(summary = "The divisions directly below a code (the provinces without one): the region cascader")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RegionLevel.class)))
    public RegionLevel regions(
            @Parameter(description = "a six-digit GB/T 2260 code, e.g. 320800; none for the provinces") @QueryParam("parent") String parent) {
        String code = parent == null || parent.isBlank() ? null : parent.strip();
        return new RegionLevel(code == null ? "" : code, code == null ? List.of() : store.regions().path(code),
                store.regions().children(code));
    }

    @GET
    @Path("/heatmap")
    @Operation(summary = "Reports by division (one level below region, the provinces without it), year and verdict,"
            + " and each division and year's most-failed rules; follows the report filters, current versions unless"
            + " current=false")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Heatmap.class)))
    @APIResponse(responseCode = "400", description = "A filter outside its vocabulary, or a region that is not a code", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Heatmap heatmap(@BeanParam FilterParams filter) {
        String prefix = AgencyResource.regionPrefix(filter.region);
        List<OverviewQueries.VerdictCell> cells = overview.verdicts(filter.forReading(), prefix);
        List<OverviewQueries.RuleCell> rules = overview.topRules(filter.forReading(), prefix);
        Map<String, String> names = new TreeMap<>();
        cells.forEach(c -> names.put(c.regionCode(), regionName(c.regionCode())));
        rules.forEach(c -> names.put(c.regionCode(), regionName(c.regionCode())));
        return new Heatmap(cells, rules, names);
    }

    @GET
    @Path("/ranking")
    @Operation(summary = "The divisions one level below region (the provinces without it) ranked by the share of"
            + " their reports with errors (verdict FAIL); follows the report filters, current versions unless"
            + " current=false")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RegionRanking.class)))
    @APIResponse(responseCode = "400", description = "A filter outside its vocabulary, or a region that is not a code", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public RegionRanking ranking(@BeanParam FilterParams filter) {
        String prefix = AgencyResource.regionPrefix(filter.region);
        return new RegionRanking(overview.regionRanking(filter.forReading(), prefix).stream()
                .map(r -> new RankedRegion(r.regionCode(), regionName(r.regionCode()), r.reports(), r.withErrors(),
                        r.errorShare()))
                .toList());
    }

    @GET
    @Path("/{code}/compare.zip")
    @Produces(ZIP)
    @Operation(summary = "The comparison DOCX of every agency of a division's subtree that has both years, in one zip")
    @APIResponse(responseCode = "200", description = "A zip of DOCX files, one per agency", content = @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "A year is missing or the code is not a code", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "No agency of the division has reports of both years", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response compareRegion(
            @Parameter(description = "a GB/T 2260 code of 2, 4 or 6 digits, e.g. 320800") @PathParam("code") String code,
            @Parameter(description = "the earlier year", required = true) @QueryParam("from") Integer from,
            @Parameter(description = "the later year", required = true) @QueryParam("to") Integer to)
            throws IOException {
        if (from == null || to == null) {
            throw new InvalidRequestException("YEARS_MISSING", "from and to are needed");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int files = 0;
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (AgencyQueries.AgencySummary agency : queries.list(AgencyResource.regionPrefix(code), null, null,
                    1000)) {
                if (!scope.allows(agency.regionCode())) {
                    continue; // outside the signed-in user's regions
                }
                Optional<YearComparison.Comparison> c = comparisons.compare(agency.agencyId(), from, to);
                if (c.isPresent()) {
                    zip.putNextEntry(new ZipEntry(agency.agencyId() + "-" + ComparisonDocx.title(c.get()) + ".docx"));
                    zip.write(ComparisonDocx.write(c.get()));
                    zip.closeEntry();
                    files++;
                }
            }
        }
        if (files == 0) {
            return ApiError.response(Response.Status.NOT_FOUND, "NOTHING_TO_COMPARE",
                    "no agency of region " + code + " has reports of both " + from + " and " + to);
        }
        return Response.ok(bytes.toByteArray()).type(ZIP)
                .header("Content-Disposition", AgencyResource.disposition(code + "-" + from + "-" + to + ".zip"))
                .build();
    }

    private String regionName(String code) {
        return store.regions().byCode(code).map(Region::name).orElse(code);
    }
}
