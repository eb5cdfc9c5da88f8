package io.annualreport.parse.config;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.annualreport.blob.BlobStore;
import io.annualreport.extraction.ExtractionLimits;
import io.annualreport.extraction.ScanOcr;
import io.annualreport.extraction.TikaTextExtractor;
import io.annualreport.parse.ReportProcessing;
import io.annualreport.parse.metrics.TimedOcrEngine;
import io.annualreport.parser.ReportParser;
import io.micrometer.core.instrument.MeterRegistry;

/** Wires the plain-Java parse stage into CDI: one thread-safe extractor and parser per service. */
public class ParseBeans {

    @Produces
    @ApplicationScoped
    ReportProcessing reportProcessing(BlobStore blobs,
            @ConfigProperty(name = "parse.document-timeout", defaultValue = "60s") Duration documentBudget,
            @ConfigProperty(name = "parse.ocr-page-timeout", defaultValue = "20s") Duration ocrPageBudget,
            @ConfigProperty(name = "parse.max-pages", defaultValue = "500") int maxPages,
            @ConfigProperty(name = "parse.max-bytes", defaultValue = "104857600") long maxBytes,
            MeterRegistry registry) {
        ExtractionLimits limits = new ExtractionLimits(documentBudget, ocrPageBudget, maxPages, maxBytes);
        return new ReportProcessing(
                new TikaTextExtractor(limits, new TimedOcrEngine(new ScanOcr(), registry)), new ReportParser(),
                blobs);
    }
}
