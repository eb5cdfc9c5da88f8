package io.annualreport.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.annualreport.extraction.ExtractionLimits;
import io.annualreport.extraction.TikaTextExtractor;
import io.annualreport.model.report.Cell;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.report.TableReading;
import io.annualreport.model.report.Unread;

/**
 * The seeds as they reach the pipeline in practice, read through the real extractor: grey JPEG scans at 150 and 200
 * dpi turned by a slight angle, LLM-style markdown (report-extraction's {@code fixtures/renderings}, made by
 * {@code make-renderings.sh}) and Word 97 files ({@code fixtures/NNN.doc}). The year is right and the agency is right
 * or, where OCR could not read the title, reported not found (never a wrong one); every cell read as CERTAIN is the
 * seed's value (never a confident wrong number); and every expected cell not read is listed in the reading report.
 * The coverage per rendering is printed.
 */
class RenderingsParseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Scans are OCR'd page by page; the budget is the build machine's, not production's. */
    private static final TikaTextExtractor TIKA = new TikaTextExtractor(new ExtractionLimits(Duration.ofMinutes(15),
            Duration.ofMinutes(4), ExtractionLimits.DEFAULT.maxPages(), ExtractionLimits.DEFAULT.maxBytes()));
    private static final List<String> COVERAGE = new ArrayList<>();

    static Path fixtures() {
        return Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize()
                .resolve("report-extraction/src/test/resources/fixtures");
    }

    static Stream<Path> renderings() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listed = Files.list(fixtures().resolve("renderings"))) {
            listed.filter(f -> f.toString().endsWith(".pdf") || f.toString().endsWith(".md")).forEach(files::add);
        }
        try (Stream<Path> listed = Files.list(fixtures())) {
            listed.filter(f -> f.getFileName().toString().matches("\\d{3}\\.doc")).forEach(files::add);
        }
        return files.stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void shouldReadTheIdentityNeverAConfidentWrongNumberAndListWhatItCouldNotRead(Path rendering) throws Exception {
        // Given
        String name = rendering.getFileName().toString();
        JsonNode expected = JSON.readTree(SampleFiles.list("expected", ".json").stream()
                .filter(p -> p.getFileName().toString().startsWith(name.substring(0, 3) + "_")).findFirst()
                .orElseThrow().toFile());

        // When
        ParsedReport report = new ReportParser().parse(TIKA.extract(rendering, name, null), ParseHints.none());

        // Then
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
        assertThat(confidentWrong).as("cells read as certain but wrong").isEmpty();
        assertThat(unlisted).as("expected cells neither read nor listed as unread").isEmpty();
        JsonNode identity = expected.get("identity");
        assertThat(report.identity().year()).isEqualTo(identity.get("year").asInt());
        if (report.identity().agency() == null) {
            // never a wrong agency: where OCR garbled the title beyond reading, the reading report says so
            assertThat(report.reading().identityDoubts()).anyMatch(d -> d.startsWith("AGENCY_NOT_FOUND"));
        } else {
            assertThat(report.identity().agency()).isEqualTo(identity.get("agency").asText());
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

    @AfterAll
    static void printCoverage() {
        COVERAGE.forEach(line -> System.out.println("[coverage] " + line));
    }
}
