package io.annualreport.store.rest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.annualreport.store.persistence.ExportQueries;
import io.annualreport.store.persistence.ReportFilter;

/** CSV and XLSX exports of the cells and findings of the reports that match a filter. */
@Path("/api/v1/exports")
public class ExportResource {

    static final String CSV = "text/csv; charset=UTF-8";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The last row an XLSX sheet can hold. */
    private static final int XLSX_MAX_ROWS = 1_048_575;

    /** The Chinese header of each exported column key. */
    static final Map<String, String> HEADER_LABELS = Map.ofEntries(Map.entry("report_id", "报告编号"),
            Map.entry("agency", "机关名称"), Map.entry("region", "地区"), Map.entry("year", "年度"),
            Map.entry("edition", "格式版本"), Map.entry("verdict", "审查结果代码"), Map.entry("cell_key", "单元格代码"),
            Map.entry("label", "单元格"), Map.entry("value", "数值"), Map.entry("raw", "原文"),
            Map.entry("semantic", "数值类别"), Map.entry("page", "页码"), Map.entry("certainty", "读取确定性"),
            Map.entry("doubt", "存疑原因"), Map.entry("verdict_label", "审查结果"), Map.entry("rule_id", "规则编号"),
            Map.entry("rule_version", "规则版本"), Map.entry("severity", "严重程度"), Map.entry("message", "问题说明"),
            Map.entry("message_en", "问题说明（英文）"), Map.entry("cells", "涉及单元格"), Map.entry("section", "所在部分"),
            Map.entry("expected", "应为"), Map.entry("actual", "实为"), Map.entry("evidence", "原文依据"),
            Map.entry("corrected_value", "更正后数值"), Map.entry("corrected_raw", "更正后原文"),
            Map.entry("corrected_by", "更正人"), Map.entry("correction_note", "更正说明"));

    private final ExportQueries exports;

    public ExportResource(ExportQueries exports) {
        this.exports = exports;
    }

    @GET
    @Path("/{dataset}.{format}")
    @Operation(summary = "Exports cells or findings (dataset = cells | findings) as csv or xlsx, for the filters")
    public Response export(@PathParam("dataset") String dataset, @PathParam("format") String format,
            @BeanParam FilterParams params,
            @Parameter(description = "labels (default): Chinese column headers; keys: snake_case keys for programs") @QueryParam("headers") @DefaultValue("labels") String headerStyle) {
        ReportFilter filter = params.toFilter();
        if (!headerStyle.equals("labels") && !headerStyle.equals("keys")) {
            throw new InvalidRequestException("INVALID_EXPORT", "headers must be labels or keys");
        }
        List<String> headers;
        Exporter exporter;
        switch (dataset) {
            case "cells" -> {
                headers = ExportQueries.CELL_HEADERS;
                exporter = sink -> exports.cells(filter, sink);
            }
            case "findings" -> {
                headers = ExportQueries.FINDING_HEADERS;
                exporter = sink -> exports.findings(filter, sink);
            }
            default -> throw new InvalidRequestException("INVALID_EXPORT", "dataset must be cells or findings");
        }
        List<String> shown = headerStyle.equals("labels")
                ? headers.stream().map(h -> HEADER_LABELS.getOrDefault(h, h)).toList()
                : headers;
        String fileName = "annual-reports-" + dataset + "." + format;
        StreamingOutput body = switch (format) {
            case "csv" -> out -> writeCsv(out, shown, exporter);
            case "xlsx" -> out -> writeXlsx(out, dataset, shown, exporter);
            default -> throw new InvalidRequestException("INVALID_EXPORT", "format must be csv or xlsx");
        };
        return Response.ok(body).type("csv".equals(format) ? CSV : XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    private static void writeCsv(java.io.OutputStream out, List<String> headers, Exporter exporter) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        writer.write('\uFEFF'); // lets spreadsheet programs recognize UTF-8 (Chinese text)
        writer.write(String.join(",", headers));
        writer.write("\r\n");
        exporter.export(values -> writeCsvRow(writer, values));
        writer.flush();
    }

    private static void writeCsvRow(Writer writer, Object[] values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                writer.write(',');
            }
            Object value = values[i];
            if (value == null) {
                continue;
            }
            if (value instanceof Number number) {
                writer.write(number instanceof BigDecimal d ? d.toPlainString() : number.toString());
                continue;
            }
            writer.write('"');
            writer.write(neutralizeFormula(value.toString()).replace("\"", "\"\""));
            writer.write('"');
        }
        writer.write("\r\n");
    }

    /** Report text is untrusted: text that a spreadsheet would run as a formula gets a leading apostrophe. */
    static String neutralizeFormula(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    private static void writeXlsx(java.io.OutputStream out, String sheetName, List<String> headers, Exporter exporter)
            throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(500);
        try {
            Sheet sheet = workbook.createSheet(sheetName);
            Row header = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                header.createCell(i).setCellValue(headers.get(i));
            }
            int[] next = {1};
            exporter.export(values -> {
                if (next[0] > XLSX_MAX_ROWS) {
                    return;
                }
                Row row = sheet.createRow(next[0]++);
                for (int i = 0; i < values.length; i++) {
                    Object value = values[i];
                    if (value instanceof Number number) {
                        row.createCell(i).setCellValue(number.doubleValue());
                    } else if (value != null) {
                        // strings are always written as text cells, never as formulas
                        row.createCell(i).setCellValue(value.toString());
                    }
                }
            });
            workbook.write(out);
        } finally {
            workbook.close();
        }
    }

    @FunctionalInterface
    private interface Exporter {
        void export(ExportQueries.RowSink sink) throws IOException;
    }
}
