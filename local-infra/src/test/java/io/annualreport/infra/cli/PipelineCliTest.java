package io.annualreport.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

class PipelineCliTest {

    private static final Pattern FILE_NAME = Pattern.compile("filename=\"([^\"]*)\"");

    @TempDir
    Path dir;

    private HttpServer server;
    /** What the fake store answers per report id (the fake ingest uses the file name as report id). */
    private final Map<String, String> storeAnswers = new ConcurrentHashMap<>();
    /** Answers the fake ingest gives before accepting, per file name: {status, Retry-After, body}. */
    private final Map<String, List<String[]>> ingestRefusals = new ConcurrentHashMap<>();
    private final AtomicInteger uploads = new AtomicInteger();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void startFakes() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/reports", this::handle);
        server.start();
    }

    @AfterEach
    void stopFakes() {
        server.stop(0);
    }

    @Test
    void shouldPrintOneRowPerReportAndExitWithOneWhenAReportFails() throws Exception {
        // Given
        Path pass = Files.writeString(dir.resolve("惠济区2023.txt"), "a");
        Path fail = Files.writeString(dir.resolve("金水区2023.pdf"), "b");
        storeAnswers.put("惠济区2023.txt", validated("郑州市惠济区人民政府", 2023, "PASS", "WARNING"));
        storeAnswers.put("金水区2023.pdf", validated("郑州市金水区人民政府", 2023, "FAIL", "ERROR", "ERROR", "WARNING"));
        // When
        int exit = cli().run(new String[]{"submit", pass.toString(), fail.toString()});
        // Then
        assertThat(exit).isEqualTo(1);
        List<String> rows = stdout().lines().toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).contains("惠济区2023.txt", "郑州市惠济区人民政府", "2023", "VALIDATED", "PASS");
        assertThat(rows.get(2).split("\\s+")).containsSubsequence("金水区2023.pdf", "郑州市金水区人民政府", "2023",
                "VALIDATED", "FAIL", "2", "1");
    }

    @Test
    void shouldExitWithZeroWhenEveryReportPasses() throws Exception {
        // Given
        Path file = Files.writeString(dir.resolve("a.txt"), "a");
        storeAnswers.put("a.txt", validated("某县人民政府", 2022, "PASS"));
        // When
        int exit = cli().run(new String[]{"submit", file.toString()});
        // Then
        assertThat(exit).isZero();
        assertThat(stdout()).contains("PASS");
    }

    @Test
    void shouldExitWithOneWhenTheParseStageFailedTheReport() throws Exception {
        // Given
        Path file = Files.writeString(dir.resolve("scan.pdf"), "a");
        storeAnswers.put("scan.pdf", """
                {"reportId":"scan.pdf","status":"FAILED","failure":{"stage":"parse","reason":"NO_TEXT",
                "message":"no text layer"}}""");
        // When
        int exit = cli().run(new String[]{"submit", file.toString()});
        // Then
        assertThat(exit).isEqualTo(1);
        assertThat(stdout()).contains("FAILED").contains("NO_TEXT");
    }

    @Test
    void shouldShowARefusedUploadWithItsErrorAndExitWithOne() throws Exception {
        // Given
        Path file = Files.writeString(dir.resolve("setup.exe"), "MZ");
        ingestRefusals.put("setup.exe", List.<String[]>of(new String[]{"415", null,
                "{\"error\":{\"code\":\"UNSUPPORTED_TYPE\",\"message\":\"the file is application/x-msdownload\"}}"}));
        // When
        int exit = cli().run(new String[]{"submit", file.toString()});
        // Then
        assertThat(exit).isEqualTo(1);
        assertThat(stdout()).contains("setup.exe", "REFUSED", "415 UNSUPPORTED_TYPE");
    }

    @Test
    void shouldRetryAfter429And503AsToldByRetryAfter() throws Exception {
        // Given
        Path file = Files.writeString(dir.resolve("busy.txt"), "a");
        ingestRefusals.put("busy.txt", new java.util.ArrayList<>(List.of(
                new String[]{"429", "0", "{\"error\":{\"code\":\"TOO_MANY_UPLOADS\",\"message\":\"busy\"}}"},
                new String[]{"503", "0", "<html>bad gateway</html>"})));
        storeAnswers.put("busy.txt", validated("某县人民政府", 2022, "PASS"));
        // When
        int exit = cli().run(new String[]{"submit", file.toString()});
        // Then
        assertThat(exit).isZero();
        assertThat(uploads.get()).isEqualTo(3);
    }

    @Test
    void shouldUploadDirectoriesAndGlobsButOnlyReportFiles() throws Exception {
        // Given
        Path reports = Files.createDirectories(dir.resolve("reports/2023"));
        Files.writeString(reports.resolve("a.pdf"), "a");
        Files.writeString(reports.resolve("b.docx"), "b");
        Files.writeString(reports.resolve("notes.exe"), "c");
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("c.txt"), "c");
        Files.writeString(other.resolve("d.md"), "d");
        for (String name : List.of("a.pdf", "b.docx", "c.txt", "d.md")) {
            storeAnswers.put(name, validated("某县人民政府", 2023, "PASS"));
        }
        // When
        int exit = cli().run(new String[]{"submit", dir.resolve("reports").toString(), dir + "/other/*.txt"});
        // Then
        assertThat(exit).isZero();
        assertThat(stdout()).contains("a.pdf", "b.docx", "c.txt").doesNotContain("notes.exe", "d.md");
        assertThat(uploads.get()).isEqualTo(3);
    }

    @Test
    void shouldExpandRecursiveGlobs() throws Exception {
        // Given
        Files.writeString(Files.createDirectories(dir.resolve("x/y")).resolve("deep.pdf"), "a");
        Files.writeString(Files.createDirectories(dir.resolve("x")).resolve("top.pdf"), "b");
        Files.writeString(dir.resolve("x/top.txt"), "c");
        // When
        List<Path> files = cli().expand(List.of(dir + "/x/**.pdf"));
        // Then
        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactlyInAnyOrder("deep.pdf", "top.pdf");
    }

    @Test
    void shouldListEachEntryOfAZipAsItsOwnRow() throws Exception {
        // Given: the fake ingest answers a zip with two reports
        Path zip = Files.writeString(dir.resolve("bulk.zip"), "PK");
        storeAnswers.put("one.pdf", validated("甲县人民政府", 2023, "PASS"));
        storeAnswers.put("two.pdf", validated("乙县人民政府", 2023, "PASS"));
        // When
        int exit = cli().run(new String[]{"submit", zip.toString()});
        // Then
        assertThat(exit).isZero();
        assertThat(stdout()).contains("one.pdf", "甲县人民政府", "two.pdf", "乙县人民政府");
    }

    @Test
    void shouldPrintFindingsInChineseWithCellsAndEvidence() throws Exception {
        // Given
        Path file = Files.writeString(dir.resolve("报告.txt"), "a");
        storeAnswers.put("报告.txt", """
                {"reportId":"报告.txt","status":"VALIDATED",
                 "identity":{"title":"郑州市惠济区2023年政府信息公开工作年度报告","agency":"郑州市惠济区人民政府",
                             "year":2023,"edition":"2021"},
                 "cells":{"t3.new_received.total":{"value":12,"raw":"12"}},
                 "validation":{"verdict":"FAIL","rulesetVersion":"1.0","findings":[
                   {"ruleId":"T3-SUM-01","severity":"ERROR","message":"本年新收申请数量合计与各类申请人之和不符",
                    "cells":["t3.new_received.total"],"expected":"13","actual":"12",
                    "evidence":"本年新收政府信息公开申请数量 12"}]}}""");
        // When
        int exit = cli().run(new String[]{"check", file.toString()});
        // Then
        assertThat(exit).isEqualTo(1);
        assertThat(stdout()).contains("郑州市惠济区2023年政府信息公开工作年度报告", "结论: FAIL", "[错误] T3-SUM-01",
                "应为 13，实为 12", "单元格 t3.new_received.total = 12", "依据: 本年新收政府信息公开申请数量 12");
    }

    @Test
    void shouldReportAnUnknownIdWithExitOne() {
        // When
        int exit = cli().run(new String[]{"status", "no-such-report"});
        // Then
        assertThat(exit).isEqualTo(1);
        assertThat(stderr()).contains("no-such-report").contains("not known");
    }

    @Test
    void shouldPrintTheStatusOfAKnownReport() {
        // Given
        storeAnswers.put("r1", validated("某县人民政府", 2023, "PASS"));
        // When
        int exit = cli().run(new String[]{"status", "r1"});
        // Then
        assertThat(exit).isZero();
        assertThat(stdout()).contains("某县人民政府").contains("结论: PASS");
    }

    @Test
    void shouldExitWithTwoOnUnknownCommands() {
        assertThat(cli().run(new String[]{"frobnicate"})).isEqualTo(2);
        assertThat(cli().run(new String[]{})).isEqualTo(2);
    }

    private PipelineCli cli() {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return new PipelineCli(base, base, "dev-key", Duration.ofSeconds(10),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static String validated(String agency, int year, String verdict, String... severities) {
        StringBuilder findings = new StringBuilder();
        for (String s : severities) {
            findings.append(findings.isEmpty() ? "" : ",").append("{\"ruleId\":\"R\",\"severity\":\"").append(s)
                    .append("\",\"message\":\"m\"}");
        }
        return "{\"status\":\"VALIDATED\",\"identity\":{\"agency\":\"" + agency + "\",\"year\":" + year
                + "},\"validation\":{\"verdict\":\"" + verdict + "\",\"findings\":[" + findings + "]}}";
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (exchange.getRequestMethod().equals("POST")) {
            uploads.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = FILE_NAME.matcher(body);
            String name = m.find() ? m.group(1) : "";
            List<String[]> refusals = ingestRefusals.get(name);
            if (refusals != null && !refusals.isEmpty()) {
                String[] refusal = refusals.size() == 1 && refusals.get(0)[1] == null
                        ? refusals.get(0)
                        : refusals.remove(0);
                if (refusal[1] != null) {
                    exchange.getResponseHeaders().add("Retry-After", refusal[1]);
                }
                send(exchange, Integer.parseInt(refusal[0]), refusal[2]);
                return;
            }
            String reports = name.endsWith(".zip")
                    ? "{\"reportId\":\"one.pdf\",\"fileName\":\"one.pdf\"},{\"reportId\":\"two.pdf\",\"fileName\":\"two.pdf\"}"
                    : "{\"reportId\":\"" + name + "\",\"fileName\":\"" + name + "\"}";
            send(exchange, 202, "{\"reports\":[" + reports + "]}");
            return;
        }
        String id = java.net.URLDecoder.decode(
                exchange.getRequestURI().getRawPath().substring("/api/v1/reports/".length()), StandardCharsets.UTF_8);
        String answer = storeAnswers.get(id);
        send(exchange, answer == null ? 404 : 200, answer == null ? "{}" : answer);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
