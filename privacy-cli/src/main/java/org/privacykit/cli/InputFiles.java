package org.privacykit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Files named on the command line, or standard input when none is (or {@code -} is). */
final class InputFiles {
    private InputFiles() {
    }

    /** What to call an input in output and errors. */
    static String name(String file) {
        return file.equals("-") ? "<stdin>" : file;
    }

    /** The inputs: the files, or {@code -} alone. */
    static List<String> orStdin(List<String> files) {
        return files.isEmpty() ? List.of("-") : files;
    }

    /** Opens an input. */
    static InputStream open(PrivacyCli root, String file) throws IOException {
        return file.equals("-") ? root.stdin() : Files.newInputStream(Path.of(file));
    }
}
