package io.annualreport.parse.health;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.annualreport.extraction.OcrEngine;
import io.annualreport.extraction.ScanOcr;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Readiness fails while Tesseract or its chi_sim data is missing, so a pod that would fail every scan with
 * OCR_UNAVAILABLE takes no traffic and the OcrUnavailable alert fires ({@code parse_ocr_available} gauge). The probe
 * runs {@code tesseract --list-langs} at most once a minute. {@code PARSE_OCR_REQUIRED=false} turns the check off for
 * a machine that reads only born-digital files.
 */
@Readiness
@ApplicationScoped
public class OcrReadiness implements HealthCheck {

    static final Duration RECHECK = Duration.ofMinutes(1);

    private final boolean required;
    private final Supplier<OcrEngine> engines;
    private final AtomicInteger available = new AtomicInteger(-1);
    private volatile long checkedAt;
    private volatile String described = "";

    @Inject
    OcrReadiness(@ConfigProperty(name = "parse.ocr.required", defaultValue = "true") boolean required,
            @ConfigProperty(name = "parse.ocr.command", defaultValue = "tesseract") String command,
            MeterRegistry registry) {
        this(required, () -> new ScanOcr(command, "chi_sim"), registry);
    }

    OcrReadiness(boolean required, Supplier<OcrEngine> engines, MeterRegistry registry) {
        this.required = required;
        this.engines = engines;
        Gauge.builder("parse.ocr.available", this, r -> r.probe() ? 1 : 0)
                .description("1 when Tesseract with chi_sim can run in this pod").register(registry);
    }

    @Override
    public HealthCheckResponse call() {
        boolean ok = probe();
        var response = HealthCheckResponse.named("ocr").withData("engine", described).withData("required", required);
        return ok || !required
                ? response.up().build()
                : response.withData("reason", "OCR_UNAVAILABLE: scanned reports cannot be read").down().build();
    }

    /** Whether OCR can run, probing a fresh engine when the last probe is older than a minute. */
    boolean probe() {
        long now = System.nanoTime();
        if (available.get() < 0 || now - checkedAt > RECHECK.toNanos()) {
            OcrEngine engine = engines.get();
            described = engine.describe();
            available.set(engine.available() ? 1 : 0);
            checkedAt = now;
        }
        return available.get() == 1;
    }
}
