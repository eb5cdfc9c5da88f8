package io.annualreport.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobStoresTest {

    @TempDir
    Path dir;

    @Test
    void shouldBuildADirectoryStoreThatCreatesItsDirectory() {
        // Given
        Path blobs = dir.resolve("pipeline/blobs");

        // When
        BlobStore store = BlobStores.create(BlobStoreSettings.directory(blobs.toString()));

        // Then
        assertThat(store).isInstanceOf(DirectoryBlobStore.class);
        assertThat(((DirectoryBlobStore) store).root()).isEqualTo(blobs).isDirectory();
    }

    @Test
    void shouldRefuseAnUnknownKindAndADirectoryStoreWithoutDirectory() {
        // Given
        BlobStoreSettings unknown = new BlobStoreSettings("gcs", dir.toString(), "reports", "us-east-1",
                Optional.empty(), Optional.empty(), Optional.empty());
        BlobStoreSettings noDir = BlobStoreSettings.directory(" ");

        // When / Then
        assertThatThrownBy(() -> BlobStores.create(unknown)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'gcs'");
        assertThatThrownBy(() -> BlobStores.create(noDir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blob.dir");
    }

    @Test
    void shouldTreatBlankOptionalSettingsAsAbsent() {
        // When: an unset environment variable arrives as an empty value
        BlobStoreSettings settings = new BlobStoreSettings("s3", null, "reports", "us-east-1", Optional.of(""),
                Optional.of(" "), Optional.of(""));

        // Then: the default endpoint and credential chain are used
        assertThat(settings.endpoint()).isEmpty();
        assertThat(settings.accessKey()).isEmpty();
        assertThat(settings.secretKey()).isEmpty();
    }
}
