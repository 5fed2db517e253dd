package org.privacykit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.security.Security;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Architecture rules for privacy-core's main code, as tests. */
class ArchitectureTest {
    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.privacykit");
    }

    @Test
    void packages_haveNoCycles() {
        slices().matching("org.privacykit.(*)..").should().beFreeOfCycles().check(core);
    }

    @Test
    void annotations_dependOnNothingElseOfOurs() {
        noClasses().that().resideInAPackage("org.privacykit.annotation")
                .should().dependOnClassesThat().resideInAnyPackage("org.privacykit.metadata..",
                        "org.privacykit.mask..", "org.privacykit.spi..", "org.privacykit.inventory..",
                        "org.privacykit.audit..", "org.privacykit.pseudonym..")
                .check(core);
    }

    @Test
    void libraryCode_neverPrintsToTheConsole() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .orShould().callMethod(Throwable.class, "printStackTrace")
                .check(core);
    }

    @Test
    void libraryCode_neverUsesPredictableRandomness() {
        noClasses().should().dependOnClassesThat().belongToAnyOf(Random.class, ThreadLocalRandom.class,
                SplittableRandom.class).because("keys, nonces, fakes and noise need SecureRandom or keyed derivations")
                .check(core);
    }

    @Test
    void libraryCode_neverRegistersGlobalProviders() {
        noClasses().should().callMethod(Security.class, "addProvider", java.security.Provider.class)
                .orShould().callMethod(Security.class, "insertProviderAt", java.security.Provider.class, int.class)
                .check(core);
    }
}
