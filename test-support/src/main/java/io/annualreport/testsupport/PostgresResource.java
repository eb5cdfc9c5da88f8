package io.annualreport.testsupport;

import java.util.Map;

import io.annualreport.infra.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a real, throwaway PostgreSQL for a {@code @QuarkusTest} from the embedded binaries; with
 * {@code -Dpg.url=jdbc:...} (and {@code pg.user}, {@code pg.password}) it uses that database instead.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private PostgresServer server;

    @Override
    public Map<String, String> start() {
        String external = System.getProperty("pg.url");
        if (external != null && !external.isBlank()) {
            return Map.of("quarkus.datasource.jdbc.url", external,
                    "quarkus.datasource.username", System.getProperty("pg.user", "postgres"),
                    "quarkus.datasource.password", System.getProperty("pg.password", "postgres"));
        }
        server = PostgresServer.startThrowaway(TestDirs.shared("embedded-pg"));
        return Map.of("quarkus.datasource.jdbc.url", server.jdbcUrl(),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
