package io.annualreport.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.annualreport.model.report.ParsedReport;
import io.annualreport.validate.history.StoreReportHistory;

class StoreReportHistoryTest {

    @Test
    void shouldFetchTheSameAgencysReportOfThePreviousYear() throws IOException {
        // Given: a store answering the public contract
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/reports", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery();
            String body;
            if (path.equals("/api/v1/reports")) {
                assertThat(query).contains("year=2023").contains("agency=某某局").contains("current=true");
                body = "{\"items\":[{\"reportId\":\"aaaaaaaaaaaaaaaa\",\"agency\":\"某某局分局\",\"year\":2023},"
                        + "{\"reportId\":\"dddddddddddddddd\",\"agency\":\"某某局\",\"year\":2023,\"currentVersion\":false},"
                        + "{\"reportId\":\"bbbbbbbbbbbbbbbb\",\"agency\":\"某某局\",\"year\":2023,\"currentVersion\":true}],\"total\":3}";
            } else {
                assertThat(path).endsWith("/bbbbbbbbbbbbbbbb");
                body = "{\"reportId\":\"bbbbbbbbbbbbbbbb\",\"identity\":{\"agency\":\"某某局\",\"year\":2023,"
                        + "\"edition\":\"2021\"},\"sections\":[{\"number\":1,\"heading\":\"一、总体情况\",\"text\":\"去年\"}],"
                        + "\"cells\":{\"t3.carried_forward.total\":{\"value\":3,\"raw\":\"3\",\"semantic\":\"NUMERIC\"},"
                        + "\"t3.carried_over.total\":{\"value\":null,\"raw\":\"\",\"semantic\":\"EMPTY\"}}}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        try {
            // When
            Optional<ParsedReport> previous = new StoreReportHistory(
                    "http://127.0.0.1:" + server.getAddress().getPort()).previousYear("某某局", 2024, "cccccccccccccccc");
            // Then
            assertThat(previous).isPresent();
            assertThat(previous.get().identity().year()).isEqualTo(2023);
            assertThat(previous.get().cells().get("t3.carried_forward.total").value()).isEqualByComparingTo("3");
            assertThat(previous.get().cells().get("t3.carried_over.total").value()).isNull();
            assertThat(previous.get().sections()).hasSize(1);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void shouldSayNothingWhenTheStoreIsUnreachable() {
        assertThat(new StoreReportHistory("http://127.0.0.1:1").previousYear("某某局", 2024, "x")).isEmpty();
    }
}
