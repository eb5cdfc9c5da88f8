package io.annualreport.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.annualreport.testsupport.TestDirs;

/** The SSRF guard of the URL fetch against a real local HTTP server and a fixed table of host names. */
class UrlFetcherTest {

    private static final byte[] REPORT = "2023年政府信息公开工作年度报告\n一、总体情况\n".getBytes(StandardCharsets.UTF_8);

    private HttpServer server;
    private ExecutorService threads;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, List<InetAddress>> dns = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private Path dir;
    private int port;

    @BeforeEach
    void startServer() throws IOException {
        dir = TestDirs.fresh("url-fetch");
        threads = Executors.newCachedThreadPool();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        port = server.getAddress().getPort();
        handle("/report.txt", ex -> send(ex, 200, REPORT));
        handle("/missing", ex -> send(ex, 404, new byte[0]));
        handle("/to-internal", ex -> redirect(ex, "http://internal.test:" + port + "/secret"));
        handle("/to-literal", ex -> redirect(ex, "http://127.0.0.1:" + port + "/secret"));
        handle("/to-elsewhere", ex -> redirect(ex, "http://elsewhere.test:" + port + "/report.txt"));
        handle("/to-report", ex -> redirect(ex, "/report.txt"));
        handle("/loop", ex -> redirect(ex, "/loop"));
        handle("/secret", ex -> send(ex, 200, "secret".getBytes(StandardCharsets.UTF_8)));
        handle("/big", ex -> send(ex, 200, new byte[4096]));
        handle("/big-chunked", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 8; i++) {
                    out.write(new byte[1024]);
                }
            }
        });
        handle("/slow", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write('x');
                    out.flush();
                    sleep(100);
                }
            }
        });
        handle("/silent", ex -> {
            sleep(3000);
            send(ex, 200, REPORT);
        });
        server.start();
        dns.put("files.test", List.of(InetAddress.getLoopbackAddress()));
        dns.put("internal.test", List.of(InetAddress.getLoopbackAddress()));
        dns.put("elsewhere.test", List.of(InetAddress.getLoopbackAddress()));
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        threads.shutdownNow();
    }

    @Test
    void shouldFetchAFileFromAnAllowedHostUnderItsName() throws Exception {
        Upload upload = fetcher(policy().withPrivateHosts("files.test")).fetch(url("files.test", "/report.txt"), dir);

        assertThat(Files.readAllBytes(upload.file())).isEqualTo(REPORT);
        assertThat(upload.fileName()).isEqualTo("report.txt");
    }

    @Test
    void shouldFollowARedirectWithinTheAllowedHosts() throws Exception {
        Upload upload = fetcher(policy().withPrivateHosts("files.test")).fetch(url("files.test", "/to-report"), dir);

        assertThat(Files.readAllBytes(upload.file())).isEqualTo(REPORT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.254", "192.168.1.1",
            "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "239.255.255.250", "255.255.255.255", "240.0.0.1",
            "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "fec0::1", "::ffff:127.0.0.1",
            "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::10.0.0.1", "64:ff9b::a00:1", "2002:a00:1::",
            "2001:db8::1"})
    void shouldRefuseAHostThatResolvesToANonPublicAddress(String address) throws Exception {
        dns.put("victim.test", List.of(literal(address)));

        assertRefused(() -> fetcher(policy()).fetch(url("victim.test", "/report.txt"), dir),
                IntakeRefusal.URL_ADDRESS_NOT_PUBLIC);
        assertThat(hits("/report.txt")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111",
            "::ffff:93.184.216.34"})
    void shouldTakePublicAddressesAsPublic(String address) throws Exception {
        assertThat(AddressGuard.whyNotPublic(literal(address))).isEmpty();
    }

    @Test
    void shouldRefuseAHostWithOnePrivateAmongItsAddresses() throws Exception {
        dns.put("mixed.test", List.of(literal("93.184.216.34"), literal("10.0.0.7")));

        assertRefused(() -> fetcher(policy()).fetch(url("mixed.test", "/report.txt"), dir),
                IntakeRefusal.URL_ADDRESS_NOT_PUBLIC);
    }

    @Test
    void shouldRefuseAnAddressLiteralOfTheLoopback() {
        assertRefused(() -> fetcher(policy()).fetch("http://127.0.0.1:" + port + "/report.txt", dir),
                IntakeRefusal.URL_ADDRESS_NOT_PUBLIC);
        assertRefused(() -> fetcher(policy()).fetch("http://[::1]:" + port + "/report.txt", dir),
                IntakeRefusal.URL_ADDRESS_NOT_PUBLIC);
        assertThat(hits("/report.txt")).isZero();
    }

    @Test
    void shouldCheckEveryRedirectAgainAndNeverReachThePrivateTarget() {
        UrlFetcher fetcher = fetcher(policy().withPrivateHosts("files.test"));

        assertRefused(() -> fetcher.fetch(url("files.test", "/to-internal"), dir),
                IntakeRefusal.URL_ADDRESS_NOT_PUBLIC);
        assertRefused(() -> fetcher.fetch(url("files.test", "/to-literal"), dir), IntakeRefusal.URL_ADDRESS_NOT_PUBLIC);
        assertThat(hits("/to-internal")).isEqualTo(1);
        assertThat(hits("/secret")).isZero();
    }

    @Test
    void shouldRefuseADomainOutsideTheAllowList() {
        UrlFetcher fetcher = fetcher(
                policy().withAllowedDomains("files.test").withPrivateHosts("files.test", "elsewhere.test"));

        assertRefused(() -> fetcher.fetch(url("elsewhere.test", "/report.txt"), dir),
                IntakeRefusal.URL_DOMAIN_NOT_ALLOWED);
        assertRefused(() -> fetcher.fetch(url("files.test", "/to-elsewhere"), dir),
                IntakeRefusal.URL_DOMAIN_NOT_ALLOWED);
        assertThat(hits("/report.txt")).isZero();
    }

    @Test
    void shouldAllowSubdomainsOfAnAllowedDomain() {
        UrlFetchPolicy policy = policy().withAllowedDomains("gov.cn");

        assertThat(policy.domainAllowed("www.zhengzhou.gov.cn")).isTrue();
        assertThat(policy.domainAllowed("gov.cn")).isTrue();
        assertThat(policy.domainAllowed("evilgov.cn")).isFalse();
        assertThat(policy.domainAllowed("gov.cn.evil.com")).isFalse();
    }

    @Test
    void shouldStopAfterTheRedirectLimit() {
        assertRefused(() -> fetcher(policy().withPrivateHosts("files.test")).fetch(url("files.test", "/loop"), dir),
                IntakeRefusal.URL_TOO_MANY_REDIRECTS);
        assertThat(hits("/loop")).isEqualTo(6);
    }

    @Test
    void shouldRefuseAnOversizeBodyWhetherDeclaredOrStreamed() {
        UrlFetcher fetcher = fetcher(policy().withPrivateHosts("files.test"));

        assertRefused(() -> fetcher.fetch(url("files.test", "/big"), dir), IntakeRefusal.TOO_LARGE);
        assertRefused(() -> fetcher.fetch(url("files.test", "/big-chunked"), dir), IntakeRefusal.TOO_LARGE);
    }

    @Test
    void shouldGiveUpOnASlowOrSilentServerAtTheTimeLimit() {
        UrlFetcher fetcher = fetcher(policy().withPrivateHosts("files.test"));

        assertRefused(() -> fetcher.fetch(url("files.test", "/slow"), dir), IntakeRefusal.URL_TIMEOUT);
        assertRefused(() -> fetcher.fetch(url("files.test", "/silent"), dir), IntakeRefusal.URL_TIMEOUT);
    }

    @Test
    void shouldConnectToTheAddressItCheckedNotToALaterAnswerOfDns() throws Exception {
        // Given: a name that resolves to the (allowed) server first, and to an unreachable address on every later lookup
        HostResolver rebinding = host -> {
            int n = lookups.incrementAndGet();
            return new InetAddress[]{n == 1 ? InetAddress.getLoopbackAddress() : literal("10.255.255.1")};
        };
        UrlFetcher fetcher = new UrlFetcher(policy().withPrivateHosts("files.test"), rebinding);

        // When
        Upload upload = fetcher.fetch(url("files.test", "/to-report"), dir);

        // Then: one lookup for the fetch and its redirect; the connection used its answer
        assertThat(Files.readAllBytes(upload.file())).isEqualTo(REPORT);
        assertThat(lookups.get()).isEqualTo(1);
    }

    @Test
    void shouldRefuseWhatIsNotAnHttpUrlAndUnknownOrFailingHosts() {
        UrlFetcher fetcher = fetcher(policy().withPrivateHosts("files.test"));

        for (String bad : List.of("file:///etc/passwd", "ftp://files.test/report.txt", "gopher://files.test/",
                "http://user:pw@files.test/report.txt", "/report.txt", "http:///report.txt", "not a url")) {
            assertRefused(() -> fetcher.fetch(bad, dir), IntakeRefusal.URL_INVALID);
        }
        assertRefused(() -> fetcher.fetch(url("nowhere.test", "/report.txt"), dir), IntakeRefusal.URL_UNRESOLVED);
        assertRefused(() -> fetcher.fetch(url("files.test", "/missing"), dir), IntakeRefusal.URL_FETCH_FAILED);
    }

    private UrlFetchPolicy policy() {
        return new UrlFetchPolicy(java.util.Set.of(), java.util.Set.of(), 2048, Duration.ofSeconds(2),
                Duration.ofMillis(800), 5, 10);
    }

    private UrlFetcher fetcher(UrlFetchPolicy policy) {
        return new UrlFetcher(policy, host -> {
            List<InetAddress> found = dns.get(host);
            if (found != null) {
                return found.toArray(InetAddress[]::new);
            }
            if (host.matches("[0-9.]+|.*:.*")) {
                return new InetAddress[]{InetAddress.getByName(host)};
            }
            throw new UnknownHostException(host);
        });
    }

    private String url(String host, String path) {
        return "http://" + host + ":" + port + path;
    }

    private int hits(String path) {
        return hits.getOrDefault(path, new AtomicInteger()).get();
    }

    private void handle(String path, Handler handler) {
        server.createContext(path, ex -> {
            if (!ex.getRequestURI().getPath().equals(path)) {
                send(ex, 404, new byte[0]);
                return;
            }
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            try {
                handler.handle(ex);
            } catch (IOException e) {
                // the client went away (timeouts, size limits)
            } finally {
                ex.close();
            }
        });
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().add("Location", location);
        ex.sendResponseHeaders(302, -1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static InetAddress literal(String address) throws UnknownHostException {
        // InetAddress.getByName turns ::ffff:a.b.c.d into an IPv4 address; keep the IPv6 form for mapped addresses
        InetAddress parsed = InetAddress.getByName(address);
        if (address.startsWith("::ffff:")) {
            byte[] v4 = parsed.getAddress();
            byte[] v6 = new byte[16];
            v6[10] = (byte) 0xff;
            v6[11] = (byte) 0xff;
            System.arraycopy(v4, 0, v6, 12, 4);
            return AddressGuard.literal(v6);
        }
        return parsed;
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
            IntakeRefusal refusal) {
        assertThatThrownBy(call).isInstanceOf(IntakeRefusedException.class)
                .satisfies(e -> assertThat(((IntakeRefusedException) e).refusal()).isEqualTo(refusal));
    }

    /** A test server's answer. */
    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }
}
