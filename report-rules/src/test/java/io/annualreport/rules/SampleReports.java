package io.annualreport.rules;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.annualreport.extraction.TikaTextExtractor;
import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.report.Cell;
import io.annualreport.model.report.CellSemantic;
import io.annualreport.model.report.Identity;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.template.Edition;
import io.annualreport.parser.ParseHints;
import io.annualreport.parser.ReportParser;

/**
 * The ground-truth samples of {@code samples/expected}: each report rebuilt from the expected cells (value and
 * semantic) and identity, with the sections and text the current ReportParser reads from the input file.
 */
final class SampleReports {

    /** One expected sample: the rebuilt report, and the expected findings and verdict. */
    record Sample(String name, ParsedReport report, List<ExpectedFinding> findings, String verdict, String notes) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A finding the sample says a reviewer would certainly raise. */
    record ExpectedFinding(String rule, String severity, String about) {
    }

    static final Path SAMPLES = Path.of(System.getProperty("samples.dir", "../samples"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Sample> CACHE = new LinkedHashMap<>();

    private SampleReports() {
    }

    /** Every sample of {@code expected/*.json}, sorted by file name. */
    static synchronized List<Sample> all() throws IOException {
        if (CACHE.isEmpty()) {
            List<Path> files;
            try (var stream = Files.list(SAMPLES.resolve("expected"))) {
                files = stream.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            }
            for (Path file : files) {
                Sample s = load(file);
                CACHE.put(s.name(), s);
            }
        }
        return new ArrayList<>(CACHE.values());
    }

    /** One sample by its file name without {@code .json}. */
    static Sample named(String name) throws IOException {
        return all().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static Sample load(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        String input = root.get("input").asText();
        ParsedReport parsed = new ReportParser().parse(extract(SAMPLES.resolve(input)), ParseHints.none());
        JsonNode id = root.get("identity");
        Identity identity = new Identity(parsed.identity().title(), id.get("agency").asText(), null,
                id.get("year").asInt(), Edition.fromCode(id.get("edition").asText()), parsed.identity().foundBy());
        Map<String, Cell> cells = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.get("cells").fields();
        while (it.hasNext()) {
            var e = it.next();
            cells.put(e.getKey(), cell(e.getValue()));
        }
        List<ExpectedFinding> findings = new ArrayList<>();
        for (JsonNode f : root.get("findings")) {
            findings.add(new ExpectedFinding(f.get("rule").asText(), f.get("severity").asText(),
                    f.path("about").asText()));
        }
        ParsedReport report = new ParsedReport(identity, parsed.sections(), cells, parsed.facts(), parsed.extraction(),
                List.of(), parsed.text());
        String name = file.getFileName().toString().replace(".json", "");
        return new Sample(name, report, findings, root.get("verdict").asText(), root.path("notes").asText());
    }

    private static Cell cell(JsonNode node) {
        if (node.isNull()) {
            return new Cell(null, "", CellSemantic.EMPTY, null, null, null);
        }
        if (node.isObject()) {
            JsonNode v = node.get("value");
            BigDecimal value = v == null || v.isNull() ? null : v.decimalValue();
            CellSemantic semantic = CellSemantic.valueOf(node.get("semantic").asText());
            return new Cell(value, node.path("raw").asText(value == null ? "" : value.toPlainString()), semantic, null,
                    null, null);
        }
        BigDecimal value = node.decimalValue();
        return new Cell(value, value.toPlainString(), value.signum() == 0 ? CellSemantic.ZERO : CellSemantic.NUMERIC,
                null, null, null);
    }

    private static ExtractedDocument extract(Path input) throws IOException {
        if (input.toString().endsWith(".txt")) {
            return new ExtractedDocument(Files.readString(input), List.of(), List.of(), null);
        }
        try {
            return new TikaTextExtractor().extract(input, input.getFileName().toString(), null);
        } catch (Exception e) {
            throw new IOException("cannot extract " + input, e);
        }
    }
}
