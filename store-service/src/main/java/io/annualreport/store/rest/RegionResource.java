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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.annualreport.store.agency.ComparisonDocx;
import io.annualreport.store.agency.Region;
import io.annualreport.store.agency.YearComparison;
import io.annualreport.store.persistence.AgencyQueries;
import io.annualreport.store.persistence.AgencyStore;
import io.annualreport.store.service.AgencyComparisons;

/**
 * The divisions (GB/T 2260) for the region cascader, the supervisors' region × year heatmap, and a division's
 * comparison documents in one zip.
 */
@Path("/api/v1/regions")
@Produces(MediaType.APPLICATION_JSON)
public class RegionResource {

    @Inject
    AgencyStore store;

    @Inject
    AgencyQueries queries;

    @Inject
    AgencyComparisons comparisons;

    @GET
    @Operation(summary = "The divisions directly below a code (the provinces without one): the region cascader")
    public Map<String, Object> regions(@QueryParam("parent") String parent) {
        String code = parent == null || parent.isBlank() ? null : parent.strip();
        return Map.of("parent", code == null ? "" : code, "path",
                code == null ? List.of() : store.regions().path(code), "items", store.regions().children(code));
    }

    @GET
    @Path("/heatmap")
    @Operation(summary = "Current reports by division one level below region (provinces without it), year and"
            + " verdict")
    public Map<String, Object> heatmap(@QueryParam("region") String region) {
        String prefix = AgencyResource.regionPrefix(region);
        List<AgencyQueries.HeatCell> cells = queries.heatmap(prefix);
        Map<String, String> names = new TreeMap<>();
        cells.forEach(c -> names.put(c.regionCode(),
                store.regions().byCode(c.regionCode()).map(Region::name).orElse(c.regionCode())));
        return Map.of("cells", cells, "regions", names);
    }

    @GET
    @Path("/{code}/compare.zip")
    @Produces("application/zip")
    @Operation(summary = "The comparison DOCX of every agency of a division's subtree that has both years, in one zip")
    public Response compareRegion(@PathParam("code") String code, @QueryParam("from") Integer from,
            @QueryParam("to") Integer to) throws IOException {
        if (from == null || to == null) {
            throw new InvalidRequestException("YEARS_MISSING", "from and to are needed");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int files = 0;
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (AgencyQueries.AgencySummary agency : queries.list(AgencyResource.regionPrefix(code), null, 1000)) {
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
        return Response.ok(bytes.toByteArray()).type("application/zip")
                .header("Content-Disposition", AgencyResource.disposition(code + "-" + from + "-" + to + ".zip"))
                .build();
    }
}
