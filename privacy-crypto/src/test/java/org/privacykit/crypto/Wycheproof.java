package org.privacykit.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.privacykit.testsupport.SharedFiles;


/**
 * Reads Wycheproof files from {@code shared/testvectors/wycheproof/} (see SharedFiles), and tallies
 * how each case ended so the test can report the counts per file.
 */
final class Wycheproof {
    private static final HexFormat HEX = HexFormat.of();

    private Wycheproof() {
    }

    /** One test case with its group's parameters. */
    record Case(JsonNode group, JsonNode test) {
        int id() {
            return test.get("tcId").asInt();
        }

        byte[] hex(String name) {
            return HEX.parseHex(test.get(name).asText());
        }

        String result() {
            return test.get("result").asText();
        }

        boolean valid() {
            return "valid".equals(result());
        }

        boolean hasFlag(String flag) {
            for (JsonNode f : test.path("flags")) {
                if (f.asText().equals(flag)) {
                    return true;
                }
            }
            return false;
        }

        int[] ints(String name) {
            JsonNode list = test.get(name);
            int[] out = new int[list.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = list.get(i).asInt();
            }
            return out;
        }

        @Override
        public String toString() {
            return "tcId " + id() + " (" + test.path("comment").asText() + ", " + test.path("flags") + ")";
        }
    }

    /** Loads every case of a file; when it is absent, skips the test with a message (fails it under CI=true). */
    static List<Case> load(String file) throws IOException {
        Path path = SharedFiles.require("testvectors/wycheproof/" + file);
        JsonNode root = new ObjectMapper().readTree(path.toFile());
        List<Case> cases = new ArrayList<>();
        for (JsonNode group : root.get("testGroups")) {
            for (JsonNode test : group.get("tests")) {
                cases.add(new Case(group, test));
            }
        }
        if (root.has("numberOfTests") && root.get("numberOfTests").asInt() != cases.size()) {
            throw new IllegalStateException(file + ": numberOfTests says " + root.get("numberOfTests") + ", found " + cases.size());
        }
        return cases;
    }

    /** Counts outcomes by name and prints one line per file (to the test output and target/wycheproof-summary.txt). */
    static final class Tally {
        private static boolean started;
        private final String file;
        private final Map<String, Integer> counts = new TreeMap<>();
        private int total;

        Tally(String file) {
            this.file = file;
        }

        void count(String outcome) {
            counts.merge(outcome, 1, Integer::sum);
            total++;
        }

        int total() {
            return total;
        }

        /** Writes the summary line; the file is started afresh by the first test of each JVM. */
        void report() throws IOException {
            String line = "Wycheproof " + file + ": " + total + " cases ran: " + counts;
            System.out.println(line);
            Path summary = Path.of("target", "wycheproof-summary.txt");
            if (Files.isDirectory(summary.getParent())) {
                synchronized (Tally.class) {
                    if (!started) {
                        Files.deleteIfExists(summary);
                        started = true;
                    }
                    Files.writeString(summary, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
            }
        }
    }
}
