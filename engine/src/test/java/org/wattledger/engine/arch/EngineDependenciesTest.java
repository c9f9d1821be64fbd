package org.wattledger.engine.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine depends on Indriya and the JDK only: no spreadsheets, charts, databases or HTTP. */
final class EngineDependenciesTest {
    private final JavaClasses engine = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.wattledger.engine");

    @Test
    void engineImportsNoInputOutputLibraries() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                "org.apache.poi..", "tech.tablesaw..", "org.jfree..", "java.sql..", "javax.sql..",
                "java.net.http..", "com.sun.net.httpserver..", "jakarta.servlet..", "javax.servlet..",
                "io.javalin..", "org.dhatim..", "de.siegmar..", "com.fasterxml..")
                .check(engine);
    }

    @Test
    void engineDoesNotDependOnOtherModules() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                "org.wattledger.factors..", "org.wattledger.importers..", "org.wattledger.reports..",
                "org.wattledger.app..")
                .check(engine);
    }
}
