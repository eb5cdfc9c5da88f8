package io.annualreport.infra.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

class ReprocessCommandTest {

    @Test
    void shouldStartAJobWithTheFiltersAndTheKeyAndFollowItUntilDone() throws Exception {
        // Given: a store that accepts the job and reports it running twice, then done
        List<String> requests = new CopyOnWriteArrayList<>();
        AtomicInteger polls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/api/v1/reports/reprocess", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + "?"
                    + exchange.getRequestURI().getQuery() + " key="
                    + exchange.getRequestHeaders().getFirst("X-Admin-Key"));
            answer(exchange, 202, "{\"jobId\":\"j1\",\"url\":\"" + base + "/api/v1/jobs/j1\",\"state\":\"RUNNING\","
                    + "\"total\":300}");
        });
        server.createContext("/api/v1/jobs/j1", exchange -> {
            int n = polls.incrementAndGet();
            String state = n < 3 ? "RUNNING" : "DONE";
            answer(exchange, 200, "{\"state\":\"" + state + "\",\"total\":300,\"done\":" + Math.min(300, n * 100)
                    + ",\"failed\":0,\"lastError\":null}");
        });
        server.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            // When
            int code = ReprocessCommand.run(new String[]{"--store", base, "--key", "admin", "year=2024",
                    "agency=淮安市"}, new PrintStream(out, true, StandardCharsets.UTF_8), Duration.ofMillis(10));

            // Then
            assertThat(code).isZero();
        } finally {
            server.stop(0);
        }
        assertThat(requests).containsExactly(
                "POST /api/v1/reports/reprocess?year=2024&agency=淮安市 key=admin");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("job j1: 300 reports")
                .contains("RUNNING 100/300 done, 0 failed").contains("DONE 300/300 done, 0 failed");
    }

    @Test
    void shouldFailWhenTheStoreRefusesTheKey() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/reports/reprocess", exchange -> answer(exchange, 403,
                "{\"error\":{\"code\":\"ADMIN_KEY_REFUSED\"}}"));
        server.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            int code = ReprocessCommand.run(new String[]{"--store",
                    "http://127.0.0.1:" + server.getAddress().getPort(), "--key", "wrong"},
                    new PrintStream(out, true, StandardCharsets.UTF_8), Duration.ofMillis(10));
            assertThat(code).isEqualTo(1);
        } finally {
            server.stop(0);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("refused: 403").contains("ADMIN_KEY_REFUSED");
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
