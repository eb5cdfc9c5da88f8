package io.annualreport.ingest.metrics;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The intake's Micrometer meters (exported at {@code /q/metrics}): uploads by outcome and error code, reports and bytes
 * accepted, and the upload latency histogram.
 */
@ApplicationScoped
public class IntakeMetrics {

    private final MeterRegistry registry;
    private final Counter reportsAccepted;
    private final Counter bytesAccepted;

    public IntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.reportsAccepted = Counter.builder("ingest.reports.accepted")
                .description("Reports accepted (a zip counts once per entry)").register(registry);
        this.bytesAccepted = Counter.builder("ingest.accepted").baseUnit("bytes")
                .description("Bytes of accepted reports").register(registry);
    }

    /** Counts one report stored and acknowledged by the broker. */
    public void reportAccepted(long bytes) {
        reportsAccepted.increment();
        bytesAccepted.increment(bytes);
    }

    /** Counts one upload request with its outcome ({@code ACCEPTED} or the error code) and latency. */
    public void upload(String code, Duration latency) {
        String outcome = "ACCEPTED".equals(code) ? "accepted" : "refused";
        Counter.builder("ingest.uploads").description("Upload requests by outcome and error code")
                .tag("outcome", outcome).tag("code", code).register(registry).increment();
        Timer.builder("ingest.upload.duration").description("Upload latency until the 202 or the error")
                .tag("outcome", outcome).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry).record(latency);
    }
}
