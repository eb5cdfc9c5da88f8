package io.annualreport.validate.history;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.annualreport.model.event.EventCodec;
import io.annualreport.model.report.Cell;
import io.annualreport.model.report.CellSemantic;
import io.annualreport.model.report.Identity;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.report.Section;
import io.annualreport.model.template.Edition;
import io.quarkus.logging.Log;

/**
 * Reads last year's report from store-service's public query API; when the store cannot answer, cross-year rules
 * are simply not assessable.
 */
public final class StoreReportHistory implements ReportHistory {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String baseUrl;
    private final Runnable onLookupFailure;

    public StoreReportHistory(String baseUrl) {
        this(baseUrl, () -> {
        });
    }

    /** @param onLookupFailure called once for every look-up the store could not answer (for a metric) */
    public StoreReportHistory(String baseUrl, Runnable onLookupFailure) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.onLookupFailure = onLookupFailure;
    }

    @Override
    public Optional<ParsedReport> previousYear(String agency, int year, String excludeReportId) {
        try {
            JsonNode list = get("/api/v1/reports?status=VALIDATED&current=true&year=" + (year - 1) + "&agency="
                    + URLEncoder.encode(agency, StandardCharsets.UTF_8) + "&size=50");
            if (list == null) {
                return Optional.empty();
            }
            for (JsonNode item : list.path("items")) {
                String id = item.path("reportId").asText();
                if (agency.equals(item.path("agency").asText()) && !id.equals(excludeReportId)
                        && item.path("currentVersion").asBoolean(true)) {
                    JsonNode detail = get("/api/v1/reports/" + id);
                    return detail == null ? Optional.empty() : Optional.of(toReport(detail));
                }
            }
            return Optional.empty();
        } catch (Exception e) {
            onLookupFailure.run();
            Log.warnf("history lookup for %s %d failed, cross-year rules not assessable: %s", agency, year - 1,
                    e.getMessage());
            return Optional.empty();
        }
    }

    private JsonNode get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(5))
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? EventCodec.mapper().readTree(response.body()) : null;
    }

    static ParsedReport toReport(JsonNode detail) {
        JsonNode id = detail.path("identity");
        Identity identity = new Identity(text(id, "title"), text(id, "agency"), null,
                id.hasNonNull("year") ? id.path("year").asInt() : null,
                Edition.fromCode(id.path("edition").asText("unknown")), Map.of());
        List<Section> sections = new ArrayList<>();
        for (JsonNode s : detail.path("sections")) {
            sections.add(new Section(s.path("number").asInt(), text(s, "heading"), text(s, "text"), 0, 0));
        }
        Map<String, Cell> cells = new LinkedHashMap<>();
        detail.path("cells").fields().forEachRemaining(e -> {
            JsonNode c = e.getValue();
            BigDecimal value = c.hasNonNull("value") ? c.path("value").decimalValue() : null;
            CellSemantic semantic = c.hasNonNull("semantic")
                    ? CellSemantic.valueOf(c.path("semantic").asText())
                    : CellSemantic.EMPTY;
            cells.put(e.getKey(), new Cell(value, text(c, "raw"), semantic,
                    c.hasNonNull("page") ? c.path("page").asInt() : null, null, null));
        });
        String text = sections.stream().map(Section::text).reduce("", (a, b) -> a + "\n" + b);
        return new ParsedReport(identity, sections, cells, List.of(), null, List.of(), text);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.path(field).asText() : null;
    }
}
