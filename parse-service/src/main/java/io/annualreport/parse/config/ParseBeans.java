package io.annualreport.parse.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.annualreport.extraction.TikaTextExtractor;
import io.annualreport.parse.ReportProcessing;
import io.annualreport.parser.ReportParser;

/** Wires the plain-Java parse stage into CDI: one thread-safe extractor and parser per service. */
public class ParseBeans {

    @Produces
    @ApplicationScoped
    ReportProcessing reportProcessing() {
        return new ReportProcessing(new TikaTextExtractor(), new ReportParser());
    }
}
