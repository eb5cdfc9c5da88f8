package io.annualreport.cli;

import picocli.CommandLine.Option;

/** Where the pipeline is and how to authenticate to it; shared by every subcommand. */
final class ConnectionOptions {

    @Option(names = "--ingest-url", paramLabel = "URL", description = "the ingest service (uploads); "
            + "env ANNUAL_REPORT_INGEST_URL, default ${DEFAULT-VALUE}", defaultValue = "${env:ANNUAL_REPORT_INGEST_URL:-http://localhost:8081}")
    String ingestUrl;

    @Option(names = "--store-url", paramLabel = "URL", description = "the store service (results, events, exports); "
            + "env ANNUAL_REPORT_STORE_URL, default ${DEFAULT-VALUE}", defaultValue = "${env:ANNUAL_REPORT_STORE_URL:-http://localhost:8084}")
    String storeUrl;

    @Option(names = "--api-key", paramLabel = "KEY", description = "sent as X-Api-Key; env ANNUAL_REPORT_API_KEY "
            + "(a local ./pipeline accepts dev-key)", defaultValue = "${env:ANNUAL_REPORT_API_KEY}")
    String apiKey;

    @Option(names = "--token", paramLabel = "TOKEN", description = "sent as Authorization: Bearer TOKEN (e.g. to a "
            + "gateway in front of the pipeline); env ANNUAL_REPORT_TOKEN", defaultValue = "${env:ANNUAL_REPORT_TOKEN}")
    String token;

    PipelineClient client() {
        return new PipelineClient(trim(ingestUrl), trim(storeUrl), blankToNull(apiKey), blankToNull(token));
    }

    private static String trim(String url) {
        String u = url.strip();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
