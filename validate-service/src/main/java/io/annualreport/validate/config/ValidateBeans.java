package io.annualreport.validate.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.annualreport.rules.RuleEngine;
import io.annualreport.validate.ReportValidation;
import io.annualreport.validate.history.StoreCrossYearHistory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Wires the plain-Java validate stage into CDI. */
public class ValidateBeans {

    @Produces
    @ApplicationScoped
    ReportValidation reportValidation(StoreCrossYearHistory history, MeterRegistry registry) {
        Counter failures = Counter.builder("validate.history.lookup.failures")
                .description("Look-ups of last year's report that store-service could not answer").register(registry);
        return new ReportValidation(new RuleEngine(), history, failures::increment);
    }
}
