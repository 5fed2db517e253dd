package org.privacykit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code privacy} command: {@code anonymize}, {@code risk}, {@code detect} and {@code mask-json}.
 * Exit codes: {@value #OK} success, {@value #USAGE} bad options, {@value #BAD_INPUT} bad input data (a
 * missing column, a value absent from its hierarchy, malformed JSON), {@value #IO} a file that cannot be
 * read or written. Errors are one line on standard error naming the file, column, row and reason,
 * never a value of the input.
 */
@Command(name = "privacy", mixinStandardHelpOptions = true, versionProvider = Version.class,
        subcommands = {AnonymizeCommand.class, RiskCommand.class, DetectCommand.class, MaskJsonCommand.class},
        description = "Anonymize and assess CSV files, find PII in text, mask JSON.")
public final class PrivacyCli implements Runnable {
    /** Success. */
    public static final int OK = 0;
    /** Bad options (picocli's own code for them). */
    public static final int USAGE = 2;
    /** Input data the command cannot process. */
    public static final int BAD_INPUT = 3;
    /** A file that cannot be read or written. */
    public static final int IO = 4;

    private final InputStream stdin;

    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before run()
    private CommandLine.Model.CommandSpec spec;

    PrivacyCli(InputStream stdin) {
        this.stdin = stdin;
    }

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        CommandLine cli = commandLine(System.in);
        cli.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        System.exit(cli.execute(args));
    }

    /** The command line with its error handling, reading standard input from {@code stdin}. */
    static CommandLine commandLine(InputStream stdin) {
        CommandLine cli = new CommandLine(new PrivacyCli(stdin));
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine commandLine = e.getCommandLine();
            PrintWriter err = commandLine.getErr();
            err.println(commandLine.getCommandSpec().qualifiedName() + ": " + message(e)
                    + " (see --help)");
            err.flush();
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            PrintWriter err = commandLine.getErr();
            err.println(commandLine.getCommandName() + ": " + message(e));
            err.flush();
            return exitCode(e);
        });
        return cli;
    }

    InputStream stdin() {
        return stdin;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    private static int exitCode(Exception e) {
        return e instanceof IOException || e instanceof UncheckedIOException ? IO : BAD_INPUT;
    }

    /** A one-line message: the exception's own, which the library keeps free of values. */
    static String message(Exception e) {
        Throwable t = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
        if (t instanceof NoSuchFileException n) {
            return "no such file: " + n.getFile();
        }
        if (t instanceof AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        String message = t.getMessage();
        String text = message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
        return text.replace('\n', ' ').replace('\r', ' ');
    }
}
