package org.privacykit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.privacykit.json.JsonMasker;
import org.privacykit.json.MalformedJsonException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code privacy mask-json}: JSON documents with the values of chosen keys and paths masked. */
@Command(name = "mask-json", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Masks the values of chosen keys and JSONPaths in JSON files (or standard input), "
                + "keeping the rest byte for byte; one output document per input, each on its own line end."})
final class MaskJsonCommand implements Callable<Integer> {
    @ParentCommand
    @SuppressWarnings("NullAway.Init") // injected by picocli
    private PrivacyCli root;

    @CommandLine.Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "JSON files; none or - reads standard input.")
    private List<String> files = new ArrayList<>();

    @Option(names = "--key", paramLabel = "KEY", split = ",", description = "Mask the value of every member with "
            + "this key, at any depth (case-insensitive), repeatable.")
    private List<String> keys = new ArrayList<>();

    @Option(names = "--path", paramLabel = "JSONPATH", description = "Mask what this JSONPath selects, such as "
            + "$.customer.email or $..card, repeatable.")
    private List<String> paths = new ArrayList<>();

    @Option(names = "--allow-key", paramLabel = "KEY", split = ",", description = "Allow-list mode: keep only "
            + "these keys' values, mask every other value, repeatable.")
    private List<String> allowKeys = new ArrayList<>();

    @Option(names = "--keep-types", description = "Masked numbers and booleans stay numbers and booleans.")
    private boolean keepTypes;

    @Override
    public Integer call() throws IOException {
        if (keys.isEmpty() && paths.isEmpty() && allowKeys.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "say what to mask: --key, --path or --allow-key");
        }
        JsonMasker.Builder b = JsonMasker.builder().keepValueTypes(keepTypes);
        if (!keys.isEmpty()) {
            b.maskKeys(keys.toArray(String[]::new));
        }
        for (String path : paths) {
            b.maskPath(path);
        }
        if (!allowKeys.isEmpty()) {
            b.allowKeys(allowKeys.toArray(String[]::new));
        }
        JsonMasker masker;
        try {
            masker = b.build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), PrivacyCli.message(e), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        for (String file : InputFiles.orStdin(files)) {
            byte[] json;
            try (InputStream in = InputFiles.open(root, file)) {
                json = in.readAllBytes();
            }
            try {
                String masked = new String(masker.mask(json), StandardCharsets.UTF_8);
                out.print(masked);
                if (!masked.endsWith("\n")) {
                    out.println();
                }
            } catch (MalformedJsonException e) {
                throw new IllegalArgumentException(InputFiles.name(file) + ": " + PrivacyCli.message(e), e);
            }
        }
        out.flush();
        return PrivacyCli.OK;
    }
}
