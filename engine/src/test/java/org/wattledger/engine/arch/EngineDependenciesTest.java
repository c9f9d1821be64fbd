package org.wattledger.engine.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The engine depends on the JDK's language, maths, text, time and collection packages, the units
 * API and Indriya only. An allow-list: a new spreadsheet, chart, database, HTTP or file library
 * fails here without anyone having to name it first.
 */
final class EngineDependenciesTest {
    static final ArchRule ENGINE_ALLOW_LIST = classes().that().resideInAPackage("org.wattledger.engine..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java.lang..", "java.math..", "java.text..", "java.time..", "java.util..",
                    "javax.measure..", "tech.units.indriya..", "org.wattledger.engine..");

    @Test
    void engineDependsOnlyOnTheAllowedPackages() {
        JavaClasses engine = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.wattledger.engine");
        ENGINE_ALLOW_LIST.check(engine);
    }

    /** Reads a file: java.nio and java.io are not on the list (inputs belong to the importers). */
    static final class ReadsAFile {
        static byte[] read(String path) throws java.io.IOException {
            return java.nio.file.Files.readAllBytes(java.nio.file.Path.of(path));
        }
    }

    @Test
    void aClassUsingAnotherPackageBreaksTheRule() {
        JavaClasses offender = new ClassFileImporter().importClasses(ReadsAFile.class);
        AssertionError e = assertThrows(AssertionError.class, () -> ENGINE_ALLOW_LIST.check(offender));
        assertTrue(e.getMessage().contains("java.nio.file.Files"), e.getMessage());
    }
}
