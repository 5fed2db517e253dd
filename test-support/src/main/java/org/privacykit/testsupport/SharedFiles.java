package org.privacykit.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.opentest4j.TestAbortedException;

/**
 * Finds the files that tests read from {@code shared/} beside the project (Wycheproof vectors, the
 * UCI Adult data), which are never copied into the repository. On a developer's clone without
 * {@code shared/}, a test that needs one skips with a message naming the file; under CI
 * ({@code CI=true}, which {@code .ci/run} sets) a missing file fails the test instead, so known-answer
 * and data tests cannot silently stop running.
 *
 * <p>The directory is the system property {@code shared.dir} when set (surefire sets it to
 * {@code ../shared} from the project root), else {@code ../shared} or {@code ../../shared} from the
 * working directory's project root, the first that exists.
 */
public final class SharedFiles {

    /** The environment variable CI services (and {@code .ci/run}) set to {@code true}. */
    public static final String CI_VARIABLE = "CI";

    private SharedFiles() {
    }

    /**
     * Returns a file under {@code shared/}, or skips the calling test when it is absent (fails it under CI).
     *
     * @param relative the path under {@code shared/}, such as {@code testvectors/wycheproof/aes_gcm_test.json}
     * @return the file
     * @throws TestAbortedException when the file is absent outside CI (JUnit reports the test as skipped)
     * @throws AssertionError when the file is absent under CI
     */
    public static Path require(String relative) {
        return require(candidates(System.getProperty("shared.dir")), relative, isCi(System.getenv(CI_VARIABLE)));
    }

    /**
     * Returns {@code relative} under the first existing directory of {@code roots}, or skips or fails.
     *
     * @param roots the directories that may hold {@code shared/}'s content, in order
     * @param relative the path under it
     * @param ci whether the build runs under CI, where a missing file is a failure
     * @return the file
     */
    static Path require(List<Path> roots, String relative, boolean ci) {
        for (Path root : roots) {
            Path file = root.resolve(relative);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        String message = "shared test file absent: " + relative + " (looked under " + roots
                + "; set -Dshared.dir=/path/to/shared)";
        if (ci) {
            throw new AssertionError(message + ". Under CI=true a missing file fails the build: CI must run the"
                    + " known-answer and data tests, not skip them.");
        }
        throw new TestAbortedException(message + "; skipping (under CI=true this fails)");
    }

    static boolean isCi(@Nullable String value) {
        return value != null && value.equalsIgnoreCase("true");
    }

    private static List<Path> candidates(@Nullable String property) {
        List<Path> roots = new ArrayList<>();
        if (property != null && !property.isBlank()) {
            roots.add(Path.of(property));
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int up = 0; up < 4 && dir != null; up++, dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                Path parent = dir.getParent();
                if (parent != null) {
                    roots.add(parent.resolve("shared"));
                    Path grandparent = parent.getParent();
                    if (grandparent != null) {
                        roots.add(grandparent.resolve("shared"));
                    }
                }
                break;
            }
        }
        return roots;
    }
}
