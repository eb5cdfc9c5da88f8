package io.annualreport.service.blob;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.annualreport.blob.BlobStoreSettings;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The blob settings keep the names and environment variables the deployments use. */
class BlobConfigTest {

    @Test
    void shouldDefaultToTheLocalDirectoryStore() {
        BlobStoreSettings settings = settings(Map.of(), Map.of());

        assertThat(settings).isEqualTo(new BlobStoreSettings("directory", ".pipeline/blobs", "reports", "us-east-1",
                Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @Test
    void shouldReadTheEnvironmentVariablesOfTheDeployments() {
        BlobStoreSettings settings = settings(Map.of("BLOB_STORE", "s3", "BLOB_DIR", "/data/blobs", "S3_BUCKET",
                "annual-reports", "S3_REGION", "cn-north-1", "S3_ENDPOINT", "http://minio:9000", "S3_ACCESS_KEY",
                "id", "S3_SECRET_KEY", "secret"), Map.of());

        assertThat(settings).isEqualTo(new BlobStoreSettings("s3", "/data/blobs", "annual-reports", "cn-north-1",
                Optional.of("http://minio:9000"), Optional.of("id"), Optional.of("secret")));
    }

    @Test
    void shouldReadTheBlobProperties() {
        BlobStoreSettings settings = settings(Map.of("S3_BUCKET", "from-env"), Map.of("blob.store", "s3",
                "blob.s3.bucket", "from-properties", "blob.s3.endpoint", "http://127.0.0.1:8080"));

        assertThat(settings.kind()).isEqualTo("s3");
        assertThat(settings.bucket()).isEqualTo("from-properties");
        assertThat(settings.endpoint()).contains("http://127.0.0.1:8080");
        assertThat(settings.accessKey()).isEmpty();
    }

    private static BlobStoreSettings settings(Map<String, String> environment, Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors().withMapping(BlobConfig.class)
                .withSources(new EnvConfigSource(environment, 300))
                .withSources(new PropertiesConfigSource(properties, "test", 250)).build();
        return config.getConfigMapping(BlobConfig.class).settings();
    }
}
