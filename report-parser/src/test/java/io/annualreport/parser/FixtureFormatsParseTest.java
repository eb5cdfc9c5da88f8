package io.annualreport.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.annualreport.extraction.TikaTextExtractor;
import io.annualreport.model.report.Cell;
import io.annualreport.model.report.ParsedReport;

/**
 * The seeds rendered by real tools (LibreOffice PDF and DOCX, HTML in four charsets, text in three encodings,
 * Markdown; the fixtures of report-extraction) read through the extractor give the seed's expected identity and every
 * expected cell exactly. The HTML and DOCX tables are ragged (each row with its own number of cells, no spans), as
 * pages exported from text often are; the PDFs wrap long labels in a narrow column, centred on their row of numbers.
 */
class FixtureFormatsParseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TikaTextExtractor TIKA = new TikaTextExtractor();
    /** Word 97 (.doc) files are read exactly too; {@code ToolOutputsParseTest} checks them with the tools' markdown. */
    private static final Set<String> FORMATS = Set.of("html", "docx", "pdf", "txt", "md");

    static Stream<Path> fixtures() throws IOException {
        Path dir = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize()
                .resolve("report-extraction/src/test/resources/fixtures");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                String ext = name.substring(name.lastIndexOf('.') + 1);
                return FORMATS.contains(ext) && name.matches("\\d{3}[.-].*") && !name.contains("scanned")
                        && !name.contains("page");
            }).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void shouldReadTheSeedsIdentityAndEveryCellFromEveryRenderedFormat(Path fixture) throws Exception {
        // Given
        String seed = fixture.getFileName().toString().substring(0, 3);
        JsonNode expected = JSON.readTree(SampleFiles.list("expected", ".json").stream()
                .filter(p -> p.getFileName().toString().startsWith(seed + "_")).findFirst().orElseThrow().toFile());

        // When
        ParsedReport report = new ReportParser().parse(
                TIKA.extract(fixture, fixture.getFileName().toString(), null), ParseHints.none());

        // Then
        JsonNode identity = expected.get("identity");
        assertThat(report.identity().agency()).isEqualTo(identity.get("agency").asText());
        assertThat(report.identity().year()).isEqualTo(identity.get("year").asInt());
        List<String> mismatches = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> cells = expected.get("cells").fields();
        while (cells.hasNext()) {
            Map.Entry<String, JsonNode> cell = cells.next();
            Cell read = report.cells().get(cell.getKey());
            BigDecimal want = cell.getValue().decimalValue();
            if (read == null || read.value() == null || read.value().compareTo(want) != 0) {
                mismatches.add(cell.getKey() + " expected " + want + " but read " + read);
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(report.cells()).hasSize(expected.get("cells").size());
    }
}
