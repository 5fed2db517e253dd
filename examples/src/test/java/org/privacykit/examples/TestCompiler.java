package org.privacykit.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources held in strings against the test class path, with javac alone or with Error
 * Prone and NullAway set up exactly as the build sets them up for main code (the surefire
 * configuration passes the build's {@code errorprone.args} as a system property).
 */
final class TestCompiler {

    /** A source file: its class's binary name and its text. */
    record Source(String className, String text) {
    }

    /** The outcome of one compilation: whether it succeeded, and javac's errors and warnings. */
    record Result(boolean success, List<String> errors, List<String> warnings) {

        String errorText() {
            return String.join("\n", errors);
        }

        @Override
        public String toString() {
            return (success ? "compiled" : "failed") + "\nerrors:\n" + errorText() + "\nwarnings:\n"
                    + String.join("\n", warnings);
        }
    }

    private final List<String> options;

    private TestCompiler(List<String> options) {
        this.options = options;
    }

    /** javac with {@code -Xlint:all}, as the build compiles tests. */
    static TestCompiler javac() {
        return new TestCompiler(List.of("-Xlint:all"));
    }

    /** javac with Error Prone and NullAway, with the arguments the build gives main code. */
    static TestCompiler errorProne() {
        String args = System.getProperty("errorprone.args");
        if (args == null || args.isBlank()) {
            throw new IllegalStateException("the build passes -Derrorprone.args to the tests; run them with Maven");
        }
        return new TestCompiler(List.of("-Xlint:all", "-XDcompilePolicy=simple", "--should-stop=ifError=FLOW",
                "-Xplugin:ErrorProne " + args));
    }

    Result compile(Source... sources) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path out;
        try {
            out = Files.createTempDirectory("test-compiler");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> all = new ArrayList<>(options);
            String classPath = System.getProperty("java.class.path");
            // Error Prone finds its checks (NullAway's among them) on the processor path
            all.addAll(List.of("--release", "17", "-d", out.toString(), "-classpath", classPath,
                    "-processorpath", classPath));
            List<JavaFileObject> units = Arrays.stream(sources).map(TestCompiler::unit).collect(Collectors.toList());
            boolean success = compiler.getTask(null, files, diagnostics, all, null, units).call();
            List<String> errors = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                String where = d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ";
                String line = where + d.getMessage(Locale.ROOT);
                switch (d.getKind()) {
                    case ERROR -> errors.add(line);
                    case WARNING, MANDATORY_WARNING -> warnings.add(line);
                    default -> {
                    }
                }
            }
            return new Result(success, List.copyOf(errors), List.copyOf(warnings));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(out);
        }
    }

    private static JavaFileObject unit(Source source) {
        URI uri = URI.create("string:///" + source.className().replace('.', '/') + JavaFileObject.Kind.SOURCE.extension);
        return new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source.text();
            }
        };
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
