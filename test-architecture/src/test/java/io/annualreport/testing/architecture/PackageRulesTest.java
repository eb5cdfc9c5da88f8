package io.annualreport.testing.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

class PackageRulesTest {

    private static final String PLANTED = "io.annualreport.testing.architecture.planted";

    @Test
    void shouldFailOnAPlantedPackageCycle() {
        // Given packages a and b that use each other
        JavaClasses planted = new ClassFileImporter().importPackages(PLANTED);
        assertThat(planted.stream().map(c -> c.getSimpleName())).contains("Upstream", "Downstream");

        // Then
        assertThatThrownBy(() -> PackageRules.assertNoPackageCycles(PLANTED, planted))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle");
    }

    @Test
    void shouldPassWhenOnlyOneDirectionIsUsed() {
        // Given only package a (it uses b, b is not imported)
        JavaClasses oneWay = new ClassFileImporter().importPackages(PLANTED + ".a");

        // Then
        PackageRules.assertNoPackageCycles(PLANTED, oneWay);
        assertThat(oneWay.contain(io.annualreport.testing.architecture.planted.a.Upstream.class)).isTrue();
    }

    @Test
    void shouldPassOnTheHelperItself() {
        PackageRules.assertNoPackageCycles("io.annualreport.testing.architecture",
                PackageRules.mainClassesOf("io.annualreport.testing.architecture"));
    }
}
