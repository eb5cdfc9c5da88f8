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
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.annualreport.extraction.TikaTextExtractor;
import io.annualreport.model.report.Cell;
import io.annualreport.model.report.ParsedReport;

/**
 * The seeds as other tools emit them, read through the extractor: Word 97 files saved by LibreOffice
 * ({@code fixtures/NNN.doc}, merged cells, labels wrapped inside cells) and markdown as OCR and language-model tools
 * write it ({@code fixtures/renderings/NNN-llm.md}: junk header tables, placeholder rows of "-", generic column names
 * 数据1…数据N, header rows dropped, T4 as three small tables). Each gives the seed's identity and every expected cell
 * exactly, and no cell the seed does not have. The one exception is printed nowhere: the tool that made
 * {@code 002-llm.md} kept the caption 第二十条第(八)项 but dropped its table, so the 行政事业性收费 row is not in the
 * file; it must be listed as unread, not guessed.
 */
class ToolOutputsParseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TikaTextExtractor TIKA = new TikaTextExtractor();
    /** Rows a rendering does not contain at all (the tool dropped them), by file. */
    private static final Map<String, String> ROWS_NOT_IN_FILE = Map.of("002-llm.md", "t2.fees");

    static Stream<Path> outputs() throws IOException {
        Path dir = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize()
                .resolve("report-extraction/src/test/resources/fixtures");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listed = Files.list(dir)) {
            listed.filter(f -> f.getFileName().toString().matches("\\d{3}\\.doc")).forEach(files::add);
        }
        try (Stream<Path> listed = Files.list(dir.resolve("renderings"))) {
            listed.filter(f -> f.getFileName().toString().matches("\\d{3}-llm\\.md")).forEach(files::add);
        }
        return files.stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outputs")
    void shouldReadTheSeedsIdentityAndEveryCellExactly(Path file) throws Exception {
        // Given
        String name = file.getFileName().toString();
        JsonNode expected = JSON.readTree(SampleFiles.list("expected", ".json").stream()
                .filter(p -> p.getFileName().toString().startsWith(name.substring(0, 3) + "_")).findFirst()
                .orElseThrow().toFile());

        // When
        ParsedReport report = new ReportParser().parse(TIKA.extract(file, name, null), ParseHints.none());

        // Then
        JsonNode identity = expected.get("identity");
        assertThat(report.identity().year()).isEqualTo(identity.get("year").asInt());
        assertThat(report.identity().agency()).isEqualTo(identity.get("agency").asText());
        List<String> mismatches = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> cells = expected.get("cells").fields();
        String notInFile = ROWS_NOT_IN_FILE.get(name);
        int leftOut = 0;
        while (cells.hasNext()) {
            Map.Entry<String, JsonNode> cell = cells.next();
            if (notInFile != null && cell.getKey().startsWith(notInFile + ".")) {
                assertThat(report.cells()).doesNotContainKey(cell.getKey());
                assertThat(report.reading().tables()).flatMap(t -> t.unread()).anyMatch(
                        u -> u.subject().equals(notInFile));
                leftOut++;
                continue;
            }
            Cell read = report.cells().get(cell.getKey());
            BigDecimal want = cell.getValue().decimalValue();
            if (read == null || read.value() == null || read.value().compareTo(want) != 0 || !read.isCertain()) {
                mismatches.add(cell.getKey() + " expected " + want + " but read " + read);
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(report.cells()).hasSize(expected.get("cells").size() - leftOut);
    }
}
