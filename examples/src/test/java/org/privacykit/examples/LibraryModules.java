package org.privacykit.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The published module an imported class belongs to, read from the {@code module-info.class} at the
 * root of the directory or jar the class came from, so that architecture rules follow the modules'
 * own declarations instead of lists of packages that a new package could miss.
 */
final class LibraryModules {
    private static final Map<String, Optional<ModuleDescriptor>> BY_ROOT = new ConcurrentHashMap<>();

    private LibraryModules() {
    }

    /** The module of a class, or empty when its root holds no module-info (the JDK, a plain jar). */
    static Optional<ModuleDescriptor> of(JavaClass type) {
        if (type.getSource().isEmpty()) {
            return Optional.empty();
        }
        String uri = type.getSource().get().getUri().toString();
        String suffix = type.getName().replace('.', '/') + ".class";
        if (!uri.endsWith(suffix)) {
            return Optional.empty();
        }
        String root = uri.substring(0, uri.length() - suffix.length());
        return BY_ROOT.computeIfAbsent(root, LibraryModules::read);
    }

    /** Whether the module requires a module whose name starts with {@code moduleNamePrefix}. */
    static boolean requires(ModuleDescriptor module, String moduleNamePrefix) {
        return module.requires().stream().anyMatch(r -> r.name().startsWith(moduleNamePrefix));
    }

    /**
     * Reads the module of every class, so that {@link #requiresTransitively} can follow {@code requires
     * transitive} from one of our modules to another.
     */
    static void index(JavaClasses classes) {
        classes.forEach(LibraryModules::of);
    }

    /**
     * Whether the module passes on to its users a module whose name starts with {@code moduleNamePrefix}:
     * it {@code requires transitive} that module, or one of ours that passes it on (implied readability,
     * as the module system grants it).
     */
    static boolean requiresTransitively(ModuleDescriptor module, String moduleNamePrefix) {
        return module.requires().stream()
                .filter(r -> r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE))
                .anyMatch(r -> r.name().startsWith(moduleNamePrefix) || BY_ROOT.values().stream()
                        .flatMap(Optional::stream).filter(ours -> ours.name().equals(r.name()))
                        .anyMatch(ours -> requiresTransitively(ours, moduleNamePrefix)));
    }

    /**
     * Whether the class is a service provider its module declares ({@code provides ... with}): it
     * implements a third-party interface (a Hibernate {@code Integrator}, a Jackson {@code Module}),
     * so that interface's types are in its signatures by necessity, and users never call it.
     */
    static boolean isServiceProvider(JavaClass type) {
        return of(type).map(m -> m.provides().stream().anyMatch(p -> p.providers().contains(type.getName())))
                .orElse(false);
    }

    /** Each dependency on a class of another of our modules targets a package that module exports to this one. */
    static ArchCondition<JavaClass> useOnlyExportedPackagesOfOtherModules() {
        return new ArchCondition<>("use only packages other modules export to theirs") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                Optional<ModuleDescriptor> from = of(type);
                if (from.isEmpty()) {
                    return;
                }
                for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    Optional<ModuleDescriptor> to = target.isArray() ? Optional.empty() : of(target);
                    if (to.isEmpty() || to.get().name().equals(from.get().name())) {
                        continue;
                    }
                    String pkg = target.getPackageName();
                    boolean exported = to.get().exports().stream().anyMatch(e -> e.source().equals(pkg)
                            && (!e.isQualified() || e.targets().contains(from.get().name())));
                    if (!exported) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription() + ": "
                                + to.get().name() + " does not export " + pkg + " to " + from.get().name()));
                    }
                }
            }
        };
    }

    private static Optional<ModuleDescriptor> read(String root) {
        try (InputStream in = URI.create(root + "module-info.class").toURL().openStream()) {
            return Optional.of(ModuleDescriptor.read(in));
        } catch (IOException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("unreadable module-info under " + root, e));
        }
    }
}
