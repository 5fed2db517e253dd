package org.privacykit.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoveryCommandTest {
    @TempDir
    Path dir;

    /** What one run printed and returned. */
    record Run(int status, String out, String err) {
    }

    static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = DiscoveryCommand.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void database_andFiles_giveOneReport_inJsonAndHtml() throws Exception {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        List<String> written;
        try (Connection c = DriverManager.getConnection(url, "sa", "hunter2-db")) {
            written = Fixtures.create(c, "");
            Path csv = dir.resolve("contacts.csv");
            Files.writeString(csv, "phone\n+44 20 7946 0958\n");
            Path json = dir.resolve("out/report.json");
            Path html = dir.resolve("report.html");
            Files.createDirectories(json.getParent());

            Run run = run(Map.of("DB_PASSWORD", "hunter2-db"), "--jdbc", url, "--user", "sa", "--password-env",
                    "DB_PASSWORD", "--inventory", "org.privacykit.discovery", "--csv", csv.toString(), "--sample", "30",
                    "--json", json.toString(), "--html", html.toString());

            assertThat(run.status()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(run.out()).contains("PUBLIC.CUSTOMERS: 30 rows sampled, 10 columns, 6 personal\n",
                    "  UNDECLARED NOTES: found PHONE in 8 of 30\n", "  UNDECLARED FULL_NAME: name suggests NAME\n",
                    "  DECLARED_ENCRYPTED_BUT_CLEAR SSN: found NATIONAL_ID in 30 of 30\n",
                    "contacts.csv: 1 rows sampled, 1 columns, 1 personal\n",
                    "DiscoveryReport[4 tables, 13 columns: ");
            assertThat(Files.readString(json)).startsWith("{\n  \"summary\": {\n    \"tables\": 4,");
            assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>");
            for (String value : written) {
                assertThat(run.out() + Files.readString(json) + Files.readString(html)).doesNotContain(value);
            }
            assertThat(run.out()).doesNotContain("hunter2-db");
        }
    }

    @Test
    void failOnFindings_exitsOne_whenAColumnNeedsAction() throws Exception {
        Path csv = dir.resolve("people.csv");
        Files.writeString(csv, "email\nada@example.org\n");
        Path clean = dir.resolve("plans.csv");
        Files.writeString(clean, "plan\ngold\n");

        assertThat(run(Map.of(), "--csv", csv.toString(), "--fail-on-findings").status()).isEqualTo(DiscoveryCommand.FINDINGS);
        assertThat(run(Map.of(), "--csv", csv.toString()).status()).isZero();
        assertThat(run(Map.of(), "--csv", clean.toString(), "--fail-on-findings").status()).isZero();
    }

    @Test
    void usageErrors_exitTwo_andNeverEchoAValue() {
        Run password = run(Map.of(), "--jdbc", "jdbc:h2:mem:x", "--password", "hunter2");
        assertThat(password.status()).isEqualTo(DiscoveryCommand.USAGE);
        assertThat(password.err()).startsWith("--password is not accepted (the process list shows it): "
                + "use --password-env VARIABLE\nusage: ").doesNotContain("hunter2");
        assertThat(run(Map.of(), "hunter2").err()).startsWith("unknown option (a value)\n");
        assertThat(run(Map.of()).err()).startsWith("nothing to scan: give --jdbc, --csv or --jsonl\n");
        assertThat(run(Map.of(), "--csv").err()).startsWith("--csv needs a value\n");
        assertThat(run(Map.of(), "--csv", "a.csv", "--sample", "many").err()).startsWith("--sample needs a number of rows\n");
        Run missing = run(Map.of(), "--jdbc", "jdbc:h2:mem:x", "--password-env", "NOPE");
        assertThat(missing.status()).isEqualTo(DiscoveryCommand.USAGE);
        assertThat(missing.err()).isEqualTo("the environment variable NOPE is not set\n");
    }

    @Test
    void unreadableSources_exitThree_namingThem() {
        Run noFile = run(Map.of(), "--jsonl", dir.resolve("none.jsonl").toString());
        assertThat(noFile.status()).isEqualTo(DiscoveryCommand.FAILED);
        assertThat(noFile.err()).isEqualTo("file none.jsonl: reading failed (java.nio.file.NoSuchFileException)\n");
        Run noDriver = run(Map.of(), "--jdbc", "jdbc:nosuchdb://host/db?password=hunter2");
        assertThat(noDriver.status()).isEqualTo(DiscoveryCommand.FAILED);
        assertThat(noDriver.err()).startsWith("cannot connect to the database (SQLState ").doesNotContain("hunter2");
    }
}
