package io.annualreport.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a real S3Proxy process with a {@code reports} bucket for a {@code @QuarkusTest} and points the service's
 * shared blob store settings ({@code blob.store=s3}, {@code blob.s3.*}) at it.
 */
public class S3ProxyResource implements QuarkusTestResourceLifecycleManager {

    /** The bucket the resource creates and configures. */
    public static final String BUCKET = "reports";

    private S3ProxyServer server;

    @Override
    public Map<String, String> start() {
        server = S3ProxyServer.start(TestDirs.fresh("s3proxy-quarkus"), BUCKET);
        return Map.of("blob.store", "s3", "blob.s3.endpoint", server.endpoint().toString(), "blob.s3.bucket", BUCKET,
                "blob.s3.region", "us-east-1", "blob.s3.access-key", S3ProxyServer.IDENTITY, "blob.s3.secret-key",
                S3ProxyServer.CREDENTIAL);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
