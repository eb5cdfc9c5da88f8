package io.annualreport.service;

import org.junit.jupiter.api.Test;

import io.annualreport.testing.architecture.PackageRules;

/** The shared service support's packages depend on each other without cycles. */
class ArchitectureTest {

    @Test
    void shouldHaveNoPackageCycles() {
        PackageRules.assertNoPackageCycles("io.annualreport.service");
    }
}
