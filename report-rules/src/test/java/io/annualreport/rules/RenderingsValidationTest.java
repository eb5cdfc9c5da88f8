package io.annualreport.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.annualreport.extraction.ExtractionLimits;
import io.annualreport.extraction.TikaTextExtractor;
import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.report.Cell;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.report.TableReading;
import io.annualreport.model.report.Unread;
import io.annualreport.model.validation.Severity;
import io.annualreport.model.validation.Verdict;
import io.annualreport.parser.ParseHints;
import io.annualreport.parser.ReportParser;

/**
 * The seeds as they reach the pipeline in other shapes — grey JPEG scans at 150 and 200 dpi turned by a slight angle,
 * Word 97 files, markdown as OCR and LLM tools make it (report-extraction's {@code fixtures/renderings}, made by
 * {@code make-renderings.sh}) — each read once through the real extractor, then checked twice. As read: the year is
 * right and the agency is right or, where OCR could not read the title, reported not found (never a wrong one); every
 * cell read as CERTAIN is the seed's value, and every cell of the seed is either read or listed as unread. As
 * validated: no ERROR that the seed itself does not get — what the reader could not read is never blamed on the
 * agency. (Both checks live here, where the extractor, the parser and the rules meet, so that each scan is OCR'd once
 * in the build.)
 */
class RenderingsValidationTest {

    private static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    private static final Path FIXTURES = ROOT.resolve("report-extraction/src/test/resources/fixtures");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Scans are OCR'd page by page; the budget is the build machine's, not production's. */
    private static final TikaTextExtractor TIKA = new TikaTextExtractor(new ExtractionLimits(Duration.ofMinutes(15),
            Duration.ofMinutes(4), ExtractionLimits.DEFAULT.maxPages(), ExtractionLimits.DEFAULT.maxBytes()));
    private static final List<String> COVERAGE = new ArrayList<>();

    /** One rendering of one seed. */
    record Rendering(String seed, Path file) {
        @Override
        public String toString() {
            return FIXTURES.relativize(file).toString();
        }
    }

    static List<Rendering> renderings() throws IOException {
        List<Rendering> all = new ArrayList<>();
        for (String seed : List.of("000", "001", "002", "003", "004")) {
            all.add(new Rendering(seed, FIXTURES.resolve(seed + ".doc")));
            try (Stream<Path> files = Files.list(FIXTURES.resolve("renderings"))) {
                files.filter(f -> f.getFileName().toString().startsWith(seed + "-")).sorted()
                        .forEach(f -> all.add(new Rendering(seed, f)));
            }
        }
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void shouldReadTheSeedNeverConfidentlyWrongAndRaiseNoErrorTheSeedDoesNotRaise(Rendering rendering)
            throws Exception {
        // Given: the seed's own verdict, read from its text, and its expected cells and identity
        RuleEngine engine = new RuleEngine();
        ValidationResult seed = engine.validate(parse(seedText(rendering.seed())), ValidationContext.standalone());
        Set<String> seedErrors = errors(seed);
        JsonNode expected = expected(rendering.seed());

        // When: the same report in another shape, read once
        String name = rendering.file().getFileName().toString();
        ParsedReport report = parse(TIKA.extract(rendering.file(), name, null));
        ValidationResult result = engine.validate(report, ValidationContext.standalone());

        // Then: as read
        JsonNode cells = expected.get("cells");
        List<String> confidentWrong = new ArrayList<>();
        int doubtful = 0;
        for (Map.Entry<String, Cell> read : report.cells().entrySet()) {
            JsonNode want = cells.get(read.getKey());
            Cell cell = read.getValue();
            if (!cell.isCertain()) {
                doubtful++;
            } else if (want == null || cell.value() == null || cell.value().compareTo(want.decimalValue()) != 0) {
                confidentWrong.add(read.getKey() + " read \"" + cell.raw() + "\" expected " + want);
            }
        }
        List<String> unlisted = new ArrayList<>();
        Iterator<String> keys = cells.fieldNames();
        while (keys.hasNext()) {
            String key = keys.next();
            if (!report.cells().containsKey(key) && !listedAsUnread(report, key)) {
                unlisted.add(key);
            }
        }
        int read = (int) report.cells().keySet().stream().filter(cells::has).count();
        COVERAGE.add(String.format("%-18s cells read %3d / %3d expected, %3d doubtful, identity %s %s, unread %s",
                name, read, cells.size(), doubtful, report.identity().agency(), report.identity().year(),
                report.reading().tables().stream().map(t -> t.table() + " " + t.status() + " " + t.unread().size())
                        .toList()));
        assertThat(confidentWrong).as("%s: cells read as certain but wrong", rendering).isEmpty();
        assertThat(unlisted).as("%s: expected cells neither read nor listed as unread", rendering).isEmpty();
        JsonNode identity = expected.get("identity");
        assertThat(report.identity().year()).as("%s year", rendering).isEqualTo(identity.get("year").asInt());
        if (report.identity().agency() == null) {
            // never a wrong agency: where OCR garbled the title beyond reading, the reading report says so
            assertThat(report.reading().identityDoubts()).anyMatch(d -> d.startsWith("AGENCY_NOT_FOUND"));
        } else {
            assertThat(report.identity().agency()).as("%s agency", rendering)
                    .isEqualTo(identity.get("agency").asText());
        }
        // and as validated
        assertThat(errors(result)).as("%s: errors beyond the seed's %s; findings %s; review reasons %s", rendering,
                seedErrors, result.findings(), result.reviewReasons()).isSubsetOf(seedErrors);
        if (seed.verdict() != Verdict.FAIL) {
            assertThat(result.verdict()).as("%s verdict", rendering).isNotEqualTo(Verdict.FAIL);
        }
    }

    /** Whether the reading report lists the cell, its row or its table as unread. */
    private static boolean listedAsUnread(ParsedReport report, String cellKey) {
        for (TableReading table : report.reading().tables()) {
            for (Unread unread : table.unread()) {
                if (cellKey.equals(unread.subject()) || cellKey.startsWith(unread.subject() + ".")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Set<String> errors(ValidationResult result) {
        return result.findings().stream().filter(f -> f.severity() == Severity.ERROR).map(f -> f.ruleId())
                .collect(Collectors.toSet());
    }

    private static ParsedReport parse(ExtractedDocument document) {
        return new ReportParser().parse(document, ParseHints.none());
    }

    private static ExtractedDocument seedText(String seed) throws IOException {
        try (Stream<Path> files = Files.list(SampleReports.SAMPLES.resolve("seeds"))) {
            Path file = files.filter(f -> f.getFileName().toString().startsWith(seed + "_")).findFirst().orElseThrow();
            return new ExtractedDocument(Files.readString(file), List.of(), List.of(), null);
        }
    }

    private static JsonNode expected(String seed) throws IOException {
        try (Stream<Path> files = Files.list(SampleReports.SAMPLES.resolve("expected"))) {
            Path file = files.filter(f -> f.getFileName().toString().startsWith(seed + "_")
                    && f.getFileName().toString().endsWith(".json")).findFirst().orElseThrow();
            return JSON.readTree(file.toFile());
        }
    }

    @AfterAll
    static void printCoverage() {
        COVERAGE.forEach(line -> System.out.println("[coverage] " + line));
    }
}
