package io.annualreport.parse.metrics;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;

import io.annualreport.extraction.ExtractionException;
import io.annualreport.extraction.Glyph;
import io.annualreport.extraction.OcrEngine;
import io.annualreport.extraction.TableCells;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Times every page the OCR engine reads ({@code parse_ocr_page_seconds}, by outcome) around the real engine. */
public final class TimedOcrEngine implements OcrEngine {

    private final OcrEngine engine;
    private final MeterRegistry registry;

    public TimedOcrEngine(OcrEngine engine, MeterRegistry registry) {
        this.engine = engine;
        this.registry = registry;
    }

    @Override
    public boolean available() {
        return engine.available();
    }

    @Override
    public String describe() {
        return engine.describe();
    }

    @Override
    public List<Glyph> read(BufferedImage image, float dpi, Duration budget) throws ExtractionException {
        long started = System.nanoTime();
        String outcome = "failed";
        try {
            List<Glyph> glyphs = engine.read(image, dpi, budget);
            outcome = "read";
            return glyphs;
        } finally {
            record(started, outcome);
        }
    }

    @Override
    public List<Glyph> read(BufferedImage image, float dpi, Duration budget, TableCells cells)
            throws ExtractionException {
        long started = System.nanoTime();
        String outcome = "failed";
        try {
            List<Glyph> glyphs = engine.read(image, dpi, budget, cells);
            outcome = "read";
            return glyphs;
        } finally {
            record(started, outcome);
        }
    }

    private void record(long started, String outcome) {
        Timer.builder("parse.ocr.page").description("Wall time of OCR per page").tag("outcome", outcome)
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(100))
                .maximumExpectedValue(Duration.ofSeconds(60)).register(registry)
                .record(Duration.ofNanos(System.nanoTime() - started));
    }
}
