package org.privacykit.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.security.Security;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Architecture rules over every published module, checked where all of them are on the class path:
 * no third-party type in a public signature the user did not choose, no cycles, no console output,
 * no predictable randomness, no global JCA provider.
 */
class LibraryArchitectureTest {
    private static final String[] CORE_PACKAGES = {"org.privacykit.annotation..", "org.privacykit.anonymize..",
        "org.privacykit.audit..", "org.privacykit.dataset..", "org.privacykit.detect..", "org.privacykit.internal..",
        "org.privacykit.inventory..", "org.privacykit.mask..", "org.privacykit.metadata..", "org.privacykit.pseudonym..",
        "org.privacykit.rights..", "org.privacykit.spi.."};

    private static JavaClasses library;

    @BeforeAll
    static void importLibrary() {
        library = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/org/privacykit/examples/")
                        && !location.contains("/org/privacykit/benchmarks/"))
                .importPackages("org.privacykit");
    }

    @Test
    void publicSignatures_neverExposeBouncyCastle() {
        publicApi().should(notMention("org.bouncycastle.")).check(library);
    }

    @Test
    void publicSignatures_exposeJacksonOnlyInTheJacksonModule() {
        publicApi("org.privacykit.jackson", "org.privacykit.logback", "org.privacykit.spring")
                .should(notMention("com.fasterxml.jackson.")).check(library);
        publicApi("org.privacykit.jackson3", "org.privacykit.spring").should(notMention("tools.jackson.")).check(library);
    }

    @Test
    void publicSignatures_exposeJUnitOnlyInTheTestKit() {
        publicApi("org.privacykit.test").should(notMention("org.junit.")).check(library);
    }

    @Test
    void coreAndCrypto_neverDependOnJackson() {
        noClasses().that().resideInAnyPackage("org.privacykit.annotation..", "org.privacykit.metadata..",
                        "org.privacykit.mask..", "org.privacykit.spi..", "org.privacykit.crypto..",
                        "org.privacykit.inventory..", "org.privacykit.audit..", "org.privacykit.pseudonym..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml..", "tools.jackson..")
                .check(library);
    }

    @Test
    void coreInternals_areUsedOnlyInsideCore() {
        noClasses().that().resideOutsideOfPackages(CORE_PACKAGES)
                .should().dependOnClassesThat().resideInAPackage("org.privacykit.internal..")
                .check(library);
    }

    /** The SPI engine is used only where core's module-info exports it: core, crypto, jpa and the Jackson modules. */
    @Test
    void spiEngine_isUsedOnlyByTheModulesItIsExportedTo() {
        noClasses().that().resideInAnyPackage("org.privacykit.logback..", "org.privacykit.spring..",
                        "org.privacykit.test..")
                .should().dependOnClassesThat().resideInAPackage("org.privacykit.spi.engine..")
                .check(library);
    }

    /**
     * What users program against shows no mechanism: no type of {@code internal} or {@code spi.engine},
     * and no handle on private state ({@code Field}, {@code Method}, {@code Constructor}, method handles).
     */
    @Test
    void publicSignatures_neverExposeMechanisms() {
        publicApi().should(notMention("org.privacykit.internal.")).andShould(notMention("org.privacykit.spi.engine."))
                .andShould(notMention("java.lang.reflect.Field")).andShould(notMention("java.lang.reflect.Method"))
                .andShould(notMention("java.lang.reflect.Constructor")).andShould(notMention("java.lang.invoke."))
                .check(library);
    }

    /** The demo is written as a user writes: through the API only. */
    @Test
    void examples_useTheApiOnly() {
        JavaClasses examples = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.privacykit.examples");
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.privacykit.internal..",
                "org.privacykit.spi.engine..").check(examples);
    }

    @Test
    void packages_haveNoCycles() {
        slices().matching("org.privacykit.(*)..").should().beFreeOfCycles().check(library);
    }

    @Test
    void library_neverPrintsToTheConsole() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .orShould().callMethod(Throwable.class, "printStackTrace")
                .check(library);
    }

    @Test
    void library_neverUsesPredictableRandomness() {
        noClasses().should().dependOnClassesThat().belongToAnyOf(Random.class, ThreadLocalRandom.class,
                SplittableRandom.class).check(library);
    }

    @Test
    void library_neverRegistersAGlobalProvider() {
        noClasses().should().callMethod(Security.class, "addProvider", java.security.Provider.class)
                .orShould().callMethod(Security.class, "insertProviderAt", java.security.Provider.class, int.class)
                .check(library);
    }

    /** Public and protected members of public classes, outside the packages given. */
    private static com.tngtech.archunit.lang.syntax.elements.GivenCodeUnitsConjunction publicApi(
            String... exceptIn) {
        return codeUnits().that().arePublic().or().areProtected()
                .and().areDeclaredInClassesThat(new DescribedPredicate<JavaClass>("are public API") {
                    @Override
                    public boolean test(JavaClass type) {
                        if (!type.getModifiers().contains(JavaModifier.PUBLIC)
                                || type.getPackageName().contains(".internal")
                                || type.getPackageName().startsWith("org.privacykit.spi.engine")) {
                            return false;
                        }
                        for (String excluded : exceptIn) {
                            if (type.getPackageName().startsWith(excluded)) {
                                return false;
                            }
                        }
                        return true;
                    }
                });
    }

    private static ArchCondition<JavaCodeUnit> notMention(String packagePrefix) {
        return new ArchCondition<>("not mention types of " + packagePrefix + " in their signature") {
            @Override
            public void check(JavaCodeUnit unit, ConditionEvents events) {
                boolean exposes = unit.getRawReturnType().getName().startsWith(packagePrefix)
                        || unit.getRawParameterTypes().stream().anyMatch(t -> t.getName().startsWith(packagePrefix))
                        || unit.getThrowsClause().getTypes().stream()
                        .anyMatch(t -> t.getName().startsWith(packagePrefix));
                if (exposes) {
                    events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " exposes " + packagePrefix));
                }
            }
        };
    }
}
