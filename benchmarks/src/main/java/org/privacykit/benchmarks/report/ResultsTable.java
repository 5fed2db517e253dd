package org.privacykit.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jspecify.annotations.Nullable;
import org.privacykit.benchmarks.report.Row.Ref;
import org.privacykit.benchmarks.report.Row.Target;
import org.privacykit.benchmarks.report.Row.Unit;

/**
 * Renders the README's performance table from JMH's JSON results, and parses such a table back.
 *
 * <p>{@code benchmarks/run} calls {@link #main} with the run's environment file and the JSON files
 * of its JMH runs. Each figure is the mean over every measured iteration of every fork, followed by
 * the lowest and highest fork mean; each ratio divides two figures of the same run. {@link #parse}
 * reads a table back and checks that its ratios follow from its figures and its marks from its
 * targets, so that a table edited by hand fails {@code ResultsTableTest}.
 */
public final class ResultsTable {
    /** The README lines between which the table is pasted. */
    public static final String BEGIN = "<!-- benchmarks:begin -->";
    /** See {@link #BEGIN}. */
    public static final String END = "<!-- benchmarks:end -->";

    static final String HEADER = "| hot path | privacy-kit | anchor | ours ÷ anchor | target |";
    static final String RULE = "| --- | --- | --- | --- | --- |";
    private static final String MET = "✓";
    private static final String MISSED = "✗";
    private static final String NONE = "–";
    /** A printed ratio may differ from the quotient of two printed (rounded) figures by this much. */
    private static final double RATIO_TOLERANCE = 0.02;

    private static final Pattern HEADING = Pattern.compile(
            "Measured (\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC) on a (\\d+)-core (.+), load average (\\d+\\.\\d+) at start;"
                    + " JDK (\\S+) \\((.+)\\), JMH (\\S+); (.+)\\.");
    private static final Pattern FIGURE = Pattern.compile(
            "(?:(?<name>.+) )?(?<mean>[\\d,.]+) (?<unit>\\S+) \\((?<low>[\\d,.]+)–(?<high>[\\d,.]+)\\)");
    private static final Pattern RATIO = Pattern.compile("(\\d+\\.\\d{2})x");
    private static final Pattern TARGET = Pattern.compile("(≤|≥) ([\\d.]+) ?(x|MiB/s) (" + MET + "|" + MISSED + ")");

    private ResultsTable() {
    }

    /**
     * A rendered table.
     *
     * @param heading the line above the table: when, where and how it was measured
     * @param lines   its rows
     */
    public record Table(String heading, List<Line> lines) {

        /** @return the Markdown text (without the markers) */
        public String render() {
            StringBuilder out = new StringBuilder(heading).append("\n\n").append(HEADER).append('\n')
                    .append(RULE).append('\n');
            for (Line line : lines) {
                out.append("| ").append(line.path()).append(" | ").append(figure("", line.ours(), line.unit()))
                        .append(" | ")
                        .append(line.anchor() == null ? NONE : figure(line.anchorName(), line.anchor(), line.unit()))
                        .append(" | ").append(Double.isNaN(line.ratio()) ? NONE : ratio(line.ratio()))
                        .append(" | ").append(line.target() == null ? "" : target(line)).append(" |\n");
            }
            return out.toString();
        }
    }

    /**
     * One rendered row.
     *
     * @param path       the hot path
     * @param ours       privacy-kit's figure
     * @param anchorName the anchor
     * @param anchor     its figure, or null
     * @param unit       the unit of both
     * @param ratio      ours ÷ anchor as printed (NaN without an anchor)
     * @param target     the target, or null
     */
    public record Line(String path, Figure ours, String anchorName, @Nullable Figure anchor, Unit unit, double ratio,
            @Nullable Target target) {

        /** @return whether the printed figures meet the target (false without one) */
        public boolean meetsTarget() {
            return target != null && target.isMet(ours.mean(), ratio);
        }
    }

    /**
     * Prints the table, or with {@code --readme FILE} first, writes it between the markers of FILE.
     *
     * @param args {@code [--readme FILE] ENV_PROPERTIES RESULT.json...}
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("--jmh-args")) {
            System.out.println(String.join(" ", jmhArguments(TableRows.ROWS, Pattern.compile(args[1]))));
            return;
        }
        int first = 0;
        Path readme = null;
        if (args.length > 1 && args[0].equals("--readme")) {
            readme = Path.of(args[1]);
            first = 2;
        }
        if (args.length - first < 2) {
            System.err.println("usage: ResultsTable [--readme README.md] env.properties result.json...");
            System.exit(2);
        }
        Properties env = new Properties();
        try (var in = Files.newBufferedReader(Path.of(args[first]), StandardCharsets.UTF_8)) {
            env.load(in);
        }
        List<JsonNode> results = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (int i = first + 1; i < args.length; i++) {
            json.readTree(Path.of(args[i]).toFile()).forEach(results::add);
        }
        String text = of(env, results, TableRows.ROWS).render();
        if (readme != null) {
            Files.writeString(readme, replaceBetweenMarkers(Files.readString(readme), text));
        }
        System.out.print(text);
    }

    /**
     * The JMH arguments that run exactly the table's benchmark methods of some classes.
     *
     * @param rows    the table's rows
     * @param classes which benchmark classes (a regular expression on the simple name)
     * @return the include pattern, then {@code -p name=value,...} for each parameter the rows name
     */
    static List<String> jmhArguments(List<Row> rows, Pattern classes) {
        Map<String, java.util.Set<String>> methodsByClass = new java.util.TreeMap<>();
        Map<String, java.util.Set<String>> params = new java.util.TreeMap<>();
        for (Row row : rows) {
            for (Ref ref : concat(row.ours(), row.anchor())) {
                if (!classes.matcher(ref.className()).matches()) {
                    continue;
                }
                methodsByClass.computeIfAbsent(ref.className(), c -> new java.util.TreeSet<>())
                        .add(ref.benchmark().substring(ref.className().length() + 1));
                ref.params().forEach((name, value) ->
                        params.computeIfAbsent(name, n -> new java.util.TreeSet<>()).add(value));
            }
        }
        if (methodsByClass.isEmpty()) {
            throw new IllegalArgumentException("no benchmark class of the table matches " + classes);
        }
        List<String> arguments = new ArrayList<>();
        arguments.add("^org\\.privacykit\\.benchmarks\\.(" + String.join("|", methodsByClass.entrySet().stream()
                .map(e -> e.getKey() + "\\.(" + String.join("|", e.getValue()) + ")").toList()) + ")$");
        params.forEach((name, values) -> {
            arguments.add("-p");
            arguments.add(name + "=" + String.join(",", values));
        });
        return arguments;
    }

    private static List<Ref> concat(List<Ref> a, List<Ref> b) {
        List<Ref> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * @param env     {@code date} (yyyy-MM-dd HH:mm UTC), {@code cpu}, {@code cores}, {@code load}
     * @param results JMH's JSON result objects, from one or more runs of one session
     * @param rows    the rows to render (those without results are left out)
     * @return the table
     */
    public static Table of(Properties env, List<JsonNode> results, List<Row> rows) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("no JMH results");
        }
        List<Line> lines = new ArrayList<>();
        for (Row row : rows) {
            Figure ours = sum(row.ours(), results, row.unit());
            Figure anchor = row.anchor().isEmpty() ? null : sum(row.anchor(), results, row.unit());
            if (ours == null || (!row.anchor().isEmpty() && anchor == null)) {
                continue;
            }
            Figure printedOurs = rounded(ours);
            Figure printedAnchor = anchor == null ? null : rounded(anchor);
            double ratio = anchor == null ? Double.NaN : round2(ours.mean() / anchor.mean());
            lines.add(new Line(row.path(), printedOurs, row.anchorName(), printedAnchor, row.unit(), ratio,
                    row.target()));
        }
        JsonNode any = results.get(0);
        String heading = String.format(Locale.ROOT, "Measured %s on a %s-core %s, load average %s at start; JDK %s (%s), JMH %s; %s.",
                env.getProperty("date"), env.getProperty("cores"), env.getProperty("cpu"), env.getProperty("load"),
                any.path("jdkVersion").asText(), any.path("vmName").asText(), any.path("jmhVersion").asText(),
                settings(results))
                + " Each figure is the mean of every measured iteration, with the lowest and highest fork mean in"
                + " brackets; each ratio divides two figures of this run.";
        return new Table(heading, List.copyOf(lines));
    }

    /** @return the settings of the runs, the most common first, the others named by benchmark class */
    private static String settings(List<JsonNode> results) {
        Map<String, List<String>> classesBySetting = new LinkedHashMap<>();
        for (JsonNode result : results) {
            String benchmark = result.path("benchmark").asText();
            String className = benchmark.substring(0, benchmark.lastIndexOf('.'));
            className = className.substring(className.lastIndexOf('.') + 1);
            String setting = setting(result);
            List<String> classes = classesBySetting.computeIfAbsent(setting, s -> new ArrayList<>());
            if (!classes.contains(className)) {
                classes.add(className);
            }
        }
        List<Map.Entry<String, List<String>>> entries = new ArrayList<>(classesBySetting.entrySet());
        entries.sort((a, b) -> b.getValue().size() - a.getValue().size());
        StringBuilder out = new StringBuilder(entries.get(0).getKey());
        for (Map.Entry<String, List<String>> other : entries.subList(1, entries.size())) {
            out.append("; ").append(String.join(", ", other.getValue())).append(": ").append(other.getKey());
        }
        return out.toString();
    }

    private static String setting(JsonNode result) {
        int forks = result.path("forks").asInt();
        int iterations = result.path("measurementIterations").asInt();
        int warmups = result.path("warmupIterations").asInt();
        String forkText = forks + (forks == 1 ? " fork" : " forks");
        if (result.path("mode").asText().equals("ss")) {
            return String.format(Locale.ROOT, "%s × %d single %s after %d warm-up %s", forkText, iterations,
                    iterations == 1 ? "shot" : "shots", warmups, warmups == 1 ? "shot" : "shots");
        }
        return String.format(Locale.ROOT, "%s × %d %s of %s after %d %s of %s", forkText, iterations,
                iterations == 1 ? "iteration" : "iterations", result.path("measurementTime").asText(), warmups,
                warmups == 1 ? "warm-up" : "warm-ups", result.path("warmupTime").asText());
    }

    private static @Nullable Figure sum(List<Ref> refs, List<JsonNode> results, Unit unit) {
        Figure total = null;
        for (Ref ref : refs) {
            JsonNode result = find(ref, results);
            if (result == null) {
                return null;
            }
            JsonNode metric = result.path("primaryMetric");
            if (!metric.path("scoreUnit").asText().equals(unit.jmhUnit)) {
                throw new IllegalArgumentException(ref.benchmark() + " reports " + metric.path("scoreUnit").asText()
                        + ", its row expects " + unit.jmhUnit);
            }
            List<List<Double>> forks = new ArrayList<>();
            for (JsonNode fork : metric.path("rawData")) {
                List<Double> values = new ArrayList<>();
                fork.forEach(v -> values.add(v.asDouble()));
                forks.add(values);
            }
            Figure figure = Figure.of(forks);
            total = total == null ? figure : total.plus(figure);
        }
        return total;
    }

    private static @Nullable JsonNode find(Ref ref, List<JsonNode> results) {
        JsonNode found = null;
        for (JsonNode result : results) {
            if (!result.path("benchmark").asText().endsWith("." + ref.benchmark())) {
                continue;
            }
            boolean matches = ref.params().entrySet().stream()
                    .allMatch(p -> p.getValue().equals(result.path("params").path(p.getKey()).asText(null)));
            if (matches) {
                if (found != null) {
                    throw new IllegalArgumentException(ref + " matches more than one result: name its parameters");
                }
                found = result;
            }
        }
        return found;
    }

    /**
     * Parses a table {@link Table#render} wrote, and checks it: each ratio must follow from the
     * printed figures, each mark from the target, each fork range must hold its mean.
     *
     * @param text the text between the README's markers
     * @return the table, whose {@code render()} gives {@code text} back
     * @throws IllegalArgumentException naming the line that is not the renderer's output
     */
    public static Table parse(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length < 5 || !lines[1].isEmpty() || !lines[2].equals(HEADER) || !lines[3].equals(RULE)
                || !lines[lines.length - 1].isEmpty()) {
            throw new IllegalArgumentException("not a rendered table: a heading, an empty line, then " + HEADER);
        }
        if (!HEADING.matcher(lines[0]).matches()) {
            throw new IllegalArgumentException("heading does not say when, on what and how: " + lines[0]);
        }
        List<Line> rows = new ArrayList<>();
        for (int i = 4; i < lines.length - 1; i++) {
            rows.add(parseLine(lines[i]));
        }
        Table table = new Table(lines[0], List.copyOf(rows));
        if (!table.render().equals(text)) {
            throw new IllegalArgumentException("the table is not as the renderer prints it");
        }
        return table;
    }

    private static Line parseLine(String line) {
        if (!line.startsWith("| ") || !line.endsWith(" |")) {
            throw new IllegalArgumentException("not a table row: " + line);
        }
        String[] cells = line.substring(2, line.length() - 2).split(" \\| ", -1);
        if (cells.length != 5) {
            throw new IllegalArgumentException("a row has five cells: " + line);
        }
        Matcher ours = figureMatcher(cells[1], line);
        Unit unit = Unit.ofSymbol(ours.group("unit"));
        Figure oursFigure = figure(ours, line);
        String anchorName = "";
        Figure anchor = null;
        if (!cells[2].equals(NONE)) {
            Matcher a = figureMatcher(cells[2], line);
            if (!a.group("unit").equals(unit.symbol)) {
                throw new IllegalArgumentException("anchor and privacy-kit in different units: " + line);
            }
            anchorName = a.group("name") == null ? "" : a.group("name");
            anchor = figure(a, line);
        }
        double ratio = Double.NaN;
        if (anchor != null) {
            Matcher r = RATIO.matcher(cells[3]);
            if (!r.matches()) {
                throw new IllegalArgumentException("ratio is not N.NNx: " + line);
            }
            ratio = Double.parseDouble(r.group(1));
            double expected = oursFigure.mean() / anchor.mean();
            if (Math.abs(ratio - expected) > RATIO_TOLERANCE * expected + 0.005) {
                throw new IllegalArgumentException("ratio " + cells[3] + " does not follow from the figures: " + line);
            }
        } else if (!cells[3].equals(NONE)) {
            throw new IllegalArgumentException("a ratio without an anchor: " + line);
        }
        Target target = null;
        if (!cells[4].isEmpty()) {
            Matcher t = TARGET.matcher(cells[4]);
            if (!t.matches()) {
                throw new IllegalArgumentException("target is not '≤ 1.1x ✓' or '≥ 100 MiB/s ✗': " + line);
            }
            double bound = Double.parseDouble(t.group(2));
            target = new Target(t.group(3).equals("x")
                    ? (t.group(1).equals("≤") ? Target.Kind.RATIO_AT_MOST : Target.Kind.RATIO_AT_LEAST)
                    : Target.Kind.VALUE_AT_LEAST, bound);
            if (target.isMet(oursFigure.mean(), ratio) != t.group(4).equals(MET)) {
                throw new IllegalArgumentException("mark does not follow from the target: " + line);
            }
        }
        return new Line(cells[0], oursFigure, anchorName, anchor, unit, ratio, target);
    }

    private static Matcher figureMatcher(String cell, String line) {
        Matcher m = FIGURE.matcher(cell);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a figure 'mean unit (low–high)': " + line);
        }
        return m;
    }

    private static Figure figure(Matcher m, String line) {
        Figure f = new Figure(number(m.group("mean")), number(m.group("low")), number(m.group("high")));
        if (f.low() > f.mean() || f.mean() > f.high()) {
            throw new IllegalArgumentException("the mean lies outside its fork range: " + line);
        }
        return f;
    }

    private static double number(String text) {
        return Double.parseDouble(text.replace(",", ""));
    }

    /**
     * @param readme the README's text
     * @param table  the rendered table
     * @return the README with the table between its markers
     */
    public static String replaceBetweenMarkers(String readme, String table) {
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("the README has no " + BEGIN + " ... " + END);
        }
        return readme.substring(0, begin + BEGIN.length()) + "\n" + table + readme.substring(end);
    }

    /**
     * @param readme the README's text
     * @return the text between its markers
     */
    public static String betweenMarkers(String readme) {
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("the README has no " + BEGIN + " ... " + END);
        }
        return readme.substring(begin + BEGIN.length() + 1, end);
    }

    private static String figure(String name, Figure f, Unit unit) {
        return (name.isEmpty() ? "" : name + " ") + format(f.mean()) + " " + unit.symbol + " (" + format(f.low()) + "–"
                + format(f.high()) + ")";
    }

    private static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2fx", ratio);
    }

    private static String target(Line line) {
        Target t = java.util.Objects.requireNonNull(line.target());
        String mark = line.meetsTarget() ? MET : MISSED;
        return switch (t.kind()) {
            case RATIO_AT_MOST -> "≤ " + bound(t.bound()) + "x " + mark;
            case RATIO_AT_LEAST -> "≥ " + bound(t.bound()) + "x " + mark;
            case VALUE_AT_LEAST -> "≥ " + bound(t.bound()) + " " + line.unit().symbol + " " + mark;
        };
    }

    private static String bound(double bound) {
        return bound == Math.rint(bound) && bound >= 10 ? String.format(Locale.ROOT, "%.0f", bound)
                : String.format(Locale.ROOT, "%.1f", bound);
    }

    private static Figure rounded(Figure f) {
        return new Figure(number(format(f.mean())), number(format(f.low())), number(format(f.high())));
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** Three significant figures at most, thousands separated: 493, 1,875, 63.2, 1.74. */
    static String format(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (value >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
