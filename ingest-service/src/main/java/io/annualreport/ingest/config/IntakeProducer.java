package io.annualreport.ingest.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.annualreport.blob.BlobStore;
import io.annualreport.ingest.intake.ApiKeys;
import io.annualreport.ingest.intake.HostResolver;
import io.annualreport.ingest.intake.Intake;
import io.annualreport.ingest.intake.IntakeLimits;
import io.annualreport.ingest.intake.SubmissionSink;
import io.annualreport.ingest.intake.UrlFetchPolicy;
import io.annualreport.ingest.intake.UrlFetcher;
import io.annualreport.ingest.intake.UrlIntake;
import io.annualreport.ingest.messaging.SubmissionPublisher;
import io.annualreport.ingest.metrics.IntakeMetrics;
import io.annualreport.observability.ReportMdc;

/** Wires the plain intake domain to the service: its settings, the blob store, the broker and the meters. */
public class IntakeProducer {

    @Produces
    @Singleton
    Intake intake(IngestConfig config, BlobStore blobs, SubmissionPublisher publisher, IntakeMetrics metrics) {
        IntakeLimits limits = new IntakeLimits(config.maxFileBytes(), config.zip().maxEntries(),
                config.zip().maxTotalBytes(), config.zip().maxRatio());
        return new Intake(limits, config.statusBaseUrl(), blobs, acknowledged(config, publisher, metrics));
    }

    @Produces
    @Singleton
    UrlIntake urlIntake(IngestConfig config, Intake intake) {
        IngestConfig.UrlFetch fetch = config.urlFetch();
        UrlFetchPolicy policy = new UrlFetchPolicy(UrlFetchPolicy.list(fetch.allowedDomains()),
                UrlFetchPolicy.list(fetch.privateHosts()), fetch.maxBytes(), fetch.connectTimeout(),
                fetch.totalTimeout(), fetch.maxRedirects(), fetch.maxUrls());
        return new UrlIntake(new UrlFetcher(policy, HostResolver.SYSTEM), intake);
    }

    @Produces
    @Singleton
    ApiKeys apiKeys(IngestConfig config) {
        return new ApiKeys(config.apiKeys(), config.revokedKeys());
    }

    /** Publishes within the configured timeout; a report counts as accepted once the broker acknowledged it. */
    private static SubmissionSink acknowledged(IngestConfig config, SubmissionPublisher publisher,
            IntakeMetrics metrics) {
        return event -> {
            ReportMdc.put(event.reportId());
            try {
                publisher.publish(event, config.publishTimeout());
                metrics.reportAccepted(event.size());
            } finally {
                ReportMdc.clear();
            }
        };
    }
}
