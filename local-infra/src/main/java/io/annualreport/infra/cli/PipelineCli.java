package io.annualreport.infra.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The client half of {@code ./pipeline}: {@code submit} uploads reports in parallel and prints their verdicts,
 * {@code check} prints one report's findings in Chinese, {@code status} prints where a report is.
 */
public final class PipelineCli {

    private static final Set<String> EXTENSIONS = Set.of("pdf", "docx", "doc", "wps", "html", "htm", "txt", "md",
            "png", "jpg", "jpeg", "tif", "tiff", "rtf", "zip");
    private static final Set<String> TERMINAL = Set.of("VALIDATED", "FAILED");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String ingestUrl;
    private final String storeUrl;
    private final String apiKey;
    private final Duration waitLimit;
    private final int maxAttempts = 5;
    private final PrintStream out;
    private final PrintStream err;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    PipelineCli(String ingestUrl, String storeUrl, String apiKey, Duration waitLimit, PrintStream out,
            PrintStream err) {
        this.ingestUrl = ingestUrl;
        this.storeUrl = storeUrl;
        this.apiKey = apiKey;
        this.waitLimit = waitLimit;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        String ingest = env("PIPELINE_INGEST_URL", "http://127.0.0.1:" + env("INGEST_PORT", "8081"));
        String store = env("PIPELINE_STORE_URL", "http://127.0.0.1:" + env("STORE_PORT", "8084"));
        PipelineCli cli = new PipelineCli(ingest, store, env("PIPELINE_API_KEY", "dev-key"),
                Duration.ofSeconds(Long.parseLong(env("PIPELINE_WAIT_SECONDS", "600"))),
                new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8));
        System.exit(cli.run(args));
    }

    int run(String[] args) {
        if (args.length == 0) {
            err.println("usage: pipeline submit FILE|DIR…  |  pipeline check FILE  |  pipeline status REPORT_ID");
            return 2;
        }
        List<String> rest = List.of(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "submit" -> submit(rest);
                case "check" -> check(rest);
                case "status" -> status(rest);
                default -> {
                    err.println("unknown command: " + args[0]);
                    yield 2;
                }
            };
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /** A submitted report (a file, or one entry of a zip) and what the pipeline answered. */
    private record Submission(Path file, String name, String reportId, String error) {

        static Submission refused(Path file, String error) {
            return new Submission(file, file.getFileName().toString(), null, error);
        }
    }

    private int submit(List<String> paths) throws IOException, InterruptedException {
        List<Path> files = expand(paths);
        if (files.isEmpty()) {
            err.println("no report files found in " + paths);
            return 2;
        }
        List<Submission> submissions = upload(files);
        Map<String, JsonNode> results = await(submissions);
        TextTable table = new TextTable("文件 file", "机关 agency", "年度 year", "状态 status", "结论 verdict", "错误",
                "警告", "报告 id");
        boolean failing = false;
        for (Submission s : submissions) {
            if (s.error() != null) {
                table.add(s.name(), "", "", "REFUSED", s.error(), "", "", "");
                failing = true;
                continue;
            }
            JsonNode r = results.get(s.reportId());
            String status = text(r, "status", "TIMEOUT");
            JsonNode validation = r == null ? null : r.path("validation");
            String verdict = status.equals("FAILED")
                    ? text(r.path("failure"), "reason", "")
                    : text(validation, "verdict", "");
            int errors = count(validation, "ERROR");
            int warnings = count(validation, "WARNING");
            failing |= status.equals("FAILED") || status.equals("TIMEOUT") || verdict.equals("FAIL");
            table.add(s.name(), text(r == null ? null : r.path("identity"), "agency", ""),
                    text(r == null ? null : r.path("identity"), "year", ""), status, verdict,
                    validation == null ? "" : Integer.toString(errors),
                    validation == null ? "" : Integer.toString(warnings), s.reportId());
        }
        out.print(table.render());
        return failing ? 1 : 0;
    }

    private int check(List<String> paths) throws IOException, InterruptedException {
        if (paths.size() != 1) {
            err.println("usage: pipeline check FILE");
            return 2;
        }
        List<Submission> submissions = upload(List.of(Path.of(paths.get(0))));
        Submission s = submissions.get(0);
        if (s.error() != null) {
            err.println(s.file() + ": " + s.error());
            return 2;
        }
        JsonNode r = await(submissions).get(s.reportId());
        if (r == null) {
            err.println("no result within " + waitLimit.toSeconds() + " s; try: pipeline status " + s.reportId());
            return 1;
        }
        out.print(new FindingsReport(r).render());
        String status = text(r, "status", "");
        return status.equals("FAILED") || text(r.path("validation"), "verdict", "").equals("FAIL") ? 1 : 0;
    }

    private int status(List<String> ids) throws IOException, InterruptedException {
        if (ids.size() != 1) {
            err.println("usage: pipeline status REPORT_ID");
            return 2;
        }
        JsonNode r = fetch(ids.get(0));
        if (r == null) {
            err.println("report " + ids.get(0) + " is not known to the store");
            return 1;
        }
        out.print(new FindingsReport(r).render());
        return 0;
    }

    /** Files, directories (walked for report files) and globs such as {@code 'reports/**}{@code /*.pdf'}. */
    List<Path> expand(List<String> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String p : paths) {
            if (isGlob(p)) {
                List<Path> matched = glob(p);
                if (matched.isEmpty()) {
                    err.println("skipped (no match): " + p);
                }
                files.addAll(matched);
                continue;
            }
            Path path = Path.of(p);
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(PipelineCli::isReportFile).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                err.println("skipped (not found): " + p);
            }
        }
        return files;
    }

    private static boolean isGlob(String p) {
        return p.contains("*") || p.contains("?") || p.contains("[") || p.contains("{");
    }

    /** Files matching a glob, walked from the longest directory prefix without wildcards. */
    private static List<Path> glob(String pattern) throws IOException {
        String normalized = pattern.replace('\\', '/');
        int wildcard = firstWildcard(normalized);
        int slash = normalized.lastIndexOf('/', wildcard);
        Path base = slash < 0 ? Path.of(".") : Path.of(slash == 0 ? "/" : normalized.substring(0, slash));
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        String relative = slash < 0 ? normalized : normalized.substring(slash + 1);
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + relative);
        try (Stream<Path> walk = Files.walk(base)) {
            return walk.filter(Files::isRegularFile).filter(f -> matcher.matches(base.relativize(f)))
                    .map(f -> slash < 0 ? base.relativize(f) : f).sorted().toList();
        }
    }

    private static int firstWildcard(String p) {
        int first = p.length();
        for (char c : new char[]{'*', '?', '[', '{'}) {
            int i = p.indexOf(c);
            if (i >= 0) {
                first = Math.min(first, i);
            }
        }
        return first;
    }

    private static boolean isReportFile(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1));
    }

    private List<Submission> upload(List<Path> files) throws InterruptedException {
        ProgressBar bar = new ProgressBar(err, "上传 upload ", files.size());
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(4, files.size()));
        try {
            List<Future<List<Submission>>> futures = new ArrayList<>();
            for (Path f : files) {
                futures.add(pool.submit(() -> {
                    List<Submission> s = uploadOne(f);
                    bar.show(done.incrementAndGet());
                    return s;
                }));
            }
            List<Submission> result = new ArrayList<>();
            for (Future<List<Submission>> f : futures) {
                try {
                    result.addAll(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Uploads one file (a zip gives one submission per entry), retrying as told by 429 and 503 answers. */
    private List<Submission> uploadOne(Path file) {
        for (int attempt = 1;; attempt++) {
            HttpResponse<String> response;
            try {
                response = new MultipartUpload().file(file).post(ingestUrl + "/api/v1/reports", apiKey);
            } catch (RuntimeException e) {
                return List.of(Submission.refused(file, "cannot reach ingest at " + ingestUrl + " ("
                        + e.getMessage() + ")"));
            }
            JsonNode body = json(response.body());
            if (response.statusCode() == 202) {
                List<Submission> accepted = new ArrayList<>();
                for (JsonNode r : body.path("reports")) {
                    accepted.add(new Submission(file, text(r, "fileName", file.getFileName().toString()),
                            r.path("reportId").asText(), null));
                }
                return accepted.isEmpty()
                        ? List.of(Submission.refused(file, "202 without a report id"))
                        : accepted;
            }
            boolean retry = response.statusCode() == 429 || response.statusCode() == 503;
            if (retry && attempt < maxAttempts) {
                try {
                    Thread.sleep(1000L * retryAfterSeconds(response));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return List.of(Submission.refused(file, "interrupted"));
                }
                continue;
            }
            String code = body.path("error").path("code").asText("");
            String message = body.path("error").path("message").asText("");
            return List.of(Submission.refused(file, response.statusCode() + (code.isEmpty() ? "" : " " + code)
                    + (message.isEmpty() ? "" : ": " + message)));
        }
    }

    private static long retryAfterSeconds(HttpResponse<String> response) {
        try {
            return Math.min(60, Math.max(0, Long.parseLong(response.headers().firstValue("Retry-After")
                    .orElse("2").strip())));
        } catch (NumberFormatException e) {
            return 2;
        }
    }

    /** The body as JSON, or an empty object when it is not JSON (a proxy's HTML error page). */
    private static JsonNode json(String body) {
        try {
            JsonNode node = JSON.readTree(body == null ? "" : body);
            return node == null ? JSON.createObjectNode() : node;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private Map<String, JsonNode> await(List<Submission> submissions) throws InterruptedException {
        List<String> ids = submissions.stream().filter(s -> s.reportId() != null).map(Submission::reportId).distinct()
                .toList();
        Map<String, JsonNode> results = new LinkedHashMap<>();
        ProgressBar bar = new ProgressBar(err, "处理 process", ids.size());
        long deadline = System.nanoTime() + waitLimit.toNanos();
        while (results.size() < ids.size() && System.nanoTime() < deadline) {
            for (String id : ids) {
                if (results.containsKey(id)) {
                    continue;
                }
                try {
                    JsonNode r = fetch(id);
                    if (r != null && TERMINAL.contains(r.path("status").asText())) {
                        results.put(id, r);
                        bar.show(results.size());
                    }
                } catch (IOException e) {
                    // the store may still be starting; try again
                }
            }
            if (results.size() < ids.size()) {
                Thread.sleep(500);
            }
        }
        if (results.size() < ids.size()) {
            err.println();
            err.println("some reports had no verdict within " + waitLimit.toSeconds() + " s");
        }
        return results;
    }

    private JsonNode fetch(String reportId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(storeUrl + "/api/v1/reports/" + reportId))
                .timeout(Duration.ofSeconds(10)).header("Accept", "application/json").GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    private static int count(JsonNode validation, String severity) {
        if (validation == null || validation.isMissingNode()) {
            return 0;
        }
        int n = 0;
        for (JsonNode f : validation.path("findings")) {
            if (severity.equals(f.path("severity").asText())) {
                n++;
            }
        }
        return n;
    }

    static String text(JsonNode node, String field, String fallback) {
        return node == null || !node.hasNonNull(field) ? fallback : node.path(field).asText();
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
