package io.annualreport.store.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.annualreport.model.template.ColumnDef;
import io.annualreport.model.template.Edition;
import io.annualreport.model.template.RowDef;
import io.annualreport.model.template.SubTableDef;
import io.annualreport.model.template.TemplateRegistry;
import io.annualreport.store.persistence.Aggregates;
import io.annualreport.store.persistence.ReportFilter;
import io.annualreport.store.persistence.ReportQueries;
import io.annualreport.store.persistence.ReportSummary;
import io.annualreport.store.persistence.StatisticsQueries;
import io.annualreport.store.security.RegionScope;

/** Aggregate statistics, version groups and the printed table layout for the dashboard. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class StatisticsResource {

    private final ReportQueries queries;
    private final StatisticsQueries statistics;

    private final RegionScope scope;

    public StatisticsResource(ReportQueries queries, StatisticsQueries statistics, RegionScope scope) {
        this.scope = scope;
        this.queries = queries;
        this.statistics = statistics;
    }

    @GET
    @Path("/aggregates")
    @Operation(summary = "Per year: counts by verdict, sums of key T3/T4 cells; top failing rules; verdicts over time "
            + "(current versions unless current=false)")
    public Aggregates aggregates(@BeanParam FilterParams filter, @QueryParam("top") @DefaultValue("10") int top) {
        if (top < 1 || top > 100) {
            throw new InvalidRequestException("INVALID_TOP", "top must be between 1 and 100");
        }
        return statistics.aggregates(filter.forReading(), top);
    }

    @GET
    @Path("/versions")
    @Operation(summary = "The reports of one agency (exact name) and year, newest submission first")
    public Map<String, List<ReportSummary>> versions(@QueryParam("agency") String agency,
            @QueryParam("year") Integer year) {
        if (agency == null || agency.isBlank() || year == null) {
            throw new InvalidRequestException("INVALID_VERSION_GROUP", "agency and year are both required");
        }
        return Map.of("versions", queries.versions(agency.strip(), year, scope.apply(ReportFilter.none())));
    }

    @GET
    @Path("/template")
    @Operation(summary = "The printed layout of tables T2, T3 and T4 of an edition, with the official Chinese labels")
    public Map<String, Object> template(@QueryParam("edition") @DefaultValue("2021") String edition) {
        Edition e = Edition.fromCode(edition);
        if (e != Edition.E2019) {
            e = Edition.E2021;
        }
        Map<String, Object> layout = new LinkedHashMap<>();
        layout.put("edition", e.code());
        List<Map<String, Object>> t2 = new ArrayList<>();
        for (SubTableDef sub : TemplateRegistry.t2(e)) {
            t2.add(Map.of("heading", sub.heading(), "rows", rows(sub.rows()), "columns", columns(sub.columns())));
        }
        layout.put("t2", t2);
        layout.put("t3",
                Map.of("rows", rows(TemplateRegistry.t3Rows(e)), "columns", columns(TemplateRegistry.t3Columns()),
                        "note", TemplateRegistry.T3_IDENTITY_NOTE));
        layout.put("t4", Map.of("rows", rows(List.of(TemplateRegistry.t4Row())),
                "columns", columns(TemplateRegistry.t4Columns())));
        return layout;
    }

    private static List<Map<String, Object>> rows(List<RowDef> rows) {
        return rows.stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", r.key());
            row.put("label", r.label());
            row.put("groups", r.groups() != null ? r.groups() : List.of());
            return row;
        }).toList();
    }

    private static List<Map<String, Object>> columns(List<ColumnDef> columns) {
        return columns.stream().map(c -> {
            Map<String, Object> column = new LinkedHashMap<>();
            column.put("key", c.key());
            column.put("label", c.label());
            column.put("group", c.group());
            return column;
        }).toList();
    }
}
