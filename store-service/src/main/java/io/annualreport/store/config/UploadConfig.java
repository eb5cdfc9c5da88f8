package io.annualreport.store.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings of the dashboard's uploads ({@code upload.*}): store forwards them to ingest-service with its own API key, so
 * that the browser stays on one origin and never holds an ingest key.
 */
@ConfigMapping(prefix = "upload")
public interface UploadConfig {

    /** Base URL of ingest-service as seen from store. */
    @WithDefault("http://127.0.0.1:8081")
    String ingestUrl();

    /** The API key store presents to ingest; without one the dashboard's uploads are refused with 503. */
    Optional<String> ingestApiKey();
}
