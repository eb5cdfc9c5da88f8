package io.annualreport.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.annualreport.extraction.TikaTextExtractor;
import io.annualreport.model.report.Cell;
import io.annualreport.model.report.Identity;
import io.annualreport.model.report.ParsedReport;
import io.annualreport.model.template.Edition;
import io.annualreport.parser.ParseHints;
import io.annualreport.parser.ReportParser;

/**
 * Spreadsheets as agencies save them: generated reports rendered as a sheet (paragraphs as rows, tables as ruled
 * blocks with merged regions, numbers as numbers), written as Excel 97 files named {@code .et} (WPS Spreadsheets)
 * and {@code .xls}, and as {@code .xlsx}, some with each part on a sheet of its own, read through the extractor and
 * the parser beside the DOCX of the same report.
 * Bar: every cell the DOCX reading gets exact is exact in the spreadsheet too, every cell exact on the reports
 * without noise, identity right on every report, never a cell read as certain and wrong. Half the reports carry every
 * kind of noise. {@value #DEFAULT_REPORTS} reports per edition in the default build; {@code -Dcorpus.sheet.size=N}
 * for N (the figures of docs/quality-corpus.md).
 */
class SpreadsheetPropertyTest {

    private static final int DEFAULT_REPORTS = 6;
    private static final long SEED = 31_000_313L;
    private static final int REPORTS = Integer.getInteger("corpus.sheet.size", DEFAULT_REPORTS);
    private static final String[] NAMES = {".et", ".xls", ".xlsx"};

    @Test
    void shouldReadSpreadsheetsAsWellAsTheDocxOfTheSameReport(@TempDir Path folder) throws Exception {
        // Given
        ReportRenderer renderer = new ReportRenderer();
        SpreadsheetRenderer sheets = new SpreadsheetRenderer();
        TikaTextExtractor extractor = new TikaTextExtractor();
        ReportParser parser = new ReportParser();
        List<String> worseThanDocx = new ArrayList<>();
        List<String> notExactWithoutNoise = new ArrayList<>();
        List<String> confidentWrong = new ArrayList<>();
        List<String> identityWrong = new ArrayList<>();
        List<String> wrongType = new ArrayList<>();
        List<Integer> sheetsPerPartWorkbook = new ArrayList<>();
        long cells = 0;
        long exact = 0;
        int read = 0;

        // When
        for (Edition edition : List.of(Edition.E2019, Edition.E2021)) {
            CorpusGenerator generator = new CorpusGenerator(SEED + edition.ordinal());
            for (int i = 0; i < REPORTS; i++) {
                boolean noisy = i % 2 != 0;
                Noise noise = noisy ? Noise.all() : Noise.none();
                GeneratedReport report = generator.generate(edition, noise);
                String extension = NAMES[i % NAMES.length];
                SpreadsheetRenderer.Layout layout = extension.equals(".xlsx")
                        ? SpreadsheetRenderer.Layout.XLSX
                        : SpreadsheetRenderer.Layout.EXCEL_97;
                boolean sheetPerPart = i % 5 >= 3;
                String name = edition.code() + "-" + i + (sheetPerPart ? "-parts" : "") + extension;
                Path sheet = Files.write(folder.resolve(name),
                        sheets.render(report, noise, layout, i % 4 < 2, sheetPerPart));
                Path docx = Files.write(folder.resolve(edition.code() + "-" + i + ".docx"),
                        renderer.render(report, Format.DOCX, noise));
                if (sheetPerPart) {
                    try (org.apache.poi.ss.usermodel.Workbook book = org.apache.poi.ss.usermodel.WorkbookFactory
                            .create(sheet.toFile(), null, true)) {
                        sheetsPerPartWorkbook.add(book.getNumberOfSheets());
                    }
                }
                ParsedReport fromSheet = parser.parse(extractor.extract(sheet, name, null), ParseHints.none());
                ParsedReport fromDocx = parser.parse(
                        extractor.extract(docx, docx.getFileName().toString(), null), ParseHints.none());
                read++;
                String expectedType = layout == SpreadsheetRenderer.Layout.XLSX
                        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                        : "application/vnd.ms-excel";
                if (!expectedType.equals(fromSheet.extraction().mediaType())) {
                    wrongType.add(name + " read as " + fromSheet.extraction().mediaType());
                }
                Identity truth = report.identity();
                Identity got = fromSheet.identity();
                if (got == null || !Objects.equals(truth.agency(), got.agency())
                        || !Objects.equals(truth.year(), got.year()) || truth.edition() != got.edition()) {
                    identityWrong.add(name + ": " + truth.agency() + " " + truth.year() + " read as " + got);
                }
                for (Map.Entry<String, Cell> truthCell : report.cells().entrySet()) {
                    cells++;
                    Cell fromSheetCell = fromSheet.cells() == null ? null : fromSheet.cells().get(truthCell.getKey());
                    Cell fromDocxCell = fromDocx.cells() == null ? null : fromDocx.cells().get(truthCell.getKey());
                    String where = name + " " + truthCell.getKey() + " truth " + truthCell.getValue().raw()
                            + ", read " + (fromSheetCell == null
                                    ? "nothing"
                                    : fromSheetCell.raw()
                                            + (fromSheetCell.isCertain() ? "" : " (doubtful)"));
                    if (ParserScore.exact(truthCell.getValue(), fromSheetCell)) {
                        exact++;
                        continue;
                    }
                    if (fromSheetCell != null && fromSheetCell.isCertain()) {
                        confidentWrong.add(where);
                    }
                    if (ParserScore.exact(truthCell.getValue(), fromDocxCell)) {
                        worseThanDocx.add(where);
                    }
                    if (!noisy) {
                        notExactWithoutNoise.add(where);
                    }
                }
            }
        }

        // Then
        System.out.printf("[spreadsheet] %d reports, %d of %d cells exact%n", read, exact, cells);
        assertThat(read).isEqualTo(2 * REPORTS);
        assertThat(wrongType).as("spreadsheets not read as spreadsheets").isEmpty();
        assertThat(sheetsPerPartWorkbook).as("workbooks with a sheet per part").isNotEmpty().allMatch(n -> n >= 6);
        assertThat(confidentWrong).as("cells read as certain and wrong").isEmpty();
        assertThat(worseThanDocx).as("cells the DOCX reading gets exact and the spreadsheet does not").isEmpty();
        assertThat(notExactWithoutNoise).as("cells not exact in reports without noise").isEmpty();
        assertThat(identityWrong).isEmpty();
    }
}
