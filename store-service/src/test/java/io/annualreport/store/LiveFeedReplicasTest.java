package io.annualreport.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.annualreport.testsupport.KafkaBrokerResource;
import io.annualreport.testsupport.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * With several store replicas, a browser connected to this pod sees the verdicts another pod stored: that pod
 * announces them on PostgreSQL's report_live_events channel (as this test does, from a connection of its own), and
 * this pod's listener puts them on its event stream.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
class LiveFeedReplicasTest {

    @TestHTTPResource("/api/v1/events")
    URL events;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    @Timeout(60)
    void shouldStreamAVerdictAnnouncedByAnotherReplica() throws Exception {
        // Given: a browser on this pod
        HttpRequest request = HttpRequest.newBuilder(URI.create(events.toString()))
                .header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(30, TimeUnit.SECONDS);
        Iterator<String> lines = response.body().iterator();
        assertThat(nextData(lines)).contains("\"type\":\"connected\"");
        String reportId = GoldenFixtures.newReportId();

        // When: another replica stored a verdict and announced it
        try (Connection other = DriverManager.getConnection(jdbcUrl, user, password);
                PreparedStatement notify = other.prepareStatement("select pg_notify('report_live_events', ?)")) {
            notify.setString(1, "{\"type\":\"validated\",\"reportId\":\"" + reportId + "\",\"eventId\":\"e1\","
                    + "\"occurredAt\":\"2026-01-20T08:16:02Z\",\"verdict\":\"WARN\",\"agency\":\"淮安市人民政府\","
                    + "\"year\":2024,\"errors\":0,\"warnings\":2,\"rulesetVersion\":\"1\"}");
            notify.execute();
        }

        // Then
        String data = nextData(lines);
        while (!data.contains(reportId)) {
            data = nextData(lines);
        }
        response.body().close();
        assertThat(data).contains("\"verdict\":\"WARN\"").contains("\"agency\":\"淮安市人民政府\"")
                .contains("\"warnings\":2");
    }

    private static String nextData(Iterator<String> lines) {
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("data:")) {
                return line.substring(5).strip();
            }
        }
        throw new AssertionError("the event stream ended");
    }
}
