package io.annualreport.cli;

import static io.annualreport.cli.FakePipeline.idOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code annual-report.jar}, copied alone into an empty directory, runs with nothing but a Java runtime
 * against a pipeline reached by URL.
 */
class CliJarIT {

    private final Path jar = Path.of(System.getProperty("project.root", ".."), "annual-report-cli", "target",
            "annual-report.jar").toAbsolutePath().normalize();

    @TempDir
    Path install;

    @TempDir
    Path work;

    @Test
    void shouldCheckAReportFromACopiedJarAlone() throws Exception {
        // Given
        Path copy = Files.copy(jar, install.resolve("annual-report.jar"));
        assertThat(install.toFile().list()).containsExactly("annual-report.jar");
        Path report = Files.writeString(work.resolve("惠济区2023.txt"), "一、总体情况");
        try (FakePipeline pipeline = new FakePipeline()) {
            pipeline.outcome("惠济区2023.txt", """
                    {"reportId":"%s","status":"VALIDATED",
                     "identity":{"title":"郑州市惠济区2023年政府信息公开工作年度报告","agency":"郑州市惠济区人民政府","year":2023},
                     "validation":{"verdict":"FAIL","rulesetVersion":"1.0","findings":[
                       {"ruleId":"T3-SUM-01","severity":"ERROR","message":"合计与各项之和不符","evidence":"本年新收 12 件"}]}}
                    """.formatted(idOf("惠济区2023.txt")));
            // When
            Result check = java(copy, "check", report.toString(), "--ingest-url", pipeline.url(), "--store-url",
                    pipeline.url(), "--api-key", "dev-key");
            // Then
            assertThat(check.exit()).as(check.output()).isEqualTo(ExitCodes.FAIL);
            assertThat(check.output()).contains("郑州市惠济区2023年政府信息公开工作年度报告", "结论: 不通过 FAIL",
                    "[错误] T3-SUM-01 合计与各项之和不符", "依据: 本年新收 12 件");
            assertThat(pipeline.streamConnections.get()).isEqualTo(1);
        }
    }

    @Test
    void shouldPrintHelpAndRefuseUsageErrorsFromTheJar() throws Exception {
        // Given
        Path copy = Files.copy(jar, install.resolve("annual-report.jar"));
        // When
        Result help = java(copy, "submit", "--help");
        Result usage = java(copy, "submit");
        // Then
        assertThat(help.exit()).isZero();
        assertThat(help.output()).contains("Usage: annual-report submit", "Exit codes:");
        assertThat(usage.exit()).isEqualTo(ExitCodes.USAGE);
    }

    /** What a finished process printed (standard output and error together) and returned. */
    private record Result(int exit, String output) {
    }

    private Result java(Path jarFile, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jarFile.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("ANNUAL_REPORT_") || k.equals("CLASSPATH"));
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
