package org.privacykit.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.privacykit.benchmarks.report.ResultsTable.Line;
import org.privacykit.benchmarks.report.ResultsTable.Table;

class ResultsTableTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readmeTable_isTheRenderersOutput_inTheRowsOrder() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));

        Table table = ResultsTable.parse(ResultsTable.betweenMarkers(readme));

        List<String> known = TableRows.ROWS.stream().map(Row::path).toList();
        List<String> paths = table.lines().stream().map(Line::path).toList();
        assertThat(paths).isNotEmpty();
        assertThat(known).containsSubsequence(paths);
        assertThat(table.heading()).contains("-core ").contains("load average").contains("JDK 17");
    }

    @Test
    void rendersFigures_spreadOverForks_andRatiosOfTheSameRun() {
        Table table = ResultsTable.of(env(), List.of(
                result("PseudonymizerBenchmark.domainPseudonym", "avgt", "ns/op", List.of(250.0, 270.0), List.of(290.0, 310.0)),
                result("PseudonymizerBenchmark.rawMac", "avgt", "ns/op", List.of(240.0, 250.0), List.of(255.0, 255.0)),
                result("PseudonymizerBenchmark.domainPseudonymHex", "avgt", "ns/op", List.of(100.0, 100.0), List.of(100.0, 100.0)),
                result("PseudonymizerBenchmark.rawMacHex", "avgt", "ns/op", List.of(90.0, 90.0), List.of(90.0, 90.0))),
                TableRows.ROWS);

        assertThat(table.lines()).hasSize(2);
        Line pseudonym = table.lines().get(0);
        assertThat(pseudonym.ours()).isEqualTo(new Figure(280, 260, 300));
        assertThat(pseudonym.anchor()).isEqualTo(new Figure(250, 245, 255));
        assertThat(pseudonym.ratio()).isEqualTo(1.12);
        assertThat(pseudonym.meetsTarget()).isFalse();
        String text = table.render();
        assertThat(text).contains("| 280 ns (260–300) | raw JDK `Mac` held by the caller 250 ns (245–255) | 1.12x | ≤ 1.1x ✗ |")
                .contains("; 2 forks × 2 iterations of 1 s after 3 warm-ups of 1 s. Each figure")
                .startsWith("Measured 2026-12-03 17:30 UTC on a 2-core AMD EPYC, load average 0.42 at start; JDK 17.0.15");
        assertThat(ResultsTable.parse(text)).isEqualTo(table);
    }

    @Test
    void addsTheTimesOfAnAnchorMadeOfSeveralBenchmarks_andReadsThroughputs() {
        Table table = ResultsTable.of(env(), List.of(
                result("PrivacyModuleBenchmark.encrypting", "avgt", "ns/op", List.of(2000.0)),
                result("PrivacyModuleBenchmark.plainJackson", "avgt", "ns/op", List.of(500.0)),
                result("PrivacyModuleBenchmark.rawCipherFourFields", "avgt", "ns/op", List.of(2000.0)),
                result("PiiDetectorBenchmark.detect", "thrpt", "ops/s", List.of(120.0)),
                result("PiiDetectorBenchmark.regexAnchor", "thrpt", "ops/s", List.of(10.0))),
                TableRows.ROWS);

        assertThat(table.render())
                .contains("plain Jackson 2 + the four fields' `FieldEncryptor.encrypt` 2,500 ns (2,500–2,500) | 0.80x | ≤ 0.9x ✓ |")
                .contains("| 120 MiB/s (120–120) | six regular expressions with Luhn and mod 97 10.0 MiB/s (10.0–10.0) | 12.00x | ≥ 100 MiB/s ✓ |");
    }

    @Test
    void refusesATableEditedByHand() {
        String text = ResultsTable.of(env(), List.of(
                result("MaskingBenchmark.maskedToString", "avgt", "ns/op", List.of(400.0), List.of(420.0)),
                result("MaskingBenchmark.handWrittenMaskedToString", "avgt", "ns/op", List.of(200.0), List.of(210.0))),
                TableRows.ROWS).render();
        assertThat(text).contains("| 410 ns (400–420) | hand-written masking `toString` 205 ns (200–210) | 2.00x | ≤ 2.0x ✓ |");

        assertThatThrownBy(() -> ResultsTable.parse(text.replace("410 ns (400–420)", "310 ns (300–320)")))
                .hasMessageContaining("does not follow from the figures");
        assertThatThrownBy(() -> ResultsTable.parse(text.replace("2.00x | ≤ 2.0x ✓", "1.20x | ≤ 2.0x ✓")))
                .hasMessageContaining("does not follow from the figures");
        assertThatThrownBy(() -> ResultsTable.parse(text.replace("≤ 2.0x ✓", "≤ 1.5x ✓")))
                .hasMessageContaining("mark does not follow");
        assertThatThrownBy(() -> ResultsTable.parse(text.replace("410 ns (400–420)", "410 ns (411–420)")))
                .hasMessageContaining("outside its fork range");
        assertThatThrownBy(() -> ResultsTable.parse(text.replace(" on a 2-core ", " on a ")))
                .hasMessageContaining("heading");
        assertThatThrownBy(() -> ResultsTable.parse(text.replace("410 ns", "410  ns")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jmhArguments_runExactlyTheRowsMethods_withTheirParameters() {
        List<String> arguments = ResultsTable.jmhArguments(TableRows.ROWS, Pattern.compile("JsonMaskerBenchmark|LogbackBenchmark"));

        assertThat(arguments).containsExactly(
                "^org\\.privacykit\\.benchmarks\\.(JsonMaskerBenchmark\\.(jacksonTree|jsonMasker|jsonMaskerStream"
                        + "|jsonMaskerString|privacyKitStream|privacyKitStreaming|privacyKitString)"
                        + "|LogbackBenchmark\\.(patternPlainLogback|patternPrivacy))$",
                "-p", "message=noPii", "-p", "size=1024,1048576");
        Pattern include = Pattern.compile(arguments.get(0));
        assertThat(include.matcher("org.privacykit.benchmarks.LogbackBenchmark.patternPrivacy").matches()).isTrue();
        assertThat(include.matcher("org.privacykit.benchmarks.LogbackBenchmark.jsonPrivacy").matches()).isFalse();
        assertThatThrownBy(() -> ResultsTable.jmhArguments(TableRows.ROWS, Pattern.compile("Nothing")))
                .hasMessageContaining("no benchmark class");
    }

    @Test
    void everyBenchmarkARowNames_exists() throws ClassNotFoundException {
        for (Row row : TableRows.ROWS) {
            List<Row.Ref> refs = new ArrayList<>(row.ours());
            refs.addAll(row.anchor());
            for (Row.Ref ref : refs) {
                Class<?> type = Class.forName("org.privacykit.benchmarks." + ref.className());
                String method = ref.benchmark().substring(ref.className().length() + 1);
                assertThat(type.getMethods()).as(ref.benchmark())
                        .anyMatch(m -> m.getName().equals(method)
                                && m.isAnnotationPresent(org.openjdk.jmh.annotations.Benchmark.class));
            }
        }
    }

    private static Properties env() {
        Properties env = new Properties();
        env.setProperty("date", "2026-12-03 17:30 UTC");
        env.setProperty("cpu", "AMD EPYC");
        env.setProperty("cores", "2");
        env.setProperty("load", "0.42");
        return env;
    }

    @SafeVarargs
    private static JsonNode result(String benchmark, String mode, String unit, List<Double>... forks) {
        ObjectNode result = JSON.createObjectNode();
        result.put("jmhVersion", "1.37").put("benchmark", "org.privacykit.benchmarks." + benchmark).put("mode", mode)
                .put("forks", forks.length).put("jdkVersion", "17.0.15").put("vmName", "OpenJDK 64-Bit Server VM")
                .put("warmupIterations", 3).put("warmupTime", "1 s").put("measurementIterations", forks[0].size())
                .put("measurementTime", "1 s");
        result.putObject("params");
        ObjectNode metric = result.putObject("primaryMetric");
        metric.put("scoreUnit", unit);
        ArrayNode raw = metric.putArray("rawData");
        for (List<Double> fork : forks) {
            ArrayNode values = raw.addArray();
            fork.forEach(values::add);
        }
        return result;
    }
}
