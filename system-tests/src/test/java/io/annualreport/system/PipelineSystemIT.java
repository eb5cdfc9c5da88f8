package io.annualreport.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.annualreport.infra.cli.MultipartUpload;

/**
 * The whole pipeline as separate processes started by {@code ./pipeline up}: every sample report goes from upload to
 * the store, survives a restart, and {@code ./pipeline down} leaves nothing running.
 */
class PipelineSystemIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** HTTP/1.1 only: the JDK client's h2c upgrade attempt on plain HTTP was seen to hang past its request timeout. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration START = Duration.ofMinutes(5);
    private final Path samples = Path.of(System.getProperty("samples.dir", "../samples")).toAbsolutePath()
            .normalize();

    @Test
    void shouldCarryEverySampleFromUploadToTheStoreAndKeepItAcrossARestart() throws Exception {
        // Given
        PipelineProcess pipeline = new PipelineProcess(freshHome("home"));
        List<Path> files = new ArrayList<>(list(samples.resolve("seeds"), ""));
        files.addAll(list(samples.resolve("real"), ""));
        assertThat(files).hasSizeGreaterThanOrEqualTo(9);
        PipelineProcess.Result up = pipeline.run(START, "up");
        assertThat(up.exitCode()).as(up.output()).isZero();
        List<Long> pids = pids(pipeline.home);
        assertThat(pids).hasSize(6);
        try {
            // When
            Map<Path, String> ids = new LinkedHashMap<>();
            for (Path file : files) {
                HttpResponse<String> response = new MultipartUpload().file(file)
                        .post(pipeline.ingestUrl() + "/api/v1/reports", "dev-key");
                assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
                ids.put(file, JSON.readTree(response.body()).path("reports").get(0).path("reportId").asText());
            }
            // Then
            for (var entry : ids.entrySet()) {
                JsonNode report = awaitTerminal(pipeline.storeUrl(), entry.getValue());
                String name = entry.getKey().getFileName().toString();
                assertThat(report.path("status").asText()).as(name).isEqualTo("VALIDATED");
                Optional<JsonNode> expected = expectedFor(name);
                if (name.equals("section3_raw_text.txt")) {
                    // a fragment of part 三 only: its table, no other part
                    assertThat(report.path("sections")).extracting(s -> s.path("number").asInt()).containsExactly(3);
                } else {
                    assertThat(report.path("sections")).as(name + " sections").hasSize(6);
                }
                if (name.endsWith(".docx")) {
                    // the blank official template: six parts, no agency and no year filled in
                    assertThat(report.path("identity").path("year").isNull()
                            || report.path("identity").path("year").isMissingNode()).as(name + " year").isTrue();
                }
                if (expected.isPresent()) {
                    JsonNode identity = expected.get().path("identity");
                    assertThat(report.path("identity").path("year").asInt()).as(name + " year")
                            .isEqualTo(identity.path("year").asInt());
                    assertThat(report.path("identity").path("agency").asText()).as(name + " agency")
                            .isEqualTo(identity.path("agency").asText());
                }
                assertThat(report.path("validation").path("verdict").asText()).as(name)
                        .isIn("PASS", "WARN", "NEEDS_REVIEW", "FAIL", "UNREADABLE");
                if (expected.isPresent()) {
                    // the expected findings are those a reviewer would certainly raise: more warnings are allowed,
                    // other errors are not
                    String verdict = report.path("validation").path("verdict").asText();
                    switch (expected.get().path("verdict").asText()) {
                        case "FAIL" -> assertThat(verdict).as(name + " verdict").isEqualTo("FAIL");
                        case "WARN" -> assertThat(verdict).as(name + " verdict").isEqualTo("WARN");
                        default -> assertThat(verdict).as(name + " verdict").isIn("PASS", "WARN");
                    }
                }
            }
            assertThat(ids).hasSize(files.size());

            // And the CLI shows the verdicts of what it submits
            PipelineProcess.Result submit = pipeline.run(Duration.ofMinutes(3), "submit",
                    samples.resolve("seeds").toString());
            assertThat(submit.output()).contains("VALIDATED").contains("000_0cd22d9d18d83273.txt");
            // verdicts, not a usage error (2) or an unreachable pipeline (3)
            assertThat(submit.exitCode()).as(submit.output()).isIn(0, 1, 4);
            PipelineProcess.Result check = pipeline.run(Duration.ofMinutes(2), "check", "--json",
                    samples.resolve("seeds").resolve("000_0cd22d9d18d83273.txt").toString());
            assertThat(check.exitCode()).as(check.output()).isIn(0, 1, 4);
            String json = check.output().substring(check.output().indexOf('{'));
            assertThat(JSON.readTree(json).path("status").asText()).as(json).isEqualTo("VALIDATED");

            // And a restart keeps the reports
            assertThat(pipeline.run(Duration.ofMinutes(2), "down").exitCode()).isZero();
            assertThat(pipeline.run(START, "up").exitCode()).isZero();
            String first = ids.values().iterator().next();
            assertThat(get(pipeline.storeUrl() + "/api/v1/reports/" + first).path("status").asText())
                    .isEqualTo("VALIDATED");
            pids = pids(pipeline.home);
        } finally {
            PipelineProcess.Result down = pipeline.run(Duration.ofMinutes(2), "down");
            assertThat(down.exitCode()).as(down.output()).isZero();
        }
        // Then nothing is left running
        for (long pid : pids) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("pid " + pid).isFalse();
        }
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            assertThat(all.map(p -> p.info().commandLine().orElse(""))
                    .filter(c -> c.contains(pipeline.home.toString()))).isEmpty();
        }
    }

    @Test
    void shouldNameThePortThatIsAlreadyInUse() throws Exception {
        // Given
        PipelineProcess pipeline = new PipelineProcess(freshHome("busy"));
        try (ServerSocket busy = new ServerSocket(pipeline.ingestPort)) {
            // When
            PipelineProcess.Result up = pipeline.run(Duration.ofMinutes(1), "up");
            // Then
            assertThat(up.exitCode()).isNotZero();
            assertThat(up.output()).contains("port " + pipeline.ingestPort + " (ingest) is already in use");
        }
        assertThat(pids(pipeline.home)).isEmpty();
    }

    private JsonNode awaitTerminal(String storeUrl, String reportId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = get(storeUrl + "/api/v1/reports/" + reportId);
            if (last != null && List.of("VALIDATED", "FAILED").contains(last.path("status").asText())) {
                return last;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("report " + reportId + " did not finish; last state: " + last);
    }

    private static JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    private Optional<JsonNode> expectedFor(String fileName) throws IOException {
        String stem = fileName.replaceFirst("\\.[a-z]+$", "");
        Path expected = samples.resolve("expected").resolve(stem + ".json");
        return Files.exists(expected) ? Optional.of(JSON.readTree(expected.toFile())) : Optional.empty();
    }

    private static List<Long> pids(Path home) throws IOException {
        Path dir = home.resolve("pids");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> {
                try {
                    return Long.parseLong(Files.readString(p).strip());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    private static List<Path> list(Path dir, String ending) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(ending)).sorted().toList();
        }
    }

    private static Path freshHome(String name) throws IOException {
        Path root = Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(root);
        return Files.createTempDirectory(root, "pipeline-" + name + "-");
    }
}
