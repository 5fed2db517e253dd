package org.privacykit.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
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
    /** Third-party packages our modules use, each with the prefix of its modules' names. */
    private static final java.util.Map<String, String> THIRD_PARTY = java.util.Map.of(
            "com.fasterxml.jackson.", "com.fasterxml.jackson", "tools.jackson.", "tools.jackson",
            "org.junit.", "org.junit", "org.bouncycastle.", "org.bouncycastle", "org.springframework.", "spring.",
            "jakarta.persistence.", "jakarta.persistence", "org.hibernate.", "org.hibernate",
            "ch.qos.logback.", "ch.qos.logback", "jakarta.servlet.", "jakarta.servlet", "org.slf4j.", "org.slf4j");

    private static JavaClasses library;

    @BeforeAll
    static void importLibrary() {
        library = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/org/privacykit/examples/")
                        && !location.contains("/org/privacykit/benchmarks/"))
                .importPackages("org.privacykit");
        LibraryModules.index(library);
    }

    @Test
    void publicSignatures_neverExposeBouncyCastle() {
        publicApi().should(notMention("org.bouncycastle.")).check(library);
    }

    /**
     * A third-party type shows in a public signature only where the module passes that dependency on
     * to its users ({@code requires transitive} in its module-info): Jackson in the Jackson and
     * Logback modules, JUnit in the test kit, BouncyCastle nowhere. Read from each module's
     * descriptor, so a new module or package is covered without a change here.
     */
    @Test
    void publicSignatures_exposeThirdPartyTypesOnlyWhereTheModuleRequiresThemTransitively() {
        THIRD_PARTY.forEach((packagePrefix, modulePrefix) -> publicApi(type -> !LibraryModules.isServiceProvider(type)
                        && LibraryModules.of(type).map(m -> !LibraryModules.requiresTransitively(m, modulePrefix))
                                .orElse(true))
                .should(notMention(packagePrefix)).check(library));
    }

    /**
     * A module that does not require Jackson 2 ({@code com.fasterxml.jackson}) or Jackson 3
     * ({@code tools.jackson}) never touches it (core, crypto, and every new such module).
     */
    @Test
    void modulesWithoutJackson_neverDependOnJackson() {
        java.util.Map.of("com.fasterxml.jackson", "com.fasterxml..", "tools.jackson", "tools.jackson..").forEach((module, pkg) ->
                noClasses().that(new DescribedPredicate<JavaClass>("are in a module that does not require " + module) {
                            @Override
                            public boolean test(JavaClass type) {
                                return LibraryModules.of(type).map(m -> !LibraryModules.requires(m, module))
                                        .orElse(false);
                            }
                        })
                        .should().dependOnClassesThat().resideInAPackage(pkg)
                        .check(library));
    }

    /**
     * Between our modules a class uses only what the other module exports to it, as the module
     * system would enforce on the module path (the tests run on the class path): {@code internal}
     * stays inside core, {@code spi.engine} reaches only the modules core exports it to.
     */
    @Test
    void crossModuleDependencies_useOnlyExportedPackages() {
        classes().should(LibraryModules.useOnlyExportedPackagesOfOtherModules()).check(library);
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
        // the command-line entry points, whose output is the console
        noClasses().that().doNotHaveFullyQualifiedName("org.privacykit.discovery.DiscoveryCommand")
                .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
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

    /** Public and protected members of public classes whose class passes {@code where}. */
    private static com.tngtech.archunit.lang.syntax.elements.GivenCodeUnitsConjunction publicApi(
            java.util.function.Predicate<JavaClass> where) {
        return codeUnits().that().arePublic().or().areProtected()
                .and().areDeclaredInClassesThat(new DescribedPredicate<JavaClass>("are public API") {
                    @Override
                    public boolean test(JavaClass type) {
                        return type.getModifiers().contains(JavaModifier.PUBLIC)
                                && !type.getPackageName().contains(".internal")
                                && !type.getPackageName().startsWith("org.privacykit.spi.engine") && where.test(type);
                    }
                });
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
