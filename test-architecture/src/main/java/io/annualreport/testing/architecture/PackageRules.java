package io.annualreport.testing.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.nio.file.Files;
import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The one home of the package rules every module's {@code ArchitectureTest} applies: the main classes of the module
 * under test, and "no package cycles" with the root package as one slice and each package directly below it (with
 * its sub-packages) as another.
 */
public final class PackageRules {

    private PackageRules() {
    }

    /** The main classes of the module whose tests run ({@code target/classes} of the working directory). */
    public static JavaClasses mainClasses() {
        Path classes = Path.of("target/classes");
        if (!Files.isDirectory(classes)) {
            throw new IllegalStateException("no " + classes.toAbsolutePath() + ": run the tests from the module");
        }
        return new ClassFileImporter().importPath(classes);
    }

    /** The classes of the given packages on the class path, test classes left out. */
    public static JavaClasses mainClassesOf(String... packages) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(packages);
    }

    /** Fails when the packages below {@code root} reach themselves through one another. */
    public static void assertNoPackageCycles(String root, JavaClasses classes) {
        noPackageCycles(root).check(classes);
    }

    /** Fails when the module's packages below {@code root} reach themselves through one another. */
    public static void assertNoPackageCycles(String root) {
        assertNoPackageCycles(root, mainClasses());
    }

    /** The rule itself, for modules that add their own rules beside it. */
    public static ArchRule noPackageCycles(String root) {
        return slices().assignedFrom(packagesBelow(root)).should().beFreeOfCycles();
    }

    /** The root package is one slice, each package directly below it with its sub-packages another. */
    public static SliceAssignment packagesBelow(String root) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String pkg = javaClass.getPackageName();
                if (pkg.equals(root)) {
                    return SliceIdentifier.of("(root)");
                }
                if (!pkg.startsWith(root + ".")) {
                    return SliceIdentifier.ignore();
                }
                String below = pkg.substring(root.length() + 1);
                int dot = below.indexOf('.');
                return SliceIdentifier.of(dot < 0 ? below : below.substring(0, dot));
            }

            @Override
            public String getDescription() {
                return root + " and each package below it";
            }
        };
    }
}
