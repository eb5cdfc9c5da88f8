package io.annualreport.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The pipeline's HTTP API as the command line uses it: uploads to ingest, report details, exports, health and the event
 * stream of store. Every request carries the API key and the bearer token when given.
 */
final class PipelineClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ATTEMPTS = 5;

    /** A report the ingest service accepted: its id and the file (or zip entry) name it was accepted under. */
    record Accepted(String reportId, String fileName) {
    }

    private final String ingestUrl;
    private final String storeUrl;
    private final String apiKey;
    private final String token;
    /** HTTP/1.1 only: the JDK client's h2c upgrade on plain HTTP was seen to hang past its timeout. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    PipelineClient(String ingestUrl, String storeUrl, String apiKey, String token) {
        this.ingestUrl = ingestUrl;
        this.storeUrl = storeUrl;
        this.apiKey = apiKey;
        this.token = token;
    }

    String ingestUrl() {
        return ingestUrl;
    }

    String storeUrl() {
        return storeUrl;
    }

    /**
     * Uploads one file (a zip gives one accepted report per entry), retrying as told by 429 and 503 answers.
     *
     * @throws PipelineException when ingest refuses the file or cannot be reached
     */
    List<Accepted> upload(Path file, String agency, Integer year) throws IOException, InterruptedException {
        String url = ingestUrl + "/api/v1/reports";
        for (int attempt = 1;; attempt++) {
            HttpResponse<String> response = send(multipart(url, file, agency, year), "ingest", ingestUrl);
            if (response.statusCode() == 202) {
                List<Accepted> accepted = new ArrayList<>();
                for (JsonNode r : json(response.body()).path("reports")) {
                    if (r.hasNonNull("reportId")) {
                        accepted.add(new Accepted(r.path("reportId").asText(),
                                r.path("fileName").asText(file.getFileName().toString())));
                    }
                }
                if (accepted.isEmpty()) {
                    throw new PipelineException("ingest answered 202 without a report id", 202);
                }
                return accepted;
            }
            boolean busy = response.statusCode() == 429 || response.statusCode() == 503;
            if (busy && attempt < MAX_ATTEMPTS) {
                Thread.sleep(1000L * retryAfterSeconds(response));
                continue;
            }
            throw refusal(response);
        }
    }

    private HttpRequest multipart(String url, Path file, String agency, Integer year) throws IOException {
        String boundary = "----annual-report-" + UUID.randomUUID();
        StringBuilder fields = new StringBuilder();
        if (agency != null) {
            fields.append(field(boundary, "agency", agency));
        }
        if (year != null) {
            fields.append(field(boundary, "year", year.toString()));
        }
        String name = file.getFileName().toString().replace("\"", "%22").replace("\r", "").replace("\n", "");
        String head = fields + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        if (!Files.isReadable(file)) {
            throw new IOException("cannot read " + file);
        }
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofString(head, StandardCharsets.UTF_8),
                HttpRequest.BodyPublishers.ofFile(file),
                HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n", StandardCharsets.UTF_8));
        return authorized(HttpRequest.newBuilder(URI.create(url))).timeout(Duration.ofMinutes(5))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body).build();
    }

    private static String field(String boundary, String name, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + value + "\r\n";
    }

    /**
     * The stored report, or empty when the store does not know the id.
     *
     * @throws PipelineException when store refuses or cannot be reached
     */
    Optional<JsonNode> report(String reportId) throws InterruptedException {
        HttpRequest request = authorized(HttpRequest.newBuilder(URI.create(storeUrl + "/api/v1/reports/"
                + URLEncoder.encode(reportId, StandardCharsets.UTF_8)))).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> response = send(request, "store", storeUrl);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw refusal(response);
        }
        return Optional.of(json(response.body()));
    }

    /** Whether a service answers its readiness check. */
    boolean ready(String baseUrl) throws InterruptedException {
        try {
            HttpRequest request = authorized(HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready")))
                    .timeout(Duration.ofSeconds(10)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * An export of the store as a stream (the caller closes it).
     *
     * @throws PipelineException when store refuses or cannot be reached
     */
    InputStream export(String dataset, String format, Map<String, String> filters) throws InterruptedException {
        StringBuilder query = new StringBuilder();
        filters.forEach((k, v) -> {
            if (v != null) {
                query.append(query.isEmpty() ? "?" : "&").append(k).append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        HttpRequest request = authorized(HttpRequest.newBuilder(URI.create(storeUrl + "/api/v1/exports/" + dataset
                + "." + format + query))).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                String body;
                try (InputStream in = response.body()) {
                    body = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
                }
                throw refusal(response.statusCode(), body, "store");
            }
            return response.body();
        } catch (IOException e) {
            throw PipelineException.unreachable("store", storeUrl, e);
        }
    }

    /**
     * Opens the store's Server-Sent Events stream ({@code GET /api/v1/events}).
     *
     * @return the response with its lines, or empty when the store has no stream (an older store, a proxy)
     */
    Optional<HttpResponse<Stream<String>>> events() throws InterruptedException {
        HttpRequest request = authorized(HttpRequest.newBuilder(URI.create(storeUrl + "/api/v1/events")))
                .header("Accept", "text/event-stream").GET().build();
        try {
            HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() == 200 && response.headers().firstValue("content-type")
                    .map(t -> t.startsWith("text/event-stream")).orElse(false)) {
                return Optional.of(response);
            }
            response.body().close();
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder builder) {
        if (apiKey != null) {
            builder.header("X-Api-Key", apiKey);
        }
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request, String what, String baseUrl) throws InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw PipelineException.unreachable(what, baseUrl, e);
        }
    }

    private static PipelineException refusal(HttpResponse<String> response) {
        String what = response.request().uri().getPath().startsWith("/api/v1/reports") && response.request()
                .method().equals("POST") ? "ingest" : "store";
        return refusal(response.statusCode(), response.body(), what);
    }

    /** A one-line message from an error answer: {@code 415 UNSUPPORTED_TYPE: the file is …}. */
    static PipelineException refusal(int status, String body, String what) {
        JsonNode error = json(body).path("error");
        String code = error.path("code").asText("");
        String message = error.path("message").asText("");
        String text = what + " answered " + status + (code.isEmpty() ? "" : " " + code)
                + (message.isEmpty() ? "" : ": " + message);
        if (status == 401 || status == 403) {
            text += " (give the key with --api-key or ANNUAL_REPORT_API_KEY, a token with --token)";
        }
        return new PipelineException(text, status);
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
    static JsonNode json(String body) {
        try {
            JsonNode node = JSON.readTree(body == null ? "" : body);
            return node == null || node.isMissingNode() ? JSON.createObjectNode() : node;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
