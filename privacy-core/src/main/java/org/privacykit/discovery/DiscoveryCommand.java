package org.privacykit.discovery;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.jspecify.annotations.Nullable;
import org.privacykit.inventory.DataInventory;
import org.privacykit.metadata.RedactedException;

/**
 * Discovery from the command line. The JDBC driver and the classes whose inventory is compared come
 * from the class path:
 *
 * <pre>
 * java -cp privacy-core.jar:slf4j-api.jar:postgresql.jar:app.jar org.privacykit.discovery.DiscoveryCommand \
 *     --jdbc jdbc:postgresql://db/shop --user reader --password-env SHOP_DB_PASSWORD \
 *     --inventory com.example.shop --sample 500 --csv exports/customers.csv --jsonl logs/events.jsonl \
 *     --json discovery.json --html discovery.html --fail-on-findings
 * </pre>
 *
 * <p>The password is read from an environment variable, never from the command line (where {@code ps}
 * shows it). Prints one line per table and a summary, never a value; exits 0, 1 with
 * {@code --fail-on-findings} when a column holds undeclared personal data or declared-encrypted data
 * in clear, 2 on a usage error, 3 when a source cannot be read.
 */
public final class DiscoveryCommand {
    static final int OK = 0;
    static final int FINDINGS = 1;
    static final int USAGE = 2;
    static final int FAILED = 3;

    static final String USAGE_TEXT = """
            usage: DiscoveryCommand [--jdbc URL [--user NAME] [--password-env VARIABLE] [--schema PATTERN] [--tables PATTERN]]
                                    [--csv FILE]... [--jsonl FILE]... [--inventory PACKAGE]... [--sample ROWS]
                                    [--no-examples] [--json FILE] [--html FILE] [--fail-on-findings]
            """;

    private DiscoveryCommand() {
    }

    /**
     * Runs discovery and exits with its status.
     *
     * @param args the arguments (see the class comment)
     */
    public static void main(String[] args) {
        int status = run(args, System.getenv(), System.out, System.err);
        System.out.flush();
        System.exit(status);
    }

    /** Runs discovery; returns the exit status. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(USAGE_TEXT);
            return USAGE;
        }
        Discovery.Builder builder = Discovery.builder().sampleRows(options.sample).maskedExamples(options.examples);
        if (!options.packages.isEmpty()) {
            builder.inventory(DataInventory.scanPackages(options.packages,
                    Thread.currentThread().getContextClassLoader() != null ? Thread.currentThread().getContextClassLoader()
                            : DiscoveryCommand.class.getClassLoader()));
        }
        if (options.schema != null) {
            builder.schema(options.schema);
        }
        if (options.tables != null) {
            builder.tables(options.tables);
        }
        Discovery discovery = builder.build();
        List<DiscoveryReport> reports = new ArrayList<>();
        try {
            if (options.jdbc != null) {
                Properties properties = new Properties();
                if (options.user != null) {
                    properties.setProperty("user", options.user);
                }
                if (options.passwordEnv != null) {
                    String password = env.get(options.passwordEnv);
                    if (password == null) {
                        err.println("the environment variable " + options.passwordEnv + " is not set");
                        return USAGE;
                    }
                    properties.setProperty("password", password);
                }
                try (Connection connection = DriverManager.getConnection(options.jdbc, properties)) {
                    reports.add(discovery.scan(connection));
                } catch (SQLException e) {
                    err.println("cannot connect to the database (SQLState " + e.getSQLState() + ", "
                            + RedactedException.typeOf(e) + ")");
                    return FAILED;
                }
            }
            options.csv.forEach(file -> reports.add(discovery.scanCsv(file)));
            options.jsonl.forEach(file -> reports.add(discovery.scanJsonLines(file)));
        } catch (DiscoveryException e) {
            err.println(e.getMessage());
            return FAILED;
        }
        DiscoveryReport report = DiscoveryReport.combine(reports);
        for (TableReport table : report.tables()) {
            long personal = table.columns().stream().filter(c -> c.verdict() != ColumnReport.Verdict.NONE).count();
            out.println(table.name() + ": " + table.rowsSampled() + " rows sampled, " + table.columns().size()
                    + " columns, " + personal + " personal");
            for (ColumnReport c : table.columns()) {
                if (c.verdict() == ColumnReport.Verdict.UNDECLARED
                        || c.verdict() == ColumnReport.Verdict.DECLARED_ENCRYPTED_BUT_CLEAR) {
                    out.println("  " + c.verdict() + " " + c.name() + ": "
                            + (c.found().isEmpty() ? "name suggests " + c.nameSuggests()
                            : "found " + String.join(", ", c.found().stream()
                            .map(f -> f.type() + " in " + f.values() + " of " + c.sampled()).toList())));
                }
            }
        }
        out.println(report);
        try {
            if (options.json != null) {
                Files.writeString(options.json, report.toJson(), StandardCharsets.UTF_8);
            }
            if (options.html != null) {
                Files.writeString(options.html, report.toHtml(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            err.println("cannot write the report (" + RedactedException.typeOf(e) + ")");
            return FAILED;
        }
        return options.failOnFindings && report.needsAction() ? FINDINGS : OK;
    }

    /** The parsed command line. */
    private static final class Options {
        @Nullable String jdbc;
        @Nullable String user;
        @Nullable String passwordEnv;
        @Nullable String schema;
        @Nullable String tables;
        final List<Path> csv = new ArrayList<>();
        final List<Path> jsonl = new ArrayList<>();
        final List<String> packages = new ArrayList<>();
        int sample = Discovery.DEFAULT_SAMPLE_ROWS;
        boolean examples = true;
        @Nullable Path json;
        @Nullable Path html;
        boolean failOnFindings;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--no-examples" -> o.examples = false;
                    case "--fail-on-findings" -> o.failOnFindings = true;
                    case "--jdbc", "--user", "--password-env", "--schema", "--tables", "--csv", "--jsonl", "--inventory",
                            "--sample", "--json", "--html" -> {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(arg + " needs a value");
                        }
                        o.set(arg, args[++i]);
                    }
                    case "--password" -> throw new IllegalArgumentException(
                            "--password is not accepted (the process list shows it): use --password-env VARIABLE");
                    default -> throw new IllegalArgumentException("unknown option " + (arg.startsWith("-") ? arg : "(a value)"));
                }
            }
            if (o.jdbc == null && o.csv.isEmpty() && o.jsonl.isEmpty()) {
                throw new IllegalArgumentException("nothing to scan: give --jdbc, --csv or --jsonl");
            }
            return o;
        }

        private void set(String option, String value) {
            switch (option) {
                case "--jdbc" -> jdbc = value;
                case "--user" -> user = value;
                case "--password-env" -> passwordEnv = value;
                case "--schema" -> schema = value;
                case "--tables" -> tables = value;
                case "--csv" -> csv.add(Path.of(value));
                case "--jsonl" -> jsonl.add(Path.of(value));
                case "--inventory" -> packages.add(value);
                case "--json" -> json = Path.of(value);
                case "--html" -> html = Path.of(value);
                default -> {
                    try {
                        sample = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--sample needs a number of rows");
                    }
                    if (sample < 1) {
                        throw new IllegalArgumentException("--sample needs at least 1 row");
                    }
                }
            }
        }
    }
}
