package io.annualreport.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.annualreport.model.event.ReportIds;
import io.annualreport.testsupport.S3ProxyServer;
import io.annualreport.testsupport.TestDirs;

import software.amazon.awssdk.services.s3.S3Client;

class S3BlobStoreTest {

    private static S3ProxyServer server;
    private static S3Client s3;

    @BeforeAll
    static void startS3Proxy() {
        server = S3ProxyServer.start(TestDirs.fresh("s3proxy"), "reports", "other");
        s3 = BlobStores.s3Client(server.endpoint().toString(), "us-east-1", S3ProxyServer.IDENTITY,
                S3ProxyServer.CREDENTIAL);
    }

    @AfterAll
    static void stopS3Proxy() {
        if (s3 != null) {
            s3.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldStoreTheFileUnderItsReportIdAndReturnAnS3Uri() throws Exception {
        // Given
        byte[] bytes = "郑州市惠济区2023年政府信息公开工作年度报告 一、总体情况".getBytes();
        Path file = Files.write(TestDirs.fresh("s3-put").resolve("报告.txt"), bytes);
        String reportId = ReportIds.fromSha256(ReportIds.sha256(bytes));
        // When
        URI uri = new S3BlobStore(s3, "reports").put(reportId, file);
        // Then
        assertThat(uri).hasToString("s3://reports/" + reportId.substring(0, 2) + "/" + reportId);
        assertThat(s3.getObjectAsBytes(b -> b.bucket("reports").key(S3BlobStore.key(reportId))).asByteArray())
                .isEqualTo(bytes);
    }

    @Test
    void shouldKeepTheFirstCopyWhenTheSameReportIsStoredAgain() throws Exception {
        // Given
        byte[] bytes = "二、主动公开政府信息情况 idempotent".getBytes();
        Path dir = TestDirs.fresh("s3-again");
        Path file = Files.write(dir.resolve("a.txt"), bytes);
        String reportId = ReportIds.fromSha256(ReportIds.sha256(bytes));
        S3BlobStore store = new S3BlobStore(s3, "reports");
        URI first = store.put(reportId, file);
        String firstETag = s3.headObject(b -> b.bucket("reports").key(S3BlobStore.key(reportId))).eTag();
        // When
        URI second = store.put(reportId, Files.write(dir.resolve("b.txt"), bytes));
        // Then
        assertThat(second).isEqualTo(first);
        assertThat(s3.headObject(b -> b.bucket("reports").key(S3BlobStore.key(reportId))).eTag())
                .isEqualTo(firstETag);
    }

    @Test
    void shouldFailWithAnIoExceptionWhenTheBucketDoesNotExist() throws IOException {
        // Given
        byte[] bytes = "三、收到和处理政府信息公开申请情况".getBytes();
        Path file = Files.write(TestDirs.fresh("s3-missing").resolve("c.txt"), bytes);
        String reportId = ReportIds.fromSha256(ReportIds.sha256(bytes));
        // When / Then: the intake turns this into a 503 and publishes nothing
        assertThatThrownBy(() -> new S3BlobStore(s3, "no-such-bucket").put(reportId, file))
                .isInstanceOf(IOException.class).hasMessageContaining("no-such-bucket");
    }

    @Test
    void shouldReadBackAStoredBlobAsAStreamAndAsATemporaryCopyDeletedOnClose() throws Exception {
        // Given: a store built by the factory from plain settings
        byte[] bytes = "四、政府信息公开行政复议、行政诉讼情况 read back".getBytes();
        Path dir = TestDirs.fresh("s3-read");
        String reportId = ReportIds.fromSha256(ReportIds.sha256(bytes));
        BlobStore store = BlobStores.create(BlobStoreSettings.s3(server.endpoint().toString(), "reports",
                S3ProxyServer.IDENTITY, S3ProxyServer.CREDENTIAL));
        URI blob = store.put(reportId, Files.write(dir.resolve("d.txt"), bytes));

        // When
        byte[] streamed;
        try (InputStream in = store.open(blob)) {
            streamed = in.readAllBytes();
        }
        Path copy;
        byte[] copied;
        try (LocalBlob local = store.fetch(blob)) {
            copy = local.path();
            copied = Files.readAllBytes(copy);
        }

        // Then
        assertThat(streamed).isEqualTo(bytes);
        assertThat(copied).isEqualTo(bytes);
        assertThat(copy).doesNotExist();
    }

    @Test
    void shouldReportAnAbsentObjectOfTheBucketAsMissing() {
        // Given
        S3BlobStore store = new S3BlobStore(s3, "reports");
        URI gone = URI.create("s3://reports/" + S3BlobStore.key("cdcdcdcdcdcdcdcd"));

        // When / Then
        assertThatThrownBy(() -> store.open(gone)).isInstanceOf(BlobMissingException.class)
                .hasMessageContaining("cdcdcdcdcdcdcdcd");
        assertThatThrownBy(() -> store.fetch(gone)).isInstanceOf(BlobMissingException.class);
    }

    @Test
    void shouldRefuseUrisOfAnotherBucketOrScheme() throws Exception {
        // Given: an object that exists, but in another bucket of the same server
        byte[] bytes = "五、存在的主要问题及改进情况".getBytes();
        String reportId = ReportIds.fromSha256(ReportIds.sha256(bytes));
        URI elsewhere = new S3BlobStore(s3, "other").put(reportId,
                Files.write(TestDirs.fresh("s3-other").resolve("e.txt"), bytes));
        S3BlobStore store = new S3BlobStore(s3, "reports");

        // When / Then
        assertThatThrownBy(() -> store.open(elsewhere)).isInstanceOf(BlobOutsideStoreException.class)
                .hasMessageContaining("reports");
        assertThatThrownBy(() -> store.fetch(elsewhere)).isInstanceOf(BlobOutsideStoreException.class);
        assertThatThrownBy(() -> store.open(Path.of("/etc/passwd").toUri()))
                .isInstanceOf(BlobOutsideStoreException.class);
        assertThatThrownBy(() -> store.open(URI.create("s3://reports/"))).isInstanceOf(BlobOutsideStoreException.class);
    }

    @Test
    void shouldBeAvailableWhenItsBucketAnswersAndNotOtherwise() {
        assertThat(new S3BlobStore(s3, "reports").available()).isTrue();
        assertThat(new S3BlobStore(s3, "no-such-bucket").available()).isFalse();
    }
}
