package io.annualreport.store.rest;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.annualreport.model.report.Doubt;
import io.annualreport.model.report.ReadingStatus;
import io.annualreport.model.report.UnreadReason;
import io.annualreport.model.template.TableId;
import io.annualreport.model.validation.Severity;
import io.annualreport.model.validation.Verdict;
import io.annualreport.store.labels.CellLabels;
import io.annualreport.store.persistence.ReportStatus;

/**
 * {@code GET /api/v1/labels}: the Chinese labels of every code the API returns (verdicts, statuses, severities, reading
 * statuses, unread reasons, doubts, tables) and of every cell and row key, taken from the enums' {@code label()} and the
 * template registry so that the dashboard never repeats them.
 */
@Path("/api/v1/labels")
public class LabelsResource {

    private static final Map<String, Object> LABELS = build();

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Chinese labels of every enum code and of every cell and row key")
    public Map<String, Object> labels() {
        return LABELS;
    }

    private static Map<String, Object> build() {
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("verdict", of(Verdict.values(), Verdict::label));
        labels.put("status", of(ReportStatus.values(), ReportStatus::label));
        labels.put("severity", of(Severity.values(), Severity::label));
        labels.put("readingStatus", of(ReadingStatus.values(), ReadingStatus::label));
        labels.put("unreadReason", of(UnreadReason.values(), UnreadReason::label));
        labels.put("doubt", of(Doubt.values(), Doubt::label));
        labels.put("table", of(TableId.values(), TableId::label));
        labels.put("cells", CellLabels.cells());
        labels.put("rows", CellLabels.rows());
        return Map.copyOf(labels);
    }

    private static <E extends Enum<E>> Map<String, String> of(E[] values, Function<E, String> label) {
        return Arrays.stream(values).collect(Collectors.toMap(Enum::name, label, (a, b) -> a, LinkedHashMap::new));
    }
}
