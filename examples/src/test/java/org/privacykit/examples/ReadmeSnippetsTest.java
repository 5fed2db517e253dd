package org.privacykit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every Java snippet of every README is a region of a source file that the build compiles (and
 * mostly runs), so no snippet can drift from the API.
 *
 * <p>In a README, the line before a code fence names its source:
 * <pre>{@code
 * <!-- snippet: examples/src/test/java/org/privacykit/examples/readme/QuickstartSnippets.java#code -->
 * ```java
 * ...
 * }</pre>
 * and in that file the region is marked by lines holding {@code snippet-start code} and
 * {@code snippet-end code} (in a comment of the file's own syntax). A region may come in several
 * parts (imports at the top of the file, then a class, then the body of a method): the README shows
 * them in order, each without its common indentation, separated by one empty line. A fence of any
 * language may carry a marker; a {@code java} fence must. On a mismatch the failure prints the text
 * the README must hold.
 *
 * <p>The READMEs in {@link #NOT_YET_CHECKED} still hold Java snippets without a source; the list can
 * only shrink: a README in it without such a snippet fails the test until it is removed from the list.
 */
class ReadmeSnippetsTest {
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final Pattern FENCE = Pattern.compile("^(\\s*)```(\\w*)\\s*$");
    private static final Pattern MARKER = Pattern.compile("^\\s*<!-- snippet: (\\S+)#(\\S+) -->\\s*$");
    private static final String START = "snippet-start ";
    private static final String END = "snippet-end ";
    /** READMEs whose Java snippets are not regions of compiled sources yet. */
    private static final Set<String> NOT_YET_CHECKED = Set.of("privacy-core/README-anonymize.md",
            "privacy-crypto/README.md", "privacy-jackson/README.md", "privacy-jackson3/README.md", "privacy-jpa/README.md",
            "privacy-logback/README.md", "privacy-spring-boot3-starter/README.md", "privacy-test/README.md");
    private static final Pattern ANNOTATION_ROW = Pattern.compile("^\\| `@(\\w+)\\(([^)]*)\\)` \\|");
    private static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+?)(\\.\\*)?;$");
    private static final Pattern PROCESS_WORDS = Pattern.compile(
            "(?i)\\b(this|that|last|previous|next|the) stop('s)?\\b|\\bstops? (ago|before)\\b|\\bstop before's\\b"
                    + "|\\b(this|that|previous|last|next) session\\b");
    private static final Pattern FIGURE = Pattern.compile("\\d ns\\b|MiB/s|docs/s|ops/s");
    private static final Pattern DATE = Pattern.compile("\\b20\\d\\d-\\d\\d-\\d\\d\\b");
    private static final Pattern MACHINE = Pattern.compile("\\d-core\\b");
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([\\w.-]+)</artifactId>");

    @Test
    void everyJavaSnippet_isACompiledRegion_andReadsExactlyAsItsSource() throws IOException {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path readme : readmes()) {
            String name = ROOT.relativize(readme).toString().replace('\\', '/');
            boolean unchecked = false;
            List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher fence = FENCE.matcher(lines.get(i));
                if (!fence.matches() || fence.group(2).isEmpty()) {
                    continue;
                }
                int close = closingFence(lines, i, fence.group(1));
                String where = ROOT.relativize(readme) + ":" + (i + 1);
                Matcher marker = i > 0 ? MARKER.matcher(lines.get(i - 1)) : null;
                if (marker == null || !marker.matches()) {
                    if (fence.group(2).equals("java") && NOT_YET_CHECKED.contains(name)) {
                        unchecked = true;
                    } else if (fence.group(2).equals("java")) {
                        problems.add(where + ": a Java snippet without a <!-- snippet: path#region --> line before it");
                    }
                    i = close;
                    continue;
                }
                String shown = dedent(lines.subList(i + 1, close), fence.group(1).length());
                String source;
                try {
                    source = region(ROOT.resolve(marker.group(1)), marker.group(2));
                } catch (IllegalArgumentException | UncheckedIOException e) {
                    problems.add(where + ": " + e.getMessage());
                    i = close;
                    continue;
                }
                if (!shown.equals(source)) {
                    problems.add(where + ": differs from " + marker.group(1) + "#" + marker.group(2)
                            + "; the README must read:\n" + source);
                }
                checked++;
                i = close;
            }
            if (NOT_YET_CHECKED.contains(name) && !unchecked) {
                problems.add(name + ": every Java snippet is checked now; remove it from NOT_YET_CHECKED");
            }
        }
        assertThat(problems).as("README snippets").isEmpty();
        assertThat(checked).as("snippets checked").isGreaterThan(0);
    }

    /**
     * The root README's annotation table names each annotation's elements as they are declared
     * ({@code @PersonalData(value, ...)}, not a name the annotation does not have).
     */
    @Test
    void annotationTable_namesOnlyElementsTheAnnotationsDeclare() throws Exception {
        List<String> problems = new ArrayList<>();
        int rows = 0;
        for (String line : Files.readAllLines(ROOT.resolve("README.md"), StandardCharsets.UTF_8)) {
            Matcher row = ANNOTATION_ROW.matcher(line);
            if (!row.find()) {
                continue;
            }
            rows++;
            Class<?> annotation = Class.forName("org.privacykit.annotation." + row.group(1));
            for (String element : row.group(2).split(",")) {
                String trimmed = element.strip();
                if (trimmed.startsWith("\"")) {
                    continue;                       // @Sensitive("reason"): an example value of value()
                }
                try {
                    annotation.getMethod(trimmed);
                } catch (NoSuchMethodException e) {
                    problems.add("@" + row.group(1) + " has no element " + trimmed);
                }
            }
        }
        assertThat(rows).as("annotation rows in README.md").isGreaterThanOrEqualTo(5);
        assertThat(problems).isEmpty();
    }

    /**
     * The Quickstart's dependency list builds the Quickstart's code: every class the Quickstart
     * imports comes from an artifact the list names, or from a dependency of a privacy-kit module it
     * names (Jackson's databind through privacy-jackson).
     */
    @Test
    void quickstartDependencies_provideEveryImportOfTheQuickstart() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        String quickstart = readme.substring(readme.indexOf("## Quickstart"));
        String dependencies = quickstart.substring(quickstart.indexOf("```xml"), quickstart.indexOf("```", 
                quickstart.indexOf("```xml") + 6));
        Set<String> provided = new TreeSet<>();
        Matcher artifact = ARTIFACT.matcher(dependencies);
        while (artifact.find()) {
            provided.add(artifact.group(1));
            Path modulePom = ROOT.resolve(artifact.group(1)).resolve("pom.xml");
            if (Files.exists(modulePom)) {
                String pom = Files.readString(modulePom, StandardCharsets.UTF_8);
                for (String dependency : pom.split("<dependency>")) {
                    Matcher id = ARTIFACT.matcher(dependency);
                    if (!dependency.contains("<scope>") && !dependency.contains("<optional>true") && id.find()) {
                        provided.add(id.group(1));
                    }
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (String line : region(ROOT.resolve(QUICKSTART), "quickstart").split("\n")) {
            Matcher imported = IMPORT.matcher(line.strip());
            if (!imported.matches() || imported.group(2).startsWith("java.")) {
                continue;
            }
            String name = imported.group(2);
            if (imported.group(1) != null && imported.group(3) == null) {
                name = name.substring(0, name.lastIndexOf('.'));     // a static member's class
            }
            String from = artifactOf(Class.forName(name));
            if (!provided.contains(from)) {
                missing.add(imported.group(2) + " (" + from + ")");
            }
        }
        assertThat(missing).as("imports whose artifact the Quickstart's list lacks; it names " + provided).isEmpty();
    }

    /**
     * The READMEs speak to users about the project: no word of how its work was organised ("this
     * stop", "two stops ago", sessions), and a README that quotes a measured figure says when and on
     * what machine it was measured (a date and an "N-core" machine).
     */
    @Test
    void readmes_speakOfTheProjectOnly_andDateTheirFigures() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path readme : readmes()) {
            String text = Files.readString(readme, StandardCharsets.UTF_8);
            String name = ROOT.relativize(readme).toString();
            Matcher process = PROCESS_WORDS.matcher(text);
            while (process.find()) {
                problems.add(name + ": \"" + process.group() + "\" speaks of how the work was done, not of the project");
            }
            if (FIGURE.matcher(text).find()
                    && !(DATE.matcher(text).find() && MACHINE.matcher(text).find())) {
                problems.add(name + ": quotes measured figures without their date and machine (\"N-core\")");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void region_joinsItsPartsWithoutTheirIndentation() throws IOException {
        Path file = Files.createTempFile("snippet", ".java");
        try {
            Files.writeString(file, String.join("\n", "// snippet-start x", "import a.B;", "// snippet-end x",
                    "class C {", "    void m() {", "        // snippet-start x", "        B b = new B();",
                    "", "            b.run();", "        // snippet-end x", "    }", "}"));
            assertThat(region(file, "x")).isEqualTo("import a.B;\n\nB b = new B();\n\n    b.run();");
            assertThat(catchMessage(() -> region(file, "y"))).contains("no region y");
        } finally {
            Files.delete(file);
        }
    }

    private static final String QUICKSTART = "examples/src/test/java/org/privacykit/examples/QuickstartTest.java";

    /** The artifact a class is loaded from: a reactor module's directory, or a jar's artifact id. */
    private static String artifactOf(Class<?> type) throws Exception {
        Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        // .../<artifactId>/<version>/<artifactId>-<version>.jar, or <module>/target/classes
        return location.getParent().getParent().getFileName().toString();
    }

    /** Every README*.md of the repository, outside build output. */
    private static List<Path> readmes() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().matches("README.*\\.md"))
                    .filter(p -> {
                        String relative = ROOT.relativize(p).toString();
                        return !relative.contains("target/") && !relative.startsWith(".")
                                && !relative.contains("/.") && !relative.contains("node_modules");
                    })
                    .sorted().toList();
            assertThat(found).isNotEmpty();
            return found;
        }
    }

    private static int closingFence(List<String> lines, int open, String indent) {
        for (int j = open + 1; j < lines.size(); j++) {
            if (lines.get(j).strip().equals("```")) {
                return j;
            }
        }
        throw new AssertionError("unclosed code fence at line " + (open + 1) + " (indent '" + indent + "')");
    }

    /** The named region of a source file: its parts in order, each dedented, joined by an empty line. */
    static String region(Path file, String name) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (isMarker(lines.get(i), START, name)) {
                int end = i + 1;
                while (end < lines.size() && !isMarker(lines.get(end), END, name)) {
                    end++;
                }
                if (end == lines.size()) {
                    throw new IllegalArgumentException(file + ": region " + name + " has no snippet-end");
                }
                parts.add(dedent(lines.subList(i + 1, end), Integer.MAX_VALUE));
                i = end;
            }
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException(file + ": no region " + name);
        }
        return String.join("\n\n", parts);
    }

    private static boolean isMarker(String line, String kind, String name) {
        int at = line.indexOf(kind);
        return at >= 0 && line.substring(at + kind.length()).strip().replaceAll("\\s*(-->|\\*/)$", "").equals(name);
    }

    /** The lines without trailing blanks and without their common indentation (at most {@code limit}). */
    private static String dedent(List<String> lines, int limit) {
        int indent = limit;
        for (String line : lines) {
            if (!line.isBlank()) {
                indent = Math.min(indent, line.length() - line.stripLeading().length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            String kept = line.isBlank() ? "" : line.substring(Math.min(indent, line.length())).stripTrailing();
            out.append(kept).append('\n');
        }
        return out.toString().strip().isEmpty() ? "" : out.toString().replaceAll("\\n+$", "");
    }

    private static String catchMessage(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            return e.getMessage();
        }
        throw new AssertionError("no exception");
    }
}
