package io.annualreport.ingest.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryBlobStoreTest {

    @TempDir
    Path dir;

    @Test
    void shouldMoveTheUploadUnderItsReportIdAndLeaveNoPartialFile() throws IOException {
        // Given: an upload received into a directory on the same file system
        DirectoryBlobStore store = new DirectoryBlobStore(dir.resolve("blobs"));
        Path upload = Files.writeString(Files.createDirectories(dir.resolve("blobs/.uploads")).resolve("u1"),
                "报告正文", StandardCharsets.UTF_8);

        // When
        URI blob = store.put("0123456789abcdef", upload);

        // Then
        Path stored = Path.of(blob);
        assertThat(stored).isEqualTo(dir.resolve("blobs/01/0123456789abcdef"));
        assertThat(Files.readString(stored, StandardCharsets.UTF_8)).isEqualTo("报告正文");
        assertThat(upload).doesNotExist();
        try (var files = Files.list(stored.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("0123456789abcdef");
        }
    }

    @Test
    void shouldKeepTheFirstCopyWhenTheSameReportIsStoredAgain() throws IOException {
        // Given: the same bytes uploaded twice (same report id)
        DirectoryBlobStore store = new DirectoryBlobStore(dir.resolve("blobs"));
        Path first = Files.writeString(dir.resolve("first"), "same bytes");
        Path second = Files.writeString(dir.resolve("second"), "same bytes");
        URI stored = store.put("fedcba9876543210", first);

        // When
        URI again = store.put("fedcba9876543210", second);

        // Then
        assertThat(again).isEqualTo(stored);
        assertThat(Files.readString(Path.of(again))).isEqualTo("same bytes");
    }

    @Test
    void shouldRefuseAKeyThatIsNotAReportId() throws IOException {
        // Given
        DirectoryBlobStore store = new DirectoryBlobStore(dir.resolve("blobs"));
        Path upload = Files.writeString(dir.resolve("u"), "x");

        // When / Then: no path escapes the store
        assertThatThrownBy(() -> store.put("../../etc/passwd", upload)).isInstanceOf(IllegalArgumentException.class);
        assertThat(upload).exists();
    }
}
