package org.privacykit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacykit.dataset.Dataset;
import org.privacykit.dataset.io.CsvReader;

class PrivacyCliTest {
    private static final String PEOPLE = """
            name,age,zip,disease
            Ada,31,94103,flu
            Bob,33,94104,cold
            Cy,35,94105,flu
            Di,52,94710,asthma
            Ed,55,94711,flu
            Flo,58,94712,cold
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void anonymizeWritesTheSameHeaderAndGeneralizedCells() throws IOException {
        Path input = write("people.csv", PEOPLE);
        CliRun run = CliRun.of("anonymize", input.toString(), "--qi", "age,zip", "--k", "3");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).isEqualTo("name,age,zip,disease");
        Dataset release = CsvReader.builder().build().read(new StringReader(run.out())).quasiIdentifiers("age", "zip")
                .build();
        assertThat(release.isKAnonymous(3)).isTrue();
        assertThat(run.err()).contains("read 6 rows, 4 columns").contains("local recoding, k = 3: 2 classes, 0 rows "
                + "suppressed (0.00%), information loss (NCP)");
    }

    @Test
    void anonymizeToAFileWithGlobalRecodingAndHierarchies() throws IOException {
        Path input = write("people.csv", PEOPLE);
        Path zip = write("zip.csv", """
                94103;9410*;941**;*
                94104;9410*;941**;*
                94105;9410*;941**;*
                94710;9471*;947**;*
                94711;9471*;947**;*
                94712;9471*;947**;*
                """);
        Path output = dir.resolve("release.csv");
        CliRun run = CliRun.of("anonymize", input.toString(), "-o", output.toString(), "--qi", "zip", "--k", "3",
                "--method", "global", "--suppression", "0.05", "--hierarchy", "zip=" + zip);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(Files.readAllLines(output)).containsExactly("name,age,zip,disease", "Ada,31,9410*,flu",
                "Bob,33,9410*,cold", "Cy,35,9410*,flu", "Di,52,9471*,asthma", "Ed,55,9471*,flu", "Flo,58,9471*,cold");
        assertThat(run.err()).contains("global recoding, k = 3: 2 classes").contains("levels {zip=1}");
    }

    @Test
    void aSuppressedRowHoldsAStarInEveryQuasiIdentifier() throws IOException {
        Path input = write("people.csv", PEOPLE + "Gus,90,10001,flu\n");
        Path zip = write("zip.csv", """
                94103;9410*;94***;*
                94104;9410*;94***;*
                94105;9410*;94***;*
                94710;9471*;94***;*
                94711;9471*;94***;*
                94712;9471*;94***;*
                10001;1000*;10***;*
                """);
        CliRun run = CliRun.of("anonymize", input.toString(), "--qi", "zip", "--k", "3", "--method", "global",
                "--suppression", "0.2", "--hierarchy", "zip=" + zip);
        assertThat(run.exitCode()).as(run.err()).isZero();
        // Gus alone would break k = 3: his row is suppressed, the others keep a prefix of their zip
        assertThat(run.out().lines()).contains("Gus,90,*,flu");
        assertThat(run.out().lines().skip(1).filter(line -> !line.startsWith("Gus")))
                .hasSize(6).allSatisfy(line -> assertThat(line).matches("\\w+,\\d+,94\\d*\\*+,\\w+"));
        assertThat(run.err()).contains("1 rows suppressed (14.29%)");
    }

    @Test
    void badInputIsOneLineNamingColumnAndRowNeverAValue() throws IOException {
        Path input = write("people.csv", PEOPLE);
        CliRun missing = CliRun.of("anonymize", input.toString(), "--qi", "age,postcode");
        assertThat(missing.exitCode()).isEqualTo(PrivacyCli.BAD_INPUT);
        assertThat(missing.err()).isEqualTo("anonymize: no column 'postcode' in the table" + System.lineSeparator());

        Path zip = write("zip.csv", "94103;941**;*\n94104;941**;*\n");
        CliRun absent = CliRun.of("anonymize", input.toString(), "--qi", "zip", "--hierarchy", "zip=" + zip);
        assertThat(absent.exitCode()).isEqualTo(PrivacyCli.BAD_INPUT);
        assertThat(absent.err()).contains("zip").contains("row 3").doesNotContain("94105").doesNotContain("Cy");
        assertThat(absent.err().lines().filter(line -> line.startsWith("anonymize: "))).containsExactly(
                "anonymize: column 'zip': row 3 holds a value that is absent from its hierarchy");

        CliRun unreadable = CliRun.of("risk", dir.resolve("nowhere.csv").toString(), "--qi", "age");
        assertThat(unreadable.exitCode()).isEqualTo(PrivacyCli.IO);
        assertThat(unreadable.err()).startsWith("risk: no such file: ").contains("nowhere.csv");

        CliRun usage = CliRun.of("anonymize", input.toString());
        assertThat(usage.exitCode()).isEqualTo(PrivacyCli.USAGE);
        assertThat(usage.err()).isEqualTo("privacy anonymize: Missing required option: '--qi=COLUMN' (see --help)"
                + System.lineSeparator());

        CliRun needsSensitive = CliRun.of("anonymize", input.toString(), "--qi", "age", "--l", "2");
        assertThat(needsSensitive.exitCode()).isEqualTo(PrivacyCli.USAGE);
        assertThat(needsSensitive.err()).contains("--l and --t need --sensitive");
    }

    @Test
    void riskOfStandardInput() {
        CliRun run = CliRun.withInput(PEOPLE, "risk", "-", "--qi", "age", "--sensitive", "disease", "--sampling-fraction",
                "0.01");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("rows                        6").contains("equivalence classes         6")
                .contains("k (smallest class)          1").contains("unique rows                 6 (100.00%)")
                .contains("prosecutor risk, average    1.000000").contains("Pitman");
    }

    @Test
    void detectPrintsWhereAndWhatNeverTheText() throws IOException {
        Path text = write("notes.txt", "call me\nwrite to ada.lovelace@example.com today\n");
        CliRun run = CliRun.of("detect", text.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("{\"file\":\"" + text.toString().replace("\\", "\\\\") + "\",\"line\":2,"
                + "\"column\":10,\"length\":24,\"type\":\"EMAIL\"").doesNotContain("lovelace");
        assertThat(run.err()).contains("2 lines scanned, 1 findings");

        CliRun masked = CliRun.withInput("write to ada.lovelace@example.com\n", "detect", "--mask");
        assertThat(masked.exitCode()).isZero();
        assertThat(masked.out()).startsWith("write to ").doesNotContain("lovelace");
    }

    @Test
    void detectRefusesTextThatIsNotUtf8() throws IOException {
        Path file = dir.resolve("latin1.txt");
        Files.write(file, new byte[] {'o', 'k', '\n', 'c', 'a', 'f', (byte) 0xE9, '\n'});
        CliRun run = CliRun.of("detect", file.toString());
        assertThat(run.exitCode()).isEqualTo(PrivacyCli.BAD_INPUT);
        assertThat(run.err()).endsWith("latin1.txt, line 2: not UTF-8 text" + System.lineSeparator())
                .doesNotContain("caf");
    }

    @Test
    void maskJsonMasksKeysAndPathsAndRejectsMalformedInputWithoutQuotingIt() throws IOException {
        CliRun run = CliRun.withInput("{\"email\":\"ada@example.com\",\"id\":7,\"card\":{\"number\":\"4111\"}}", "mask-json",
                "--key", "email", "--path", "$.card.number");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("ada@example.com").doesNotContain("4111").contains("\"id\":7");

        Path broken = write("broken.json", "{\"password\": \"hunter2\" ");
        CliRun bad = CliRun.of("mask-json", "--key", "password", broken.toString());
        assertThat(bad.exitCode()).isEqualTo(PrivacyCli.BAD_INPUT);
        assertThat(bad.err()).contains("broken.json").doesNotContain("hunter2");

        CliRun nothing = CliRun.withInput("{}", "mask-json");
        assertThat(nothing.exitCode()).isEqualTo(PrivacyCli.USAGE);
        assertThat(nothing.err()).contains("say what to mask");
    }

    @Test
    void helpAndVersion() {
        CliRun help = CliRun.of("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("anonymize").contains("risk").contains("detect").contains("mask-json");
        assertThat(CliRun.of("--version").out()).startsWith("privacy-kit ");
    }
}
