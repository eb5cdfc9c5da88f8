package io.annualreport.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Temporary directories for tests, below the module's {@code target/tmp} (the test JVM's java.io.tmpdir). */
public final class TestDirs {

    private TestDirs() {
    }

    /** A new, empty directory whose name starts with the prefix. */
    public static Path fresh(String prefix) {
        try {
            Path root = Path.of(System.getProperty("java.io.tmpdir"));
            Files.createDirectories(root);
            return Files.createTempDirectory(root, prefix + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A directory shared by the tests of one module, e.g. for unpacked database binaries. */
    public static Path shared(String name) {
        try {
            return Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")).resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
