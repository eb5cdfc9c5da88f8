package io.annualreport.cli;

import static io.annualreport.cli.FakePipeline.idOf;
import static io.annualreport.cli.FakePipeline.validated;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AnnualReportCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private FakePipeline pipeline;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void startPipeline() throws IOException {
        pipeline = new FakePipeline();
    }

    @AfterEach
    void stopPipeline() {
        pipeline.close();
    }

    @Test
    void shouldExitWithZeroWhenEveryReportPassesOrWarns() throws Exception {
        // Given
        Path pass = file("惠济区2023.txt");
        Path warn = file("金水区2023.pdf");
        pipeline.outcome("惠济区2023.txt", validated(idOf("惠济区2023.txt"), "郑州市惠济区人民政府", 2023, "PASS"))
                .outcome("金水区2023.pdf", validated(idOf("金水区2023.pdf"), "郑州市金水区人民政府", 2023, "WARN", "WARNING"));
        // When
        int exit = run("submit", pass.toString(), warn.toString());
        // Then
        assertThat(exit).as(stderr()).isEqualTo(ExitCodes.OK);
        List<String> rows = stdout().lines().toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).split("\\s+")).containsSubsequence("惠济区2023.txt", "郑州市惠济区人民政府", "2023",
                "VALIDATED", "通过", "PASS", "0", "0", idOf("惠济区2023.txt"));
        assertThat(rows.get(2).split("\\s+")).containsSubsequence("金水区2023.pdf", "VALIDATED", "有警告", "WARN", "0",
                "1");
    }

    @Test
    void shouldExitWithOneWhenAReportFails() throws Exception {
        // Given
        Path pass = file("a.txt");
        Path fail = file("b.txt");
        pipeline.outcome("a.txt", validated(idOf("a.txt"), "甲县人民政府", 2023, "PASS"))
                .outcome("b.txt", validated(idOf("b.txt"), "乙县人民政府", 2023, "FAIL", "ERROR", "ERROR", "WARNING"));
        // When
        int exit = run("submit", pass.toString(), fail.toString());
        // Then
        assertThat(exit).isEqualTo(ExitCodes.FAIL);
        assertThat(stdout().lines().filter(l -> l.startsWith("b.txt")).findFirst().orElseThrow().split("\\s+"))
                .containsSubsequence("乙县人民政府", "VALIDATED", "不通过", "FAIL", "2", "1");
    }

    @Test
    void shouldExitWithOneWhenThePipelineFailedTheReport() throws Exception {
        // Given
        Path scan = file("scan.pdf");
        pipeline.outcome("scan.pdf", "{\"reportId\":\"" + idOf("scan.pdf") + "\",\"status\":\"FAILED\",\"failure\":"
                + "{\"stage\":\"parse\",\"reason\":\"NO_TEXT\",\"message\":\"no text layer\"}}");
        // When
        int exit = run("submit", scan.toString());
        // Then
        assertThat(exit).isEqualTo(ExitCodes.FAIL);
        assertThat(stdout()).contains("FAILED").contains("NO_TEXT");
    }

    @Test
    void shouldExitWithFourWhenAReportNeedsReviewAndPrintWhatWasReadAndWhy() throws Exception {
        // Given: the store sends the reading report, cell certainty and the review reasons
        Path report = file("报告.pdf");
        String id = idOf("报告.pdf");
        pipeline.outcome("报告.pdf",
                """
                        {"reportId":"%s","status":"VALIDATED",
                         "identity":{"title":"某县2024年政府信息公开工作年度报告","agency":"某县人民政府","year":2024,"edition":"2021"},
                         "cells":{"t3.new_received.total":{"value":12,"raw":"12","page":3,"certainty":"DOUBTFUL",
                                  "doubt":"OCR_LOW_CONFIDENCE"}},
                         "reading":{"parts":[{"part":5,"status":"PRESENT_UNREAD"}],
                                    "tables":[{"table":"T2","status":"READ","rowsExpected":8,"rowsRead":8},
                                              {"table":"T3","status":"PARTLY_READ","rowsExpected":25,"rowsRead":23,
                                               "cellsDoubtful":1,
                                               "unread":[{"subject":"t3.results.not_disclosed.state_secret","reason":"COLUMN_UNKNOWN",
                                                          "detail":"数字多于列"}]}],
                                    "fileComplete":true},
                         "validation":{"verdict":"NEEDS_REVIEW","rulesetVersion":"2.0",
                           "reviewReasons":["表三有 2 行未能读出，相关规则无法判断"],
                           "notAssessableReasons":{"T3-04":"表三 (三) 行未读出"},
                           "findings":[{"ruleId":"T3-01","severity":"WARNING","message":"本年新收申请数量合计与各类申请人之和不符",
                             "cells":["t3.new_received.total"],"expected":13,"actual":12,"evidence":"本年新收政府信息公开申请 12 件"}]}}
                        """
                        .formatted(id));
        // When
        int exit = run("check", report.toString());
        // Then
        assertThat(exit).as(stderr()).isEqualTo(ExitCodes.NEEDS_REVIEW);
        assertThat(stdout()).contains("某县2024年政府信息公开工作年度报告", "结论: 待人工复核 NEEDS_REVIEW",
                "表二 8/8 行", "表三 23/25 行", "第五部分 有但未能读出", "无法确定所在列（数字多于列）",
                "需人工复核的原因:", "表三有 2 行未能读出，相关规则无法判断", "T3-04: 表三 (三) 行未读出",
                "[警告] T3-01", "应为 13，实为 12", "表三 一、本年新收政府信息公开申请数量 / 总计 [t3.new_received.total] = 12（第 3 页）"
                        + " 存疑: 文字识别置信度低",
                "依据: 本年新收政府信息公开申请 12 件");
    }

    @Test
    void shouldPrintFindingsOfAnOlderStoreWithoutReadingFields() throws Exception {
        // Given
        Path report = file("old.txt");
        pipeline.outcome("old.txt", """
                {"reportId":"%s","status":"VALIDATED","identity":{"agency":"某县人民政府","year":2023},
                 "cells":{"t3.new_received.total":{"value":12,"raw":"12"}},
                 "validation":{"verdict":"FAIL","rulesetVersion":"1.0","notAssessable":["T4-02"],"findings":[
                   {"ruleId":"T3-SUM-01","severity":"ERROR","message":"合计不符","cells":["t3.new_received.total"]}]}}
                """.formatted(idOf("old.txt")));
        // When
        int exit = run("check", report.toString());
        // Then
        assertThat(exit).isEqualTo(ExitCodes.FAIL);
        assertThat(stdout()).contains("结论: 不通过 FAIL", "无法评估的规则:", "- T4-02", "[错误] T3-SUM-01",
                "[t3.new_received.total] = 12").doesNotContain("读取情况", "需人工复核的原因");
    }

    @Test
    void shouldExitWithThreeAndOneLineWhenIngestRefusesTheFile() throws Exception {
        // Given
        Path exe = file("setup.exe");
        pipeline.refuse("setup.exe", new String[]{"415", null,
                "{\"error\":{\"code\":\"UNSUPPORTED_TYPE\",\"message\":\"the file is application/x-msdownload\"}}"});
        // When
        int submit = run("submit", exe.toString());
        String table = stdout();
        int check = run("check", exe.toString());
        // Then
        assertThat(submit).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(table).contains("setup.exe", "REFUSED",
                "415 UNSUPPORTED_TYPE: the file is application/x-msdownload");
        assertThat(check).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(stderr().lines().filter(l -> l.startsWith("annual-report: setup.exe"))).containsExactly(
                "annual-report: setup.exe: ingest answered 415 UNSUPPORTED_TYPE: the file is application/x-msdownload");
        assertThat(stderr()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void shouldExitWithThreeAndNameTheKeyOptionsWhenTheKeyIsRefused() throws Exception {
        // Given
        pipeline.requiredApiKey = "secret";
        Path report = file("a.txt");
        // When
        int exit = run("check", report.toString(), "--api-key", "wrong");
        // Then
        assertThat(exit).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(stderr()).contains("401 UNAUTHENTICATED").contains("--api-key");
    }

    @Test
    void shouldSendTheKeyAndTheBearerToken() throws Exception {
        // Given
        pipeline.requiredApiKey = "secret";
        Path report = file("a.txt");
        pipeline.outcome("a.txt", validated(idOf("a.txt"), "某县人民政府", 2023, "PASS"));
        // When
        int exit = run("check", report.toString(), "--api-key", "secret", "--token", "t0k3n");
        // Then
        assertThat(exit).as(stderr()).isZero();
        assertThat(pipeline.authorizations).isNotEmpty().allMatch("Bearer t0k3n"::equals);
    }

    @Test
    void shouldExitWithThreeAndOneLineWhenThePipelineIsUnreachable() throws Exception {
        // Given: a port nobody listens on
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Path report = file("a.txt");
        String url = "http://127.0.0.1:" + closed;
        // When
        int check = runAt(url, "check", report.toString());
        int submit = runAt(url, "submit", report.toString());
        int status = runAt(url, "status");
        // Then
        assertThat(check).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(submit).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(status).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(stderr().lines().filter(l -> l.contains("cannot reach ingest at " + url)).count()).isEqualTo(2);
        assertThat(stderr()).doesNotContain("Exception", "\tat ");
        assertThat(stdout()).contains("not reachable");
    }

    @Test
    void shouldStillPrintTheReportIdsWhenTheStoreCannotBeReachedAfterTheUpload() throws Exception {
        // Given
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Path report = file("a.txt");
        // When
        PrintWriter o = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter e = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        int exit = AnnualReportCli.run(new String[]{"submit", "--ingest-url", pipeline.url(), "--store-url",
                "http://127.0.0.1:" + closed, report.toString()}, new Terminal(o, e, out, false));
        // Then
        assertThat(exit).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(stdout()).contains("a.txt", "TIMEOUT", idOf("a.txt"));
        assertThat(stderr()).contains("cannot reach store at http://127.0.0.1:" + closed + " (connection refused)");
    }

    @Test
    void shouldExitWithTwoOnUsageErrors() throws Exception {
        assertThat(run("frobnicate")).isEqualTo(ExitCodes.USAGE);
        assertThat(run()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("check")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("check", dir.resolve("missing.pdf").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(run("submit", dir.resolve("missing").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(run("submit", "--timeout", "soon", "x.pdf")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("export", "everything")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("export", "findings", "--verdict", "MAYBE")).isEqualTo(ExitCodes.USAGE);
        assertThat(pipeline.uploads.get()).isZero();
        assertThat(pipeline.exportQueries).isEmpty();
    }

    @Test
    void shouldPrintHelpWithTheExitCodesWithoutUploading() throws Exception {
        // When
        int exit = run("submit", "--help");
        // Then
        assertThat(exit).isZero();
        assertThat(stdout()).contains("Usage: annual-report submit", "--ingest-url", "--api-key", "--token", "--json",
                "Exit codes:", "待人工复核");
        assertThat(stdout().lines().filter(l -> l.strip().startsWith("4 ")).findFirst()).hasValueSatisfying(
                l -> assertThat(l).contains("NEEDS_REVIEW"));
        assertThat(pipeline.uploads.get()).isZero();
        assertThat(stderr()).isEmpty();
    }

    @Test
    void shouldPrintJsonThatParsesWithOneEntryPerReport() throws Exception {
        // Given
        Path a = file("a.txt");
        Path b = file("b.txt");
        pipeline.outcome("a.txt", validated(idOf("a.txt"), "甲县人民政府", 2023, "NEEDS_REVIEW", "WARNING"))
                .outcome("b.txt", validated(idOf("b.txt"), "乙县人民政府", 2024, "PASS"));
        // When
        int exit = run("submit", "--json", a.toString(), b.toString());
        // Then
        assertThat(exit).isEqualTo(ExitCodes.NEEDS_REVIEW);
        JsonNode json = JSON.readTree(stdout());
        assertThat(json.path("exitCode").asInt()).isEqualTo(ExitCodes.NEEDS_REVIEW);
        assertThat(json.path("reports")).hasSize(2);
        JsonNode first = json.path("reports").get(0);
        assertThat(first.path("reportId").asText()).isEqualTo(idOf("a.txt"));
        assertThat(first.path("verdict").asText()).isEqualTo("NEEDS_REVIEW");
        assertThat(first.path("verdictLabel").asText()).isEqualTo("待人工复核");
        assertThat(first.path("agency").asText()).isEqualTo("甲县人民政府");
        assertThat(first.path("warnings").asInt()).isEqualTo(1);
        assertThat(first.path("exitCode").asInt()).isEqualTo(ExitCodes.NEEDS_REVIEW);
        assertThat(json.path("reports").get(1).path("year").asInt()).isEqualTo(2024);
    }

    @Test
    void shouldPrintTheStoredDetailAsJsonForCheck() throws Exception {
        // Given
        Path a = file("a.txt");
        pipeline.outcome("a.txt", validated(idOf("a.txt"), "甲县人民政府", 2023, "PASS"));
        // When
        int exit = run("check", "--json", a.toString());
        // Then
        assertThat(exit).isZero();
        JsonNode json = JSON.readTree(stdout());
        assertThat(json.path("reportId").asText()).isEqualTo(idOf("a.txt"));
        assertThat(json.path("validation").path("verdict").asText()).isEqualTo("PASS");
    }

    @Test
    void shouldLearnOfResultsFromTheEventStreamNotByPolling() throws Exception {
        // Given: polling would wait ten minutes between asks
        Path a = file("a.txt");
        Path b = file("b.txt");
        pipeline.outcome("a.txt", validated(idOf("a.txt"), "甲县人民政府", 2023, "PASS"))
                .outcome("b.txt", validated(idOf("b.txt"), "乙县人民政府", 2023, "PASS"));
        // When
        int exit = run("submit", "--poll-interval", "600000", "--timeout", "60", a.toString(), b.toString());
        // Then: one ask after the upload (RECEIVED) and one after each event
        assertThat(exit).as(stderr()).isZero();
        assertThat(pipeline.streamConnections.get()).isEqualTo(1);
        assertThat(pipeline.getsOf(idOf("a.txt"))).isEqualTo(2);
        assertThat(pipeline.getsOf(idOf("b.txt"))).isEqualTo(2);
    }

    @Test
    void shouldPollWhenTheStoreHasNoEventStream() throws Exception {
        // Given
        pipeline.eventStream = false;
        Path a = file("a.txt");
        pipeline.outcome("a.txt", validated(idOf("a.txt"), "甲县人民政府", 2023, "FAIL", "ERROR"));
        // When
        int exit = run("submit", "--poll-interval", "20", a.toString());
        // Then
        assertThat(exit).isEqualTo(ExitCodes.FAIL);
        assertThat(pipeline.getsOf(idOf("a.txt"))).isGreaterThanOrEqualTo(2);
        assertThat(stdout()).contains("不通过 FAIL");
    }

    @Test
    void shouldTakeAReportAlreadyStoredWithoutWaitingForAnEvent() throws Exception {
        // Given: the same bytes were submitted and validated before
        Path a = file("a.txt");
        pipeline.stored(idOf("a.txt"), validated(idOf("a.txt"), "甲县人民政府", 2023, "WARN", "WARNING"));
        // When
        int exit = run("submit", "--poll-interval", "600000", "--timeout", "60", a.toString());
        // Then
        assertThat(exit).isZero();
        assertThat(stdout()).contains("有警告 WARN");
    }

    @Test
    void shouldShowProgressAsLinesWhenNotATerminal() throws Exception {
        // Given
        List<String> args = new ArrayList<>(List.of("submit"));
        for (int i = 0; i < 3; i++) {
            String name = "r" + i + ".txt";
            args.add(file(name).toString());
            pipeline.outcome(name, validated(idOf(name), "某县人民政府", 2023, "PASS"));
        }
        // When
        int exit = run(args.toArray(String[]::new));
        // Then
        assertThat(exit).isZero();
        assertThat(stderr().lines().filter(l -> l.startsWith("处理 process"))).last().asString()
                .contains("[" + "#".repeat(30) + "] 3/3");
        assertThat(stderr().lines().filter(l -> l.startsWith("上传 upload"))).last().asString().endsWith("3/3");
        assertThat(stderr()).doesNotContain("\r");
    }

    @Test
    void shouldListEachEntryOfAZipAsItsOwnRow() throws Exception {
        // Given
        Path zip = file("bulk.zip");
        pipeline.outcome("one.pdf", validated(idOf("one.pdf"), "甲县人民政府", 2023, "PASS"))
                .outcome("two.pdf", validated(idOf("two.pdf"), "乙县人民政府", 2023, "PASS"));
        // When
        int exit = run("submit", zip.toString());
        // Then
        assertThat(exit).isZero();
        assertThat(stdout()).contains("one.pdf", "甲县人民政府", "two.pdf", "乙县人民政府");
    }

    @Test
    void shouldRetryAfter429And503AsToldByRetryAfter() throws Exception {
        // Given
        Path busy = file("busy.txt");
        pipeline.refuse("busy.txt", new String[]{"429", "0", "{\"error\":{\"code\":\"TOO_MANY_UPLOADS\"}}"},
                new String[]{"503", "0", "<html>bad gateway</html>"});
        pipeline.outcome("busy.txt", validated(idOf("busy.txt"), "某县人民政府", 2022, "PASS"));
        // When
        int exit = run("submit", busy.toString());
        // Then
        assertThat(exit).as(stderr()).isZero();
        assertThat(pipeline.uploads.get()).isEqualTo(3);
    }

    @Test
    void shouldUploadDirectoriesAndGlobsButOnlyReportFiles() throws Exception {
        // Given
        Path reports = Files.createDirectories(dir.resolve("reports/2023"));
        Files.writeString(reports.resolve("a.pdf"), "a");
        Files.writeString(reports.resolve("notes.exe"), "c");
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("c.txt"), "c");
        Files.writeString(other.resolve("d.md"), "d");
        for (String name : List.of("a.pdf", "c.txt")) {
            pipeline.outcome(name, validated(idOf(name), "某县人民政府", 2023, "PASS"));
        }
        // When
        int exit = run("submit", dir.resolve("reports").toString(), dir + "/other/*.txt");
        // Then
        assertThat(exit).isZero();
        assertThat(stdout()).contains("a.pdf", "c.txt").doesNotContain("notes.exe", "d.md");
        assertThat(pipeline.uploads.get()).isEqualTo(2);
    }

    @Test
    void shouldPrintAKnownReportAndRefuseAnUnknownId() throws Exception {
        // Given
        pipeline.stored("00000000000000aa", validated("00000000000000aa", "某县人民政府", 2023, "FAIL", "ERROR"));
        // When
        int known = run("status", "00000000000000aa");
        int unknown = run("status", "00000000000000bb");
        int pipelineStatus = run("status", "--json");
        // Then
        assertThat(known).isEqualTo(ExitCodes.FAIL);
        assertThat(stdout()).contains("某县人民政府", "结论: 不通过 FAIL");
        assertThat(unknown).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(stderr()).contains("00000000000000bb is not known");
        assertThat(pipelineStatus).isZero();
        String json = stdout().substring(stdout().lastIndexOf("{\n  \"ingest\""));
        assertThat(JSON.readTree(json).path("store").path("ready").asBoolean()).isTrue();
    }

    @Test
    void shouldExportWithTheFiltersToStandardOutputOrAFile() throws Exception {
        // When
        int toStdout = run("export", "findings", "--verdict", "FAIL", "--year", "2024", "--agency", "淮安");
        Path target = dir.resolve("findings.csv");
        int toFile = run("export", "findings", "-o", target.toString());
        int refused = run("export", "cells", "--format", "xlsx", "-o", dir.resolve("cells.xlsx").toString());
        int everyVersion = run("export", "findings", "--all-versions", "--year", "2024", "-o",
                dir.resolve("every-version.csv").toString());
        // Then
        assertThat(toStdout).isZero();
        assertThat(stdout()).contains("reportId,ruleId", "\"T3-03\"");
        assertThat(pipeline.exportQueries.get(0)).isEqualTo("agency=%E6%B7%AE%E5%AE%89&year=2024&verdict=FAIL");
        assertThat(toFile).isZero();
        assertThat(Files.readString(target)).contains("\"T3-03\"");
        assertThat(refused).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(stderr()).contains("400 INVALID_EXPORT");
        // every version (含历史版本) is asked for explicitly; without the switch the server's default is the current one
        assertThat(everyVersion).isZero();
        assertThat(pipeline.exportQueries).last().isEqualTo("year=2024&current=false");
    }

    @Test
    void shouldFollowTheEventsAndStopAfterCount() throws Exception {
        // Given
        CompletableFuture<Integer> watch = CompletableFuture.supplyAsync(() -> run("watch", "--count", "1"));
        while (pipeline.streamConnections.get() == 0) {
            Thread.sleep(20);
        }
        // When: the subscription is registered right after "connected"; publish until the watcher has seen one
        while (!watch.isDone()) {
            pipeline.publish("{\"type\":\"validated\",\"reportId\":\"0123456789abcdef\",\"verdict\":\"NEEDS_REVIEW\","
                    + "\"agency\":\"某县人民政府\",\"year\":2024,\"errors\":0,\"warnings\":2,"
                    + "\"occurredAt\":\"2025-01-01T00:00:00Z\"}");
            Thread.sleep(50);
        }
        // Then
        assertThat(watch.get()).isZero();
        assertThat(stdout().lines().toList()).hasSize(1).first().asString().contains("validated",
                "0123456789abcdef", "待人工复核 NEEDS_REVIEW", "某县人民政府 2024", "错误 0 警告 2");
    }

    @Test
    void shouldWaitForGivenReportIds() throws Exception {
        // Given
        pipeline.stored("00000000000000aa", validated("00000000000000aa", "某县人民政府", 2023, "NEEDS_REVIEW"));
        // When
        int exit = run("watch", "--json", "00000000000000aa");
        // Then
        assertThat(exit).isEqualTo(ExitCodes.NEEDS_REVIEW);
        assertThat(JSON.readTree(stdout()).path("reports").get(0).path("verdict").asText()).isEqualTo("NEEDS_REVIEW");
    }

    private Path file(String name) throws IOException {
        return Files.writeString(dir.resolve(name), "content of " + name);
    }

    private int run(String... args) {
        return runAt(pipeline.url(), args);
    }

    private synchronized int runAt(String url, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.isEmpty() && !all.contains("--help")) {
            all.addAll(1, List.of("--ingest-url", url, "--store-url", url));
        }
        PrintWriter o = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter e = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        return AnnualReportCli.run(all.toArray(String[]::new), new Terminal(o, e, out, false));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
