package org.privacykit.cli;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.privacykit.dataset.Dataset;
import org.privacykit.dataset.hierarchy.Hierarchy;
import org.privacykit.dataset.io.CsvReader;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What the table commands share: the CSV file, its delimiter, and the columns' roles and hierarchies. */
final class TableOptions {
    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file with a header line; - reads standard input.")
    @SuppressWarnings("NullAway.Init") // required positional parameter, set by picocli
    private String input;

    @Option(names = "--delimiter", paramLabel = "CHAR", defaultValue = ",",
            description = "The field delimiter (default: ${DEFAULT-VALUE}); \\t for a tab.")
    private String delimiter = ",";

    @Option(names = "--qi", paramLabel = "COLUMN", split = ",", required = true,
            description = "The quasi-identifiers, comma-separated.")
    private List<String> quasiIdentifiers = new ArrayList<>();

    @Option(names = "--sensitive", paramLabel = "COLUMN", description = "The sensitive attribute.")
    private @Nullable String sensitive;

    @Option(names = "--hierarchy", paramLabel = "COLUMN=FILE",
            description = "A generalization hierarchy in CSV (value;level1;...;*), repeatable.")
    private Map<String, Path> hierarchies = new LinkedHashMap<>();

    char delimiter() {
        String d = delimiter.equals("\\t") ? "\t" : delimiter;
        if (d.length() != 1) {
            throw new IllegalArgumentException("--delimiter must be one character; got " + d.length());
        }
        return d.charAt(0);
    }

    String input() {
        return input;
    }

    boolean hasSensitive() {
        return sensitive != null;
    }

    /** Reads the table with its roles and hierarchies. */
    Dataset read(PrivacyCli root) throws IOException {
        Dataset.Builder rows;
        CsvReader reader = CsvReader.builder().delimiter(delimiter()).build();
        if (input.equals("-")) {
            Reader in = new InputStreamReader(root.stdin(), StandardCharsets.UTF_8);
            rows = reader.read(in);
        } else {
            rows = reader.read(Path.of(input));
        }
        rows.quasiIdentifiers(quasiIdentifiers.toArray(String[]::new));
        if (sensitive != null) {
            rows.sensitiveAttribute(sensitive);
        }
        for (Map.Entry<String, Path> h : hierarchies.entrySet()) {
            Hierarchy hierarchy;
            try {
                hierarchy = Hierarchy.fromCsv(h.getValue());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("hierarchy " + h.getValue() + ": " + PrivacyCli.message(e), e);
            }
            rows.hierarchy(h.getKey(), hierarchy);
        }
        return rows.build();
    }
}
