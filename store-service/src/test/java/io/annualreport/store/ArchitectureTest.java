package io.annualreport.store;

import org.junit.jupiter.api.Test;

import io.annualreport.testing.architecture.PackageRules;

/** The packages of store-service depend on each other without cycles. */
class ArchitectureTest {

    @Test
    void shouldHaveNoPackageCycles() {
        PackageRules.assertNoPackageCycles("io.annualreport.store");
    }
}
