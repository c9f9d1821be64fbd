package org.wattledger.ledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The ledger stores what the importers produce and hands engine objects back: it knows the engine
 * and the importers' model, never the factors, the reports or the command line (the engine's own
 * allow-list keeps the engine free of the ledger).
 */
final class LedgerDependenciesTest {
    static final ArchRule LEDGER_STAYS_BELOW_THE_APP = noClasses().that().resideInAPackage("org.wattledger.ledger..")
            .should().dependOnClassesThat().resideInAnyPackage("org.wattledger.app..", "org.wattledger.reports..",
                    "org.wattledger.factors..");

    @Test
    void theLedgerDependsOnNeitherFactorsNorReportsNorTheApp() {
        LEDGER_STAYS_BELOW_THE_APP.check(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.wattledger.ledger"));
    }
}
