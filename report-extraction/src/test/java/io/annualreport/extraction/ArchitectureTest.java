package io.annualreport.extraction;

import org.junit.jupiter.api.Test;

import io.annualreport.testing.architecture.PackageRules;

/** The packages of text extraction depend on each other without cycles. */
class ArchitectureTest {

    @Test
    void shouldHaveNoPackageCycles() {
        PackageRules.assertNoPackageCycles("io.annualreport.extraction");
    }
}
