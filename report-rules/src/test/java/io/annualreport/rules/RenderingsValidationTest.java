package io.annualreport.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.annualreport.extraction.TikaTextExtractor;
import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.validation.Severity;
import io.annualreport.model.validation.Verdict;
import io.annualreport.parser.ParseHints;
import io.annualreport.parser.ReportParser;

/**
 * The seeds as they reach the pipeline in other shapes — grey JPEG scans at 150 and 200 dpi, Word 97 files, markdown
 * as OCR and LLM tools make it — get no ERROR that the seed itself does not get: what the reader could not read is
 * never blamed on the agency.
 */
class RenderingsValidationTest {

    private static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    private static final Path FIXTURES = ROOT.resolve("report-extraction/src/test/resources/fixtures");

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
    void shouldRaiseNoErrorTheSeedDoesNotRaise(Rendering rendering) throws Exception {
        // Given: the seed's own verdict, read from its text
        RuleEngine engine = new RuleEngine();
        ValidationResult seed = engine.validate(parse(seedText(rendering.seed())), ValidationContext.standalone());
        Set<String> seedErrors = errors(seed);

        // When: the same report in another shape
        ValidationResult result = engine.validate(parse(new TikaTextExtractor().extract(rendering.file(),
                rendering.file().getFileName().toString(), null)), ValidationContext.standalone());

        // Then
        assertThat(errors(result)).as("%s: errors beyond the seed's %s; findings %s; review reasons %s", rendering,
                seedErrors, result.findings(), result.reviewReasons()).isSubsetOf(seedErrors);
        if (seed.verdict() != Verdict.FAIL) {
            assertThat(result.verdict()).as("%s verdict", rendering).isNotEqualTo(Verdict.FAIL);
        }
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
}
