package io.annualreport.ingest.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings of the intake ({@code ingest.*}): limits, API keys and how long to wait for the broker. The blob store has its
 * own {@code blob.*} settings, shared with parse and store.
 */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

    /** Largest accepted file, in bytes. */
    @WithDefault("52428800")
    long maxFileBytes();

    /** Base URL of store-service, for the status URL returned to the submitter. */
    String statusBaseUrl();

    /** Accepted API keys as {@code submitter=key} pairs, comma separated. */
    String apiKeys();

    /** Revoked API keys (answered with 403), comma separated; empty by default. */
    @WithDefault("none")
    String revokedKeys();

    /** How long an upload waits for the broker to acknowledge its event before answering 503. */
    @WithDefault("15s")
    Duration publishTimeout();

    /** Limits of a bulk zip upload. */
    Zip zip();

    /** Most uploads processed at once; further requests get 429 with Retry-After. */
    @WithDefault("64")
    int maxInFlight();

    /** Fetching reports from URLs ({@code POST /api/v1/reports/urls}). */
    UrlFetch urlFetch();

    /** The SSRF guard of the URL fetch: which hosts, how much and how long. */
    interface UrlFetch {

        /** When set, only these domains and their subdomains are fetched (comma separated); any by default. */
        @WithDefault("none")
        String allowedDomains();

        /** Hosts that may resolve to loopback or private addresses (comma separated); none by default. */
        @WithDefault("none")
        String privateHosts();

        /** Largest body fetched from one URL, in bytes. */
        @WithDefault("52428800")
        long maxBytes();

        /** Longest wait for a connection. */
        @WithDefault("10s")
        Duration connectTimeout();

        /** Longest time for one URL, redirects and body included. */
        @WithDefault("60s")
        Duration totalTimeout();

        /** Most redirects followed per URL, each checked again. */
        @WithDefault("5")
        int maxRedirects();

        /** Most URLs in one request. */
        @WithDefault("20")
        int maxUrls();
    }

    /** Limits that make a bulk zip safe to unpack. */
    interface Zip {

        /** Most entries in one archive. */
        @WithDefault("1000")
        int maxEntries();

        /** Most bytes of one archive once unpacked. */
        @WithDefault("2147483648")
        long maxTotalBytes();

        /** Highest accepted ratio of unpacked to compressed size for an entry over 1 MiB. */
        @WithDefault("100")
        int maxRatio();
    }
}
