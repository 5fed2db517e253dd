package org.privacykit.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;

/** One run of the command line in this JVM: its exit code, standard output and standard error. */
record CliRun(int exitCode, String out, String err) {
    static CliRun withInput(String stdin, String... args) {
        CommandLine cli = PrivacyCli.commandLine(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    static CliRun of(String... args) {
        return withInput("", args);
    }
}
