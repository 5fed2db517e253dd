package org.privacykit.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
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

/** Architecture rules for privacy-core's main code, as tests. */
class ArchitectureTest {
    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                // the test helpers (test-support) are on the class path as classes when built with -am
                .withImportOption(location -> !location.contains("/org/privacykit/testsupport/"))
                .importPackages("org.privacykit");
    }

    @Test
    void packages_haveNoCycles() {
        slices().matching("org.privacykit.(*)..").should().beFreeOfCycles().check(core);
    }

    @Test
    void annotations_dependOnNothingElseOfOurs() {
        // every package of ours but annotation itself, so that a new package is covered without a change here
        noClasses().that().resideInAPackage("org.privacykit.annotation")
                .should().dependOnClassesThat(resideInAPackage("org.privacykit..")
                        .and(not(resideInAPackage("org.privacykit.annotation"))))
                .check(core);
    }

    /** The command-line entry points, whose output is the console. */
    private static final String[] COMMANDS = {"org.privacykit.discovery.DiscoveryCommand"};

    @Test
    void libraryCode_neverPrintsToTheConsole() {
        noClasses().that().doNotHaveFullyQualifiedName(COMMANDS[0]).should().accessField(System.class, "out").orShould().accessField(System.class, "err")
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

    /**
     * What the packages users program against may show: no type of the packages that are not API
     * ({@code internal}, {@code spi.engine}), and no handle that reads or writes private state (an
     * accessible {@code Field}, {@code Method} or {@code Constructor}, a {@code MethodHandle}).
     */
    @Test
    void userFacingPackages_exposeNoMechanism() {
        codeUnits().that().arePublic().or().areProtected()
                .and().areDeclaredInClassesThat(USER_FACING)
                .should(notExpose("org.privacykit.internal.", "org.privacykit.spi.engine.",
                        "java.lang.reflect.Field", "java.lang.reflect.Method", "java.lang.reflect.Constructor",
                        "java.lang.reflect.AccessibleObject", "java.lang.reflect.Executable", "java.lang.invoke."))
                .check(core);
    }

    /** The packages of core that build on the SPI engine (the anonymizer and rectification copy objects with it). */
    private static final String[] ENGINE_USERS = {"org.privacykit.anonymize..", "org.privacykit.requests.."};

    /** Only core's own packages use {@code internal}; the SPI engine builds on it, never the other way. */
    @Test
    void internal_dependsOnNoUserFacingMechanismAndEngineIsUsedByNoUserFacingModel() {
        noClasses().that().resideInAPackage("org.privacykit.internal..")
                .should().dependOnClassesThat().resideInAPackage("org.privacykit.spi.engine..")
                .check(core);
        // the engine's users are named, every other package (a new one too) is kept away from it
        noClasses().that().resideOutsideOfPackages("org.privacykit.spi.engine..", ENGINE_USERS[0], ENGINE_USERS[1])
                .should().dependOnClassesThat().resideInAPackage("org.privacykit.spi.engine..")
                .check(core);
    }

    /** Public classes of the packages users program against: every package but the mechanisms'. */
    static final DescribedPredicate<JavaClass> USER_FACING = new DescribedPredicate<>("are user-facing") {
        @Override
        public boolean test(JavaClass type) {
            String name = type.getPackageName();
            return type.getModifiers().contains(JavaModifier.PUBLIC)
                    && !name.startsWith("org.privacykit.internal") && !name.startsWith("org.privacykit.spi.engine");
        }
    };

    static ArchCondition<JavaCodeUnit> notExpose(String... typePrefixes) {
        return new ArchCondition<>("not expose " + String.join(", ", typePrefixes) + " in their signature") {
            @Override
            public void check(JavaCodeUnit unit, ConditionEvents events) {
                java.util.List<JavaClass> types = new java.util.ArrayList<>(unit.getRawParameterTypes());
                types.add(unit.getRawReturnType());
                types.addAll(unit.getThrowsClause().getTypes());
                for (JavaClass type : types) {
                    JavaClass t = type.isArray() ? type.getBaseComponentType() : type;
                    for (String prefix : typePrefixes) {
                        if (t.getName().startsWith(prefix)) {
                            events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " exposes " + t.getName()));
                        }
                    }
                }
            }
        };
    }
}
