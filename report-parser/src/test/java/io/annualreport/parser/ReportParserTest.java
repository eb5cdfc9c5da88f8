package io.annualreport.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.annualreport.extraction.TikaTextExtractor;
import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.report.Cell;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.template.Edition;

/** Every file of samples/expected: identity, edition and every cell exactly; seeds as text, real PDFs through Tika. */
class ReportParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TikaTextExtractor TIKA = new TikaTextExtractor();

    static Stream<Path> expectedFiles() {
        return SampleFiles.list("expected", ".json").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectedFiles")
    void shouldReadIdentityAndEditionExactly(Path expectedFile) throws Exception {
        // Given
        JsonNode expected = JSON.readTree(expectedFile.toFile());
        ExtractedDocument document = extract(expected.get("input").asText());
        // When
        ParsedReport report = new ReportParser().parse(document, ParseHints.none());
        // Then
        JsonNode identity = expected.get("identity");
        assertThat(report.identity().agency()).isEqualTo(identity.get("agency").asText());
        assertThat(report.identity().year()).isEqualTo(identity.get("year").asInt());
        assertThat(report.identity().edition()).isEqualTo(Edition.fromCode(identity.get("edition").asText()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectedFiles")
    void shouldReadEveryExpectedCellExactly(Path expectedFile) throws Exception {
        // Given
        JsonNode expected = JSON.readTree(expectedFile.toFile());
        ExtractedDocument document = extract(expected.get("input").asText());
        // When
        ParsedReport report = new ReportParser().parse(document, ParseHints.none());
        // Then
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectedFiles")
    void shouldKeepRawTextSourceLineAndPdfPageOfEveryCell(Path expectedFile) throws Exception {
        // Given
        JsonNode expected = JSON.readTree(expectedFile.toFile());
        boolean pdf = expected.get("input").asText().endsWith(".pdf");
        ExtractedDocument document = extract(expected.get("input").asText());
        // When
        ParsedReport report = new ReportParser().parse(document, ParseHints.none());
        // Then
        String[] lines = report.text().split("\n", -1);
        assertThat(report.cells().values()).allSatisfy(cell -> {
            assertThat(cell.line()).isNotNull();
            assertThat(cell.page() != null).isEqualTo(pdf);
            assertThat(lines[cell.line() - 1]).isEqualTo(cell.source());
            assertThat(cell.source()).contains(cell.raw());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectedFiles")
    void shouldFindAllSixPartsInOrder(Path expectedFile) throws Exception {
        // Given
        JsonNode expected = JSON.readTree(expectedFile.toFile());
        ExtractedDocument document = extract(expected.get("input").asText());
        // When
        ParsedReport report = new ReportParser().parse(document, ParseHints.none());
        // Then
        assertThat(report.sections()).extracting(s -> s.number()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(report.sections()).extracting(s -> s.start()).isSorted();
        assertThat(report.parseWarnings()).noneMatch(w -> w.code().equals("SECTION_MISSING"));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"", "\n", "|", "||||\n|", "\t\t\t", "一、总体情况", "第二十条",
            "勾稽\n行政复议", "- 1 -", "（", "共计1条。其中", "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 1 2"})
    void shouldParseDegenerateInputWithoutExceptionAndWithoutCellsItDoesNotPrint(String text) {
        // Given
        ExtractedDocument document = SampleFiles.text(text);
        // When
        ParsedReport report = new ReportParser().parse(document, null);
        // Then
        assertThat(report.cells()).isEmpty();
        assertThat(report.text()).isEqualTo(text);
        assertThat(report.parseWarnings()).isNotEmpty();
    }

    private static ExtractedDocument extract(String input) throws Exception {
        Path file = SampleFiles.file(input);
        if (input.endsWith(".pdf")) {
            return TIKA.extract(file, file.getFileName().toString(), "application/pdf");
        }
        return SampleFiles.text(SampleFiles.read(file));
    }
}
