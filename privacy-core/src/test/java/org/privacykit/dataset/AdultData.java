package org.privacykit.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.privacykit.dataset.hierarchy.Hierarchy;
import org.privacykit.dataset.io.CsvReader;
import org.privacykit.testsupport.SharedFiles;

/**
 * The UCI Adult data (30,162 rows), read from {@code ../shared/data/adult/adult.csv} beside the
 * repository (never copied into it), and the hierarchies written for it in {@code examples/adult}.
 * Outside CI a test skips with a message when the file is absent; under {@code CI=true} it fails
 * ({@link SharedFiles}).
 */
public final class AdultData {
    /** The eight usual quasi-identifiers. */
    public static final String[] QUASI_IDENTIFIERS = {"age", "workclass", "education", "marital-status", "occupation",
        "race", "sex", "native-country"};
    /** The sensitive attribute. */
    public static final String SENSITIVE = "salary-class";

    private AdultData() {
    }

    /** The repository root: the nearest directory above the working directory holding {@code mvnw}. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** The data file, or a skipped (failed under CI) test when it is absent. */
    public static Path file() {
        return SharedFiles.require("data/adult/adult.csv");
    }

    /** The hierarchy file of an attribute. */
    public static Path hierarchyFile(String attribute) {
        return root().resolve("examples/adult/hierarchy-" + attribute + ".csv");
    }

    /** The hierarchy of an attribute. */
    public static Hierarchy hierarchy(String attribute) {
        try {
            return Hierarchy.fromCsv(hierarchyFile(attribute));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows, with the eight quasi-identifiers and salary sensitive, optionally with hierarchies. */
    public static Dataset dataset(boolean hierarchies) {
        try {
            Dataset.Builder b = CsvReader.builder().delimiter(';').build().read(file())
                    .quasiIdentifiers(QUASI_IDENTIFIERS).sensitiveAttribute(SENSITIVE);
            if (hierarchies) {
                for (String qi : QUASI_IDENTIFIERS) {
                    b.hierarchy(qi, hierarchy(qi));
                }
            }
            return b.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
