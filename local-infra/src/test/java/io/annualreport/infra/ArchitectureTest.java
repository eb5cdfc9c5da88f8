package io.annualreport.infra;

import org.junit.jupiter.api.Test;

import io.annualreport.testing.architecture.PackageRules;

/** The packages of the local infrastructure depend on each other without cycles. */
class ArchitectureTest {

    @Test
    void shouldHaveNoPackageCycles() {
        PackageRules.assertNoPackageCycles("io.annualreport.infra");
    }
}
