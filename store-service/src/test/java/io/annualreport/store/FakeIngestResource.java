package io.annualreport.store;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.annualreport.model.event.ReportIds;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in for ingest-service behind store's upload forwarder: checks the API key store presents, answers a
 * multipart upload as ingest does (the report id derived from the file's SHA-256) and refuses every URL with ingest's
 * SSRF refusal.
 */
public class FakeIngestResource implements QuarkusTestResourceLifecycleManager {

    /** The key store is configured to present. */
    public static final String KEY = "test-ingest-key";

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/v1/reports", this::upload);
        server.createContext("/api/v1/reports/urls", ex -> answer(ex, 403,
                "{\"error\":{\"code\":\"URL_ADDRESS_NOT_PUBLIC\",\"message\":\"intranet.test resolves to 10.0.0.1, a private address\"}}"));
        server.start();
        return Map.of("upload.ingest-url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "upload.ingest-api-key", KEY);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void upload(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        if (!KEY.equals(ex.getRequestHeaders().getFirst("X-Api-Key"))) {
            answer(ex, 401, "{\"error\":{\"code\":\"UNAUTHENTICATED\",\"message\":\"wrong key\"}}");
            return;
        }
        String contentType = ex.getRequestHeaders().getFirst("Content-Type");
        Matcher boundary = Pattern.compile("boundary=\"?([^\";]+)").matcher(contentType == null ? "" : contentType);
        if (!boundary.find()) {
            answer(ex, 400, "{\"error\":{\"code\":\"NO_FILE\",\"message\":\"not multipart\"}}");
            return;
        }
        // ISO-8859-1 maps every byte to one char, so the file's bytes survive the split
        String text = new String(body, StandardCharsets.ISO_8859_1);
        for (String part : text.split("--" + Pattern.quote(boundary.group(1)))) {
            Matcher name = Pattern.compile("name=\"file\"; filename=\"([^\"]*)\"").matcher(part);
            int start = part.indexOf("\r\n\r\n");
            if (name.find() && start >= 0) {
                byte[] file = part.substring(start + 4, part.length() - 2).getBytes(StandardCharsets.ISO_8859_1);
                String sha = ReportIds.sha256(file);
                String reportId = ReportIds.fromSha256(sha);
                answer(ex, 202, "{\"reports\":[{\"reportId\":\"" + reportId + "\",\"fileName\":\"" + name.group(1)
                        + "\",\"sha256\":\"" + sha + "\",\"statusUrl\":\"/api/v1/reports/" + reportId + "\"}]}");
                return;
            }
        }
        answer(ex, 400, "{\"error\":{\"code\":\"NO_FILE\",\"message\":\"no file field\"}}");
    }

    private static void answer(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
