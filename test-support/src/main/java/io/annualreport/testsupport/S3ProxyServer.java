package io.annualreport.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.annualreport.infra.Ports;

/**
 * A real S3Proxy (filesystem backend) started as its own process from tools/s3proxy's classpath file, which the module
 * finds below {@code -Dproject.root} (set by surefire; {@code ..} from a module directory otherwise).
 */
public final class S3ProxyServer implements AutoCloseable {

    public static final String IDENTITY = "local-identity";
    public static final String CREDENTIAL = "local-credential";

    private final Process process;
    private final int port;

    private S3ProxyServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts S3Proxy on a free port with its objects below the directory and the given buckets already created. */
    public static S3ProxyServer start(Path dataDir, String... buckets) {
        Path classpath = Path.of(System.getProperty("project.root", ".."), "tools", "s3proxy", "target",
                "s3proxy.classpath");
        if (!Files.exists(classpath)) {
            throw new IllegalStateException(classpath.toAbsolutePath()
                    + " is missing: build with -am so that tools/s3proxy writes it");
        }
        try {
            int port = Ports.free();
            Path objects = Files.createDirectories(dataDir.resolve("objects"));
            for (String bucket : buckets) {
                // the filesystem backend keeps each bucket as a directory below its base directory
                Files.createDirectories(objects.resolve(bucket));
            }
            Path conf = Files.writeString(dataDir.resolve("s3proxy.conf"), String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + IDENTITY,
                    "s3proxy.credential=" + CREDENTIAL,
                    "jclouds.provider=filesystem",
                    "jclouds.filesystem.basedir=" + objects.toAbsolutePath()) + "\n");
            Path logback = Files.writeString(dataDir.resolve("logback.xml"), """
                    <configuration>
                      <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                        <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{20} %msg%n</pattern></encoder>
                      </appender>
                      <root level="WARN"><appender-ref ref="OUT"/></root>
                    </configuration>
                    """);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(java, "-Xmx256m",
                    "-Dlogback.configurationFile=" + logback.toAbsolutePath(), "-cp",
                    Files.readString(classpath).strip(),
                    "org.gaul.s3proxy.Main", "--properties", conf.toAbsolutePath().toString())
                    .redirectErrorStream(true).redirectOutput(dataDir.resolve("s3proxy.log").toFile()).start();
            S3ProxyServer server = new S3ProxyServer(process, port);
            server.awaitPort(Duration.ofSeconds(60));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The HTTP endpoint to point an S3 client at (path-style addressing). */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    private void awaitPort(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited with " + process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        close();
        throw new IllegalStateException("S3Proxy did not open port " + port + " within " + timeout);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
