package io.annualreport.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
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

    @Test
    void shouldReadBackAStoredBlobAsAStreamAndAsTheStoredFile() throws IOException {
        // Given
        DirectoryBlobStore store = new DirectoryBlobStore(dir.resolve("blobs"));
        URI blob = store.put("00aa11bb22cc33dd", Files.writeString(dir.resolve("u"), "一、总体情况", StandardCharsets.UTF_8));

        // When
        String streamed;
        try (InputStream in = store.open(blob)) {
            streamed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path fetched;
        try (LocalBlob local = store.fetch(blob)) {
            fetched = local.path();
            assertThat(Files.readString(fetched, StandardCharsets.UTF_8)).isEqualTo("一、总体情况");
        }

        // Then: the stored file is served in place and survives the close
        assertThat(streamed).isEqualTo("一、总体情况");
        assertThat(fetched).isEqualTo(dir.resolve("blobs/00/00aa11bb22cc33dd").toRealPath());
        assertThat(fetched).exists();
    }

    @Test
    void shouldReportABlobOfTheDirectoryThatIsGoneAsMissing() throws IOException {
        // Given
        DirectoryBlobStore store = new DirectoryBlobStore(dir.resolve("blobs"));
        URI gone = dir.resolve("blobs/ab/abababababababab").toUri();

        // When / Then
        assertThatThrownBy(() -> store.open(gone)).isInstanceOf(BlobMissingException.class)
                .hasMessageContaining("abababababababab");
        assertThatThrownBy(() -> store.fetch(gone)).isInstanceOf(BlobMissingException.class);
    }

    @Test
    void shouldBeUnavailableWhileItsDirectoryIsAway() throws IOException {
        // Given: a store whose directory is moved away (an unmounted disk), then back
        DirectoryBlobStore store = new DirectoryBlobStore(dir.resolve("blobs"));
        assertThat(store.available()).isTrue();

        // When
        Files.move(dir.resolve("blobs"), dir.resolve("blobs-away"));
        boolean whileAway = store.available();
        Files.move(dir.resolve("blobs-away"), dir.resolve("blobs"));

        // Then
        assertThat(whileAway).isFalse();
        assertThat(store.available()).isTrue();
    }

    @Test
    void shouldRefuseUrisOutsideTheDirectory() throws IOException {
        // Given: an existing file beside the store, a traversal out of it, a symbolic link out of it, another scheme
        DirectoryBlobStore store = new DirectoryBlobStore(dir.resolve("blobs"));
        Path beside = Files.writeString(dir.resolve("secret.txt"), "not a blob");
        URI traversal = URI.create(dir.resolve("blobs").toUri() + "../secret.txt");
        Path link = Files.createSymbolicLink(
                Files.createDirectories(dir.resolve("blobs/12")).resolve("1234567890abcdef"),
                beside);

        // When / Then
        assertThatThrownBy(() -> store.open(beside.toUri())).isInstanceOf(BlobOutsideStoreException.class)
                .hasMessageContaining("outside the blob directory");
        assertThatThrownBy(() -> store.open(traversal)).isInstanceOf(BlobOutsideStoreException.class);
        assertThatThrownBy(() -> store.fetch(link.toUri())).isInstanceOf(BlobOutsideStoreException.class);
        assertThatThrownBy(() -> store.open(URI.create("s3://reports/12/1234567890abcdef")))
                .isInstanceOf(BlobOutsideStoreException.class);
        assertThatThrownBy(() -> store.open(dir.resolve("blobs").toUri()))
                .isInstanceOf(BlobOutsideStoreException.class);
    }
}
