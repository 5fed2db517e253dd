package org.privacykit.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.privacykit.annotation.PersonalDataType;
import org.privacykit.detect.PiiDetector;
import org.privacykit.detect.PiiFinding;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code privacy detect}: PII findings in text files, as JSON lines, or the text masked. */
@Command(name = "detect", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Finds personal data in UTF-8 text files (or standard input), line by line.",
            "Prints one JSON object per finding (file, line, column, length, type, confidence; never the text "
                    + "found), or with --mask the text with every finding masked."})
final class DetectCommand implements Callable<Integer> {
    /** Lines between two progress reports on standard error. */
    private static final long PROGRESS_EVERY = 1_000_000;

    @ParentCommand
    @SuppressWarnings("NullAway.Init") // injected by picocli
    private PrivacyCli root;

    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "Text files; none or - reads standard input.")
    private List<String> files = new ArrayList<>();

    @Option(names = "--mask", description = "Print the text with every finding masked instead of the findings.")
    private boolean mask;

    @Option(names = "--types", paramLabel = "TYPE", split = ",", description = "Only these types (default: all "
            + "the detector knows): ${COMPLETION-CANDIDATES}.")
    private List<PersonalDataType> types = new ArrayList<>();

    @Option(names = "--min-confidence", paramLabel = "P", defaultValue = "0.5", description = "Report findings this "
            + "sure or more, from 0 to 1 (default: ${DEFAULT-VALUE}).")
    private double minConfidence = 0.5;

    @Override
    public Integer call() throws IOException {
        PiiDetector.Builder b = PiiDetector.builder().minConfidence(minConfidence);
        if (!types.isEmpty()) {
            b.types(types.get(0), types.subList(1, types.size()).toArray(PersonalDataType[]::new));
        }
        PiiDetector detector = b.build();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        long lines = 0;
        long findings = 0;
        for (String file : InputFiles.orStdin(files)) {
            String name = InputFiles.name(file);
            long lineNumber = 0;
            try (InputStream in = new BufferedInputStream(InputFiles.open(root, file))) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                while (readLine(in, bytes)) {
                    lineNumber++;
                    String line = decode(bytes, name, lineNumber);
                    if (mask) {
                        out.println(detector.mask(line));
                    } else {
                        for (PiiFinding f : detector.detect(line)) {
                            findings++;
                            out.println(json(name, lineNumber, f));
                        }
                    }
                    if (++lines % PROGRESS_EVERY == 0) {
                        err.printf(Locale.ROOT, "%,d lines scanned%n", lines);
                        err.flush();
                    }
                }
            }
        }
        out.flush();
        err.printf(Locale.ROOT, "%,d lines scanned, %,d findings in %d ms%n", lines, findings,
                (System.nanoTime() - start) / 1_000_000);
        err.flush();
        return PrivacyCli.OK;
    }

    /** Reads the bytes of the next line, without its line end; false at the end of the input. */
    private static boolean readLine(InputStream in, ByteArrayOutputStream line) throws IOException {
        line.reset();
        int b = in.read();
        if (b < 0) {
            return false;
        }
        while (b >= 0 && b != '\n') {
            line.write(b);
            b = in.read();
        }
        return true;
    }

    /** Decodes one line as UTF-8, refusing (with its number) a line that is not UTF-8. */
    private static String decode(ByteArrayOutputStream bytes, String name, long line) {
        byte[] raw = bytes.toByteArray();
        int length = raw.length > 0 && raw[raw.length - 1] == '\r' ? raw.length - 1 : raw.length;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(name + ", line " + line + ": not UTF-8 text", e);
        }
    }

    /** One finding as a JSON object: where and what kind, never the text. */
    static String json(String file, long line, PiiFinding finding) {
        return String.format(Locale.ROOT,
                "{\"file\":%s,\"line\":%d,\"column\":%d,\"length\":%d,\"type\":\"%s\",\"detector\":%s,"
                        + "\"confidence\":%.2f}",
                quote(file), line, finding.start() + 1, finding.end() - finding.start(), finding.type().name(),
                quote(finding.detectorId()), finding.confidence());
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
