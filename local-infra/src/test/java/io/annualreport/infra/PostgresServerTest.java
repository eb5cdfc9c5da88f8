package io.annualreport.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

class PostgresServerTest {

    @Test
    void shouldKeepDataAcrossRestartsOfAPersistentServer() throws Exception {
        // Given
        Path root = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "pg-test");
        Path data = root.resolve("data");
        int port = Ports.free();
        try (PostgresServer pg = PostgresServer.start(root.resolve("work"), data, port);
                Connection c = DriverManager.getConnection(pg.jdbcUrl(), PostgresServer.USER, PostgresServer.PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("create table kept(v text)");
            s.execute("insert into kept values ('年度报告')");
        }
        // When
        try (PostgresServer pg = PostgresServer.start(root.resolve("work"), data, port);
                Connection c = DriverManager.getConnection(pg.jdbcUrl(), PostgresServer.USER, PostgresServer.PASSWORD);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select v from kept")) {
            // Then
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("年度报告");
        }
    }

    @Test
    void shouldKeepFsyncAndSynchronousCommitOnInAPersistentServer() throws Exception {
        // Given
        Path root = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "pg-durable");
        // When
        try (PostgresServer pg = PostgresServer.start(root.resolve("work"), root.resolve("data"), Ports.free());
                Connection c = DriverManager.getConnection(pg.jdbcUrl(), PostgresServer.USER, PostgresServer.PASSWORD);
                Statement s = c.createStatement()) {
            // Then
            for (String setting : new String[]{"fsync", "synchronous_commit", "full_page_writes"}) {
                try (ResultSet rs = s.executeQuery("show " + setting)) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).as(setting).isEqualTo("on");
                }
            }
        }
    }
}
