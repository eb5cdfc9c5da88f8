package io.annualreport.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The repository's copy of the sample reports ({@code samples/}, read by every test through {@code samples.dir}) is
 * complete, and equals the team's sample collection ({@code shared/samples} beside the checkout) wherever that is
 * present, except for {@code README.md}, which describes the collection in the repository's own words.
 */
class SamplesCopyTest {

    private static final String OWN_README = "README.md";
    private static final Path COPY = Path.of(System.getProperty("samples.dir", "../samples")).toAbsolutePath()
            .normalize();

    @Test
    void shouldHoldEverySampleAndEqualTheSharedSamplesBesideTheCheckout() throws IOException {
        // Given: the copy, and the team's samples where they sit beside the checkout (a clone elsewhere has only the
        // copy)
        Path projectRoot = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
        Path shared = projectRoot.resolveSibling("shared").resolve("samples");

        // When
        Map<String, byte[]> copy = files(COPY);

        // Then: the five seeds, the expected files, the two real PDFs, the excerpts
        assertThat(copy.keySet().stream().filter(f -> f.startsWith("seeds/") && f.endsWith(".txt"))).hasSize(5);
        assertThat(copy.keySet().stream().filter(f -> f.startsWith("expected/") && f.endsWith(".json")))
                .hasSizeGreaterThanOrEqualTo(7);
        assertThat(copy.keySet().stream().filter(f -> f.startsWith("real/") && f.endsWith(".pdf"))).hasSize(2);
        assertThat(copy.keySet().stream().filter(f -> f.startsWith("real-excerpts/"))).hasSizeGreaterThanOrEqualTo(32);
        // and, beside the shared samples, the same files with the same bytes (refresh with scripts/sync-samples.sh)
        if (Files.isDirectory(shared)) {
            Map<String, byte[]> expected = files(shared);
            expected.remove(OWN_README);
            copy.remove(OWN_README);
            assertThat(copy.keySet()).containsExactlyElementsOf(expected.keySet());
            expected.forEach((name, bytes) -> assertThat(copy.get(name)).as(name).isEqualTo(bytes));
        }
    }

    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return files;
    }
}
