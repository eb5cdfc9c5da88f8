package io.annualreport.infra.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * A multipart/form-data upload written the way browsers and curl write it (UTF-8 names and values), for tests that
 * post Chinese file names and fields (the command line client is the separate module annual-report-cli).
 */
public final class MultipartUpload {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final String boundary = "----annual-report-" + UUID.randomUUID();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    /** Adds a text field. */
    public MultipartUpload field(String name, String value) {
        write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + value + "\r\n");
        return this;
    }

    /** Adds a file under the field name {@code file}, sent under the given file name. */
    public MultipartUpload file(Path file, String fileName) {
        try {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + quoted(fileName)
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.write(Files.readAllBytes(file));
            write("\r\n");
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a file under its own name. */
    public MultipartUpload file(Path file) {
        return file(file, file.getFileName().toString());
    }

    /** Posts the form and returns the response. */
    public HttpResponse<String> post(String url, String apiKey) {
        write("--" + boundary + "--\r\n");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A file name safe inside the quoted header parameter: quotes and line breaks would end the header. */
    static String quoted(String fileName) {
        return fileName.replace("\"", "%22").replace("\r", "").replace("\n", "");
    }

    private void write(String s) {
        body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
