package io.annualreport.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.annualreport.model.event.EventCodec;
import io.annualreport.model.event.ReportIds;
import io.annualreport.model.event.ReportSubmittedEvent;
import io.annualreport.testsupport.KafkaBrokerResource;
import io.annualreport.testsupport.Samples;
import io.annualreport.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * {@code POST /api/v1/reports/urls} against a local HTTP server; the test profile allows only the domain
 * {@code localhost}, and lets it be a loopback address.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class UrlUploadResourceTest {

    private static HttpServer server;
    private static int port;
    private static byte[] served;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        port = server.getAddress().getPort();
        // the seed with a line of its own, so that its report id is not one another test submits
        byte[] seed = (Files.readString(Samples.file("seeds/001_e6499531ec3c06f0.txt")) + "\n" + UUID.randomUUID())
                .getBytes(StandardCharsets.UTF_8);
        served = seed;
        server.createContext("/reports/2023.txt", ex -> {
            ex.sendResponseHeaders(200, seed.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(seed);
            }
        });
        server.createContext("/bounce", ex -> {
            ex.getResponseHeaders().add("Location", "http://127.0.0.1:" + port + "/reports/2023.txt");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    @Test
    void shouldFetchAnAllowListedUrlAndSubmitItLikeAnUpload() throws Exception {
        // Given
        String reportId = ReportIds.fromSha256(ReportIds.sha256(served));

        // When
        given().header("X-Api-Key", "dev-key").contentType(ContentType.JSON)
                .body(Map.of("urls", new String[]{"http://localhost:" + port + "/reports/2023.txt"}, "year",
                        "2023"))
                .when().post("/api/v1/reports/urls")
                .then().statusCode(202).body("reports[0].reportId", equalTo(reportId))
                .body("reports[0].fileName", equalTo("2023.txt"));

        // Then
        ConsumerRecord<String, String> record = TopicReader.awaitKey(bootstrap, "reports.submitted", reportId,
                Duration.ofSeconds(30));
        ReportSubmittedEvent event = EventCodec.decode(record.value(), ReportSubmittedEvent.class);
        assertThat(event.mediaType()).isEqualTo("text/plain");
        assertThat(event.declaredYear()).isEqualTo(2023);
        assertThat(event.submitter()).isEqualTo("dev");
    }

    @Test
    void shouldRefuseUrlsOutsideTheGuardWithTheirCodes() {
        given().contentType(ContentType.JSON).body(Map.of("urls", new String[]{"http://localhost/"}))
                .when().post("/api/v1/reports/urls")
                .then().statusCode(401).body("error.code", equalTo("UNAUTHENTICATED"));
        given().header("X-Api-Key", "dev-key").contentType(ContentType.JSON)
                .body(Map.of("urls", new String[]{"http://127.0.0.1:" + port + "/reports/2023.txt"}))
                .when().post("/api/v1/reports/urls")
                .then().statusCode(403).body("error.code", equalTo("URL_DOMAIN_NOT_ALLOWED"));
        given().header("X-Api-Key", "dev-key").contentType(ContentType.JSON)
                .body(Map.of("urls", new String[]{"http://localhost:" + port + "/bounce"}))
                .when().post("/api/v1/reports/urls")
                .then().statusCode(403).body("error.code", equalTo("URL_DOMAIN_NOT_ALLOWED"))
                .body("error.message", containsString("127.0.0.1"));
        given().header("X-Api-Key", "dev-key").contentType(ContentType.JSON)
                .body(Map.of("urls", new String[]{"file:///etc/passwd"}))
                .when().post("/api/v1/reports/urls")
                .then().statusCode(400).body("error.code", equalTo("URL_INVALID"));
        given().header("X-Api-Key", "dev-key").contentType(ContentType.JSON).body(Map.of("urls", new String[0]))
                .when().post("/api/v1/reports/urls")
                .then().statusCode(400).body("error.code", equalTo("NO_FILE"));
    }
}
