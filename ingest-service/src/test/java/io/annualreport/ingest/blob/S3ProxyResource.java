package io.annualreport.ingest.blob;

import java.util.Map;

import io.annualreport.ingest.config.BlobStoreProducer;
import io.annualreport.testsupport.TestDirs;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import software.amazon.awssdk.services.s3.S3Client;

/** Starts a real S3Proxy process with a {@code reports} bucket and points the intake's S3 blob store at it. */
public class S3ProxyResource implements QuarkusTestResourceLifecycleManager {

    private S3ProxyServer server;

    @Override
    public Map<String, String> start() {
        server = S3ProxyServer.start(TestDirs.fresh("s3proxy-quarkus"));
        try (S3Client s3 = BlobStoreProducer.s3Client(server.endpoint().toString(), "us-east-1",
                S3ProxyServer.IDENTITY, S3ProxyServer.CREDENTIAL)) {
            s3.createBucket(b -> b.bucket("reports"));
        }
        return Map.of("ingest.blob-store", "s3", "ingest.s3.endpoint", server.endpoint().toString(),
                "ingest.s3.bucket", "reports", "ingest.s3.access-key", S3ProxyServer.IDENTITY,
                "ingest.s3.secret-key", S3ProxyServer.CREDENTIAL);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
