package io.annualreport.parser;

import org.junit.jupiter.api.Test;

import io.annualreport.testing.architecture.PackageRules;

/** The packages of the parser depend on each other without cycles. */
class ArchitectureTest {

    @Test
    void shouldHaveNoPackageCycles() {
        PackageRules.assertNoPackageCycles("io.annualreport.parser");
    }
}
