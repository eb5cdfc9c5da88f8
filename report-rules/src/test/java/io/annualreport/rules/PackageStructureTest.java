package io.annualreport.rules;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/** The package structure of report-rules: no package reaches itself through others (no package cycles). */
class PackageStructureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.annualreport.rules");

    /** Every package is a slice of its own, the root package included. */
    private static final SliceAssignment BY_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            return SliceIdentifier.of(javaClass.getPackageName());
        }

        @Override
        public String getDescription() {
            return "packages of report-rules";
        }
    };

    @Test
    void shouldHaveNoPackageCycles() {
        // Given the main classes of every package of report-rules
        assertThat(MAIN.stream().map(JavaClass::getPackageName).distinct())
                .contains("io.annualreport.rules", "io.annualreport.rules.engine", "io.annualreport.rules.catalogue",
                        "io.annualreport.rules.text");

        // Then no package depends on itself through the others
        slices().assignedFrom(BY_PACKAGE).should().beFreeOfCycles().check(MAIN);
    }
}
