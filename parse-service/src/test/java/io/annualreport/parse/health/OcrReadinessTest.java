package io.annualreport.parse.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import io.annualreport.extraction.ScanOcr;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class OcrReadinessTest {

    @Test
    void shouldNotBeReadyWhenTesseractCannotRun() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        OcrReadiness readiness = new OcrReadiness(true, () -> new ScanOcr("no-such-tesseract", "chi_sim"),
                registry);

        HealthCheckResponse response = readiness.call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData().orElseThrow().get("reason").toString()).contains("OCR_UNAVAILABLE");
        assertThat(registry.get("parse.ocr.available").gauge().value()).isZero();
    }

    @Test
    void shouldNotBeReadyWhenTheChineseDataIsMissing() {
        OcrReadiness readiness = new OcrReadiness(true, () -> new ScanOcr("tesseract", "no_such_language"),
                new SimpleMeterRegistry());

        assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    }

    @Test
    void shouldBeReadyWithTesseractAndChiSim() {
        // scripts/install-system-deps.sh installs tesseract-ocr and tesseract-ocr-chi-sim
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        OcrReadiness readiness = new OcrReadiness(true, ScanOcr::new, registry);

        assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(registry.get("parse.ocr.available").gauge().value()).isEqualTo(1.0);
    }

    @Test
    void shouldStayReadyWithoutOcrWhenOcrIsNotRequired() {
        OcrReadiness readiness = new OcrReadiness(false, () -> new ScanOcr("no-such-tesseract", "chi_sim"),
                new SimpleMeterRegistry());

        assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }
}
