package org.privacykit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar, as users run it: {@code java -jar privacy-cli-<version>-all.jar ...} in a child JVM. */
class CliJarIT {
    @TempDir
    Path dir;

    private record Result(int exitCode, String out, String err) {
    }

    private Result run(String stdin, String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("cli.jar", "target/privacy-cli-all.jar"));
        assertThat(jar).as("the shaded jar (built at package)").isRegularFile();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Path in = dir.resolve("in.txt");
        Files.writeString(in, stdin, StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(command).redirectInput(in.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the jar finished").isTrue();
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theJarAnonymizesAFileAndReadsStandardInput() throws Exception {
        Path input = dir.resolve("people.csv");
        Files.writeString(input, "name,age,city\nAda,31,Zürich\nBob,33,Zürich\nCy,39,Zürich\nDi,52,Genève\n"
                + "Ed,55,Genève\nFlo,58,Genève\n", StandardCharsets.UTF_8);
        Result anonymized = run("", "anonymize", input.toString(), "--qi", "age", "--k", "3");
        assertThat(anonymized.exitCode()).as(anonymized.err()).isZero();
        assertThat(anonymized.out()).startsWith("name,age,city").contains("Ada,31-39,Zürich");

        Result detected = run("mail ada@example.com\n", "detect");
        assertThat(detected.exitCode()).as(detected.err()).isZero();
        assertThat(detected.out()).contains("\"type\":\"EMAIL\"").doesNotContain("ada@example.com");
        assertThat(detected.err()).doesNotContain("SLF4J");

        Result bad = run("", "anonymize", input.toString(), "--qi", "postcode");
        assertThat(bad.exitCode()).isEqualTo(PrivacyCli.BAD_INPUT);
        assertThat(bad.err().strip()).isEqualTo("anonymize: no column 'postcode' in the table");

        Result version = run("", "--version");
        assertThat(version.out()).startsWith("privacy-kit ").doesNotContain("development");
    }
}
