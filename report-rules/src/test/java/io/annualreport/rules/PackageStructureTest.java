package io.annualreport.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;

import io.annualreport.testing.architecture.PackageRules;

/** The package structure of report-rules: no package reaches itself through others (no package cycles). */
class PackageStructureTest {

    private static final JavaClasses MAIN = PackageRules.mainClassesOf("io.annualreport.rules");

    @Test
    void shouldHaveNoPackageCycles() {
        // Given the main classes of every package of report-rules
        assertThat(MAIN.stream().map(JavaClass::getPackageName).distinct())
                .contains("io.annualreport.rules", "io.annualreport.rules.engine", "io.annualreport.rules.catalogue",
                        "io.annualreport.rules.text");

        // Then no package depends on itself through the others
        PackageRules.assertNoPackageCycles("io.annualreport.rules", MAIN);
    }
}
