package io.annualreport.model;

import org.junit.jupiter.api.Test;

import io.annualreport.testing.architecture.PackageRules;

/** The packages of the report model depend on each other without cycles. */
class ArchitectureTest {

    @Test
    void shouldHaveNoPackageCycles() {
        PackageRules.assertNoPackageCycles("io.annualreport.model");
    }
}
