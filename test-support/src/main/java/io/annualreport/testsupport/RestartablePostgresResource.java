package io.annualreport.testsupport;

import java.nio.file.Path;
import java.util.Map;

import io.annualreport.infra.Ports;
import io.annualreport.infra.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a real PostgreSQL for a {@code @QuarkusTest} that the test can {@link #stopServer() stop} and
 * {@link #startServer() start} again on the same port and data directory, to play a database outage.
 */
public class RestartablePostgresResource implements QuarkusTestResourceLifecycleManager {

    private static Path work;
    private static Path data;
    private static int port;
    private static PostgresServer server;

    @Override
    public Map<String, String> start() {
        Path root = TestDirs.fresh("pg-restartable");
        work = TestDirs.shared("embedded-pg");
        data = root.resolve("data");
        port = Ports.free();
        startServer();
        return Map.of("quarkus.datasource.jdbc.url", server.jdbcUrl(),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD);
    }

    /** Stops the server (a clean shutdown that ends every connection); its data stays. */
    public static synchronized void stopServer() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** Starts the server again on the same port with the same data. */
    public static synchronized void startServer() {
        if (server == null) {
            server = PostgresServer.start(work, data, port);
        }
    }

    @Override
    public void stop() {
        stopServer();
    }
}
