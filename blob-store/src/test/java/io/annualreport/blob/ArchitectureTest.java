package io.annualreport.blob;

import org.junit.jupiter.api.Test;

import io.annualreport.testing.architecture.PackageRules;

/** The blob store's packages depend on each other without cycles. */
class ArchitectureTest {

    @Test
    void shouldHaveNoPackageCycles() {
        PackageRules.assertNoPackageCycles("io.annualreport.blob");
    }
}
