package io.annualreport.validate.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.annualreport.rules.RuleEngine;
import io.annualreport.validate.ReportValidation;
import io.annualreport.validate.history.StoreReportHistory;

/** Wires the plain-Java validate stage into CDI. */
public class ValidateBeans {

    @Produces
    @ApplicationScoped
    ReportValidation reportValidation(@ConfigProperty(name = "validate.store-url") String storeUrl) {
        return new ReportValidation(new RuleEngine(), new StoreReportHistory(storeUrl));
    }
}
