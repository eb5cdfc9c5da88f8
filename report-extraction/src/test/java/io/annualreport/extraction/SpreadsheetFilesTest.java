package io.annualreport.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.annualreport.model.document.ExtractedDocument;
import io.annualreport.model.document.TableGrid;
import io.annualreport.model.event.FailureReason;

class SpreadsheetFilesTest {

    /**
     * A title, a paragraph merged across the sheet, then a ruled table: a header cell merged over two columns, a
     * label merged over two rows, a blank ruled cell, a SUM formula and a row of label and blank cells.
     */
    private static byte[] workbook(Workbook workbook) throws IOException {
        try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("年报");
            CellStyle ruled = workbook.createCellStyle();
            ruled.setBorderTop(BorderStyle.THIN);
            ruled.setBorderBottom(BorderStyle.THIN);
            ruled.setBorderLeft(BorderStyle.THIN);
            ruled.setBorderRight(BorderStyle.THIN);
            sheet.createRow(0).createCell(0).setCellValue("某县财政局2023年政府信息公开工作年度报告");
            sheet.createRow(1).createCell(0).setCellValue("一、总体情况");
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, 3));
            String[][] rows = {
                    {"信息内容", "", "数量", ""},
                    {"规章", "制发件数", "", ""},
                    {"", "现行有效件数", "3", ""},
                    {"合计", "", null, ""},
                    {"行政处罚", "", "", ""},
            };
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(2 + r);
                for (int c = 0; c < rows[r].length; c++) {
                    Cell cell = row.createCell(c);
                    cell.setCellStyle(ruled);
                    String value = rows[r][c];
                    if (value == null) {
                        cell.setCellFormula("SUM(C4:C5)");
                    } else if (value.matches("[0-9]+")) {
                        cell.setCellValue(Integer.parseInt(value));
                    } else if (!value.isEmpty()) {
                        cell.setCellValue(value);
                    }
                }
            }
            sheet.getRow(3).getCell(2).setCellValue(2);
            sheet.addMergedRegion(new CellRangeAddress(2, 2, 0, 1)); // 信息内容 over two columns
            sheet.addMergedRegion(new CellRangeAddress(2, 2, 2, 3)); // 数量 over two columns
            sheet.addMergedRegion(new CellRangeAddress(3, 4, 0, 0)); // 规章 over two rows
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            sheet.createRow(8).createCell(0).setCellValue("二、主动公开政府信息情况");
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static List<List<String>> rows(ExtractedDocument document) {
        assertThat(document.tables()).hasSize(1);
        TableGrid table = document.tables().get(0);
        return table.rows();
    }

    @Test
    void shouldReadAnEtFileSavedInTheExcel97LayoutWithMergedAndBlankCells(@TempDir Path dir) throws Exception {
        // Given
        Path et = Files.write(dir.resolve("年报.et"), workbook(new HSSFWorkbook()));

        // When
        ExtractedDocument document = FixtureFormatsTest.EXTRACTOR.extract(et, "年报.et", null);

        // Then
        assertThat(document.extraction().mediaType()).isEqualTo("application/vnd.ms-excel");
        assertThat(document.text()).startsWith("某县财政局2023年政府信息公开工作年度报告\n一、总体情况\n");
        assertThat(document.text()).endsWith("二、主动公开政府信息情况\n");
        assertThat(rows(document)).containsExactly(
                List.of("信息内容", "信息内容", "数量", "数量"),
                List.of("规章", "制发件数", "2", ""),
                List.of("规章", "现行有效件数", "3", ""),
                List.of("合计", "", "5", ""),
                List.of("行政处罚", "", "", ""));
    }

    @Test
    void shouldReadAnXlsxTheSameWay(@TempDir Path dir) throws Exception {
        // Given
        Path xlsx = Files.write(dir.resolve("年报.xlsx"), workbook(new XSSFWorkbook()));

        // When
        ExtractedDocument document = FixtureFormatsTest.EXTRACTOR.extract(xlsx, "年报.xlsx", null);

        // Then
        assertThat(document.extraction().mediaType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(rows(document).get(3)).containsExactly("合计", "", "5", "");
        assertThat(rows(document).get(4)).containsExactly("行政处罚", "", "", "");
    }

    @Test
    void shouldFailATruncatedSpreadsheetAsCorrupt(@TempDir Path dir) throws Exception {
        // Given
        byte[] whole = workbook(new HSSFWorkbook());
        Path et = Files.write(dir.resolve("年报.et"), Arrays.copyOf(whole, whole.length / 3));

        // When
        ExtractionException failure = catchThrowableOfType(ExtractionException.class,
                () -> FixtureFormatsTest.EXTRACTOR.extract(et, "年报.et", null));

        // Then
        assertThat(failure).isNotNull();
        assertThat(failure.reason()).isIn(FailureReason.CORRUPT, FailureReason.UNSUPPORTED_TYPE);
    }

    @Test
    void shouldRefuseAnEtFileInAnotherLayoutWithUnsupportedType(@TempDir Path dir) throws Exception {
        // Given
        Path et = Files.write(dir.resolve("年报.et"),
                "WPS Spreadsheets proprietary body 政府信息公开".getBytes(StandardCharsets.UTF_16BE));

        // When
        ExtractionException failure = catchThrowableOfType(ExtractionException.class,
                () -> FixtureFormatsTest.EXTRACTOR.extract(et, "年报.et", null));

        // Then
        assertThat(failure.reason()).isEqualTo(FailureReason.UNSUPPORTED_TYPE);
        assertThat(failure.getMessage()).contains("ET").contains("XLSX");
    }
}
