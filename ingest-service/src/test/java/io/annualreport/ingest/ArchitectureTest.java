package io.annualreport.ingest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

import io.annualreport.testing.architecture.PackageRules;

/** The intake domain is plain Java below its adapters, and the service's packages depend on each other without cycles. */
class ArchitectureTest {

    private static final String ROOT = "io.annualreport.ingest";
    private static final JavaClasses MAIN = PackageRules.mainClasses();

    @Test
    void shouldHaveNoPackageCycles() {
        PackageRules.assertNoPackageCycles(ROOT, MAIN);
    }

    @Test
    void shouldKeepTheIntakeDomainFreeOfHttpAndFrameworkTypes() {
        noClasses().that().resideInAPackage(ROOT + ".intake..").should().dependOnClassesThat().resideInAnyPackage(
                ROOT + ".rest..", ROOT + ".config..", ROOT + ".messaging..", ROOT + ".metrics..", "jakarta.ws.rs..",
                "io.vertx..", "org.jboss.resteasy..", "io.quarkus..", "io.smallrye..", "jakarta.enterprise..",
                "jakarta.inject..", "org.eclipse.microprofile..", "org.apache.kafka..", "io.micrometer..")
                .check(MAIN);
    }
}
