package io.annualreport.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sample reports: the repository's collection of real reports with their expected cells and findings
 * ({@code samples/}, refreshed by {@code scripts/sync-samples.sh}), located through {@code samples.dir}.
 */
public final class Samples {

    private Samples() {
    }

    /** The samples root directory; fails with a clear message when it is missing. */
    public static Path root() {
        Path root = Path.of(System.getProperty("samples.dir", "../samples")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("sample reports not found at " + root
                    + "; the samples/ folder of the repository is missing, or set -Dsamples.dir");
        }
        return root;
    }

    /** A file below the samples root, e.g. {@code seeds/000_0cd22d9d18d83273.txt}. */
    public static Path file(String relative) {
        return root().resolve(relative);
    }

    /** The files of a samples sub-folder with one of the given endings, sorted by name. */
    public static List<Path> list(String folder, String... endings) {
        try (Stream<Path> files = Files.list(root().resolve(folder))) {
            return files.filter(p -> endings.length == 0 || Stream.of(endings).anyMatch(e -> p.toString().endsWith(e)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
