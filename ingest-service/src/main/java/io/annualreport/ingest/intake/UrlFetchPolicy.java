package io.annualreport.ingest.intake;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the URL fetch may reach and how much it may take.
 *
 * @param allowedDomains when not empty, only these domains and their subdomains are fetched
 * @param privateHosts hosts that may resolve to non-public addresses (an intranet mirror; a test server); empty by
 *        default, so that only public addresses are reached
 * @param maxBytes largest body fetched from one URL
 * @param connectTimeout longest wait for a connection
 * @param totalTimeout longest time for one URL, redirects and body included
 * @param maxRedirects most redirects followed, each checked again
 * @param maxUrls most URLs in one request
 */
public record UrlFetchPolicy(Set<String> allowedDomains, Set<String> privateHosts, long maxBytes,
        Duration connectTimeout, Duration totalTimeout, int maxRedirects, int maxUrls) {

    public UrlFetchPolicy {
        allowedDomains = normalized(allowedDomains);
        privateHosts = normalized(privateHosts);
    }

    /** Public addresses only, any domain. */
    public static UrlFetchPolicy publicOnly(long maxBytes, Duration connectTimeout, Duration totalTimeout) {
        return new UrlFetchPolicy(Set.of(), Set.of(), maxBytes, connectTimeout, totalTimeout, 5, 50);
    }

    /** This policy with only these domains allowed. */
    public UrlFetchPolicy withAllowedDomains(String... domains) {
        return new UrlFetchPolicy(Set.of(domains), privateHosts, maxBytes, connectTimeout, totalTimeout, maxRedirects,
                maxUrls);
    }

    /** This policy with these hosts allowed to resolve to non-public addresses. */
    public UrlFetchPolicy withPrivateHosts(String... hosts) {
        return new UrlFetchPolicy(allowedDomains, Set.of(hosts), maxBytes, connectTimeout, totalTimeout, maxRedirects,
                maxUrls);
    }

    /** Parses a comma-separated list, ignoring blanks and the placeholder {@code none}. */
    public static Set<String> list(String commaSeparated) {
        if (commaSeparated == null) {
            return Set.of();
        }
        return List.of(commaSeparated.split(",")).stream().map(String::strip)
                .filter(s -> !s.isEmpty() && !s.equals("none")).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the host is an allowed domain or below one (every host when no domain is listed). */
    boolean domainAllowed(String host) {
        if (allowedDomains.isEmpty()) {
            return true;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return allowedDomains.stream().anyMatch(d -> h.equals(d) || h.endsWith("." + d));
    }

    /** Whether the host may resolve to a non-public address. */
    boolean mayBePrivate(String host) {
        return privateHosts.contains(host.toLowerCase(Locale.ROOT));
    }

    private static Set<String> normalized(Set<String> names) {
        return names == null
                ? Set.of()
                : names.stream().map(n -> n.strip().toLowerCase(Locale.ROOT).replaceAll("^\\.+|\\.+$", ""))
                        .filter(n -> !n.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }
}
