package io.annualreport.ingest.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Fetches a report file from a URL behind an SSRF guard: http and https only, the policy's domains only, public
 * addresses only (unless the host is one of the policy's private hosts), every redirect checked again, size and time
 * limits.
 *
 * <p>
 * Each host is resolved once per fetch and checked; the connection is made to exactly the checked addresses (the HTTP
 * client's resolver answers from that table and never asks DNS again), so a name that resolves to a public address
 * when checked and to a private one when connecting (DNS rebinding) cannot reach the private one. What was fetched is
 * then an {@link Upload} like any other and goes through the same content sniffing.
 */
public class UrlFetcher {

    private static final int BUFFER = 64 * 1024;

    private final UrlFetchPolicy policy;
    private final HostResolver resolver;

    public UrlFetcher(UrlFetchPolicy policy, HostResolver resolver) {
        this.policy = policy;
        this.resolver = resolver;
    }

    /** The policy this fetcher applies. */
    public UrlFetchPolicy policy() {
        return policy;
    }

    /**
     * Downloads the URL into a new file of the directory.
     *
     * @return the downloaded file, named after the last path segment of the final URL
     * @throws IntakeRefusedException when the URL is refused or cannot be fetched within the limits
     */
    public Upload fetch(String url, Path directory) {
        URI first = parse(url);
        long deadline = System.nanoTime() + policy.totalTimeout().toNanos();
        Map<String, InetAddress[]> pinned = new ConcurrentHashMap<>();
        DnsResolver checkedOnly = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                InetAddress[] addresses = pinned.get(host.toLowerCase(Locale.ROOT));
                if (addresses == null) {
                    throw new UnknownHostException(host + " was not checked before connecting");
                }
                return addresses;
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        ConnectionConfig connection = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(policy.connectTimeout()))
                .setSocketTimeout(Timeout.of(policy.totalTimeout())).build();
        try (CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setDnsResolver(checkedOnly)
                        .setDefaultConnectionConfig(connection).build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement()
                .disableContentCompression().setUserAgent("annual-report-ingest/1 (report fetch)").build()) {
            URI current = first;
            for (int hop = 0;; hop++) {
                check(current, pinned);
                Hop result = get(client, current, deadline, directory);
                if (result.file() != null) {
                    return new Upload(result.file(), fileName(current));
                }
                if (hop >= policy.maxRedirects()) {
                    throw new IntakeRefusedException(IntakeRefusal.URL_TOO_MANY_REDIRECTS,
                            url + ": more than " + policy.maxRedirects() + " redirects");
                }
                current = redirectTarget(current, result.location());
            }
        } catch (IOException e) {
            throw new IntakeRefusedException(IntakeRefusal.URL_FETCH_FAILED, url + ": " + e.getMessage(), e);
        }
    }

    /** Checks scheme, domain and every address of the host, and pins the addresses for the connection. */
    void check(URI uri, Map<String, InetAddress[]> pinned) {
        String host = host(uri);
        if (!policy.domainAllowed(host)) {
            throw new IntakeRefusedException(IntakeRefusal.URL_DOMAIN_NOT_ALLOWED,
                    uri + ": " + host + " is not one of the allowed domains " + policy.allowedDomains());
        }
        if (pinned.containsKey(host)) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new IntakeRefusedException(IntakeRefusal.URL_UNRESOLVED, uri + ": the host " + host + " is unknown",
                    e);
        }
        if (addresses == null || addresses.length == 0) {
            throw new IntakeRefusedException(IntakeRefusal.URL_UNRESOLVED, uri + ": the host " + host + " is unknown");
        }
        if (!policy.mayBePrivate(host)) {
            for (InetAddress address : addresses) {
                Optional<String> why = AddressGuard.whyNotPublic(address);
                if (why.isPresent()) {
                    throw new IntakeRefusedException(IntakeRefusal.URL_ADDRESS_NOT_PUBLIC,
                            uri + ": " + host + " resolves to " + address.getHostAddress() + ", a " + why.get());
                }
            }
        }
        pinned.put(host, addresses.clone());
    }

    private Hop get(CloseableHttpClient client, URI uri, long deadline, Path directory) throws IOException {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw timeout(uri);
        }
        HttpGet request = new HttpGet(uri);
        request.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofMilliseconds(
                Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)))).build());
        CompletableFuture.delayedExecutor(remaining, TimeUnit.NANOSECONDS).execute(request::cancel);
        try {
            return client.execute(request, response -> answer(uri, response, deadline, directory));
        } catch (SocketTimeoutException e) {
            throw timeout(uri);
        } catch (IOException e) {
            if (System.nanoTime() - deadline >= 0 || request.isCancelled()) {
                throw timeout(uri);
            }
            throw e;
        }
    }

    private Hop answer(URI uri, ClassicHttpResponse response, long deadline, Path directory) throws IOException {
        int status = response.getCode();
        if (status >= 300 && status < 400 && status != 304) {
            Header location = response.getFirstHeader("Location");
            if (location == null) {
                throw new IntakeRefusedException(IntakeRefusal.URL_FETCH_FAILED,
                        uri + ": HTTP " + status + " without a Location");
            }
            return new Hop(null, location.getValue());
        }
        if (status < 200 || status >= 300) {
            throw new IntakeRefusedException(IntakeRefusal.URL_FETCH_FAILED,
                    uri + ": the server answered HTTP " + status);
        }
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            throw new IntakeRefusedException(IntakeRefusal.EMPTY_FILE, uri + ": the server sent no body");
        }
        if (entity.getContentLength() > policy.maxBytes()) {
            throw tooLarge(uri);
        }
        Path file = Files.createTempFile(directory, "fetched-", ".bin");
        try (InputStream in = entity.getContent(); OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            long total = 0;
            for (int n; (n = in.read(buffer)) >= 0;) {
                total += n;
                if (total > policy.maxBytes()) {
                    throw tooLarge(uri);
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw timeout(uri);
                }
                out.write(buffer, 0, n);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new Hop(file, null);
    }

    private URI redirectTarget(URI from, String location) {
        try {
            return parse(from.resolve(new URI(location.strip())).toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IntakeRefusedException(IntakeRefusal.URL_INVALID,
                    from + ": redirects to an invalid URL " + location);
        }
    }

    /** An absolute http or https URL with a host and no user information. */
    static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            throw new IntakeRefusedException(IntakeRefusal.URL_INVALID, "not a URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IntakeRefusedException(IntakeRefusal.URL_INVALID, url + ": only http and https URLs are fetched");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IntakeRefusedException(IntakeRefusal.URL_INVALID, url + ": the URL has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IntakeRefusedException(IntakeRefusal.URL_INVALID, url + ": user information in URLs is refused");
        }
        return uri;
    }

    private static String host(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static String fileName(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        String decoded = URLDecoder.decode(last.replace("+", "%2B"), StandardCharsets.UTF_8);
        return decoded.isBlank() ? uri.getHost() : decoded;
    }

    private IntakeRefusedException tooLarge(URI uri) {
        return new IntakeRefusedException(IntakeRefusal.TOO_LARGE,
                uri + ": the file is over the limit of " + policy.maxBytes() + " bytes");
    }

    private IntakeRefusedException timeout(URI uri) {
        return new IntakeRefusedException(IntakeRefusal.URL_TIMEOUT,
                uri + ": not fetched within " + policy.totalTimeout().toMillis() + " ms");
    }

    /** One request's outcome: the downloaded file, or where the server redirects. */
    private record Hop(Path file, String location) {
    }
}
