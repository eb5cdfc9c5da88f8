package io.annualreport.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.annualreport.testsupport.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** A request is admitted from its headers alone: a refused key never gets its body stored. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class UploadAdmissionTest {

    private static final String BOUNDARY = "----admission-test";
    private static final int HALF = 256 * 1024;

    @TestHTTPResource("/api/v1/reports")
    URI uploadUrl;

    @ConfigProperty(name = "quarkus.http.body.uploads-directory")
    String uploadsDirectory;

    @Test
    void shouldStoreTheBodyOfAnAdmittedUploadWhileItArrives() throws Exception {
        // Given: an upload with a good key whose body is half sent
        Set<Path> before = uploads();
        try (Socket socket = new Socket(uploadUrl.getHost(), uploadUrl.getPort())) {
            OutputStream out = socket.getOutputStream();
            byte[][] halves = request("dev-key");

            // When
            out.write(halves[0]);
            out.flush();

            // Then: the body is being received into the uploads directory
            assertThat(awaitNewUpload(before, 10_000)).isTrue();
            out.write(halves[1]);
            out.flush();
            assertThat(statusLine(socket.getInputStream())).contains(" 202 ");
        }
    }

    @Test
    void shouldRefuseAnUnknownKeyWithoutStoringTheBody() throws Exception {
        // Given: the same upload with a key nobody was given, half sent
        Set<Path> before = uploads();
        try (Socket socket = new Socket(uploadUrl.getHost(), uploadUrl.getPort())) {
            OutputStream out = socket.getOutputStream();
            byte[][] halves = request("not-a-key");

            // When
            out.write(halves[0]);
            out.flush();

            // Then: nothing reaches the uploads directory, and the client still gets the contract's JSON answer
            assertThat(awaitNewUpload(before, 2_000)).isFalse();
            out.write(halves[1]);
            out.flush();
            String response = new String(socket.getInputStream().readNBytes(4096), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 401 ").contains("\"code\":\"UNAUTHENTICATED\"");
        }
    }

    /** Headers and the first half of the body, then the rest; one unique 512 KB text file. */
    private byte[][] request(String apiKey) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] text = new byte[2 * HALF];
        byte[] line = ("一、总体情况 " + System.nanoTime() + "\n").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < text.length; i++) {
            text[i] = line[i % line.length];
        }
        body.writeBytes(text);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] bytes = body.toByteArray();
        byte[] head = ("POST " + uploadUrl.getPath() + " HTTP/1.1\r\nHost: " + uploadUrl.getAuthority()
                + "\r\nX-Api-Key: " + apiKey + "\r\nConnection: close\r\nContent-Type: multipart/form-data; boundary="
                + BOUNDARY + "\r\nContent-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] first = new byte[head.length + HALF];
        System.arraycopy(head, 0, first, 0, head.length);
        System.arraycopy(bytes, 0, first, head.length, HALF);
        return new byte[][]{first, Arrays.copyOfRange(bytes, HALF, bytes.length)};
    }

    private boolean awaitNewUpload(Set<Path> before, long millis) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            if (!before.containsAll(uploads())) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private Set<Path> uploads() throws IOException {
        Path dir = Path.of(uploadsDirectory);
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.collect(Collectors.toSet());
        }
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString();
    }
}
