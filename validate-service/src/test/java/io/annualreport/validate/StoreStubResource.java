package io.annualreport.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import io.annualreport.model.GoldenEvents;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in for store-service's cross-year endpoint serving the golden context; {@code POST /stub/down} and
 * {@code /stub/up} take it away and back, {@code GET /stub/calls} counts the requests it answered or refused.
 */
public class StoreStubResource implements QuarkusTestResourceLifecycleManager {

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        AtomicBoolean up = new AtomicBoolean(true);
        AtomicInteger calls = new AtomicInteger();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/agencies/cross-year", exchange -> {
            calls.incrementAndGet();
            String query = exchange.getRequestURI().getRawQuery();
            boolean asked = query != null && query.contains("year=") && query.contains("agency=");
            byte[] body = (up.get() && asked ? GoldenEvents.json(GoldenEvents.CROSS_YEAR_CONTEXT) : "{}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(up.get() ? asked ? 200 : 400 : 503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/stub", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/down")) {
                up.set(false);
            } else if (path.endsWith("/up")) {
                up.set(true);
            }
            byte[] body = String.valueOf(calls.get()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return Map.of("quarkus.rest-client.store.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
