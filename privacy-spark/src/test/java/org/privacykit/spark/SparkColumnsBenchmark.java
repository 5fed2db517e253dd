package org.privacykit.spark;

import static org.apache.spark.sql.functions.aes_encrypt;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.unbase64;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.privacykit.annotation.EncryptionMode;
import org.privacykit.annotation.PersonalDataType;

/**
 * Rows per second per core of privacy-spark's column functions beside Spark's built-ins on the same
 * cached data, in one session: pseudonymize beside {@code sha2}, encrypt beside {@code aes_encrypt}
 * (GCM), mask beside {@code regexp_replace}; and the risk report on generated rows. Opt-in (not a
 * {@code *Test}, so {@code verify} skips it):
 *
 * <pre>
 * ./mvnw -B -pl privacy-spark -am test -Dtest=SparkColumnsBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.rows=2000000 -Dbench.riskRows=10000000
 * </pre>
 * Each figure is the median of {@code bench.runs} timed runs after one warm-up; the results are
 * printed and written to {@code target/spark-benchmark.txt}.
 */
class SparkColumnsBenchmark {
    private static final int CORES = 2;

    @Test
    void columnsBesideBuiltIns() throws Exception {
        long rows = Long.getLong("bench.rows", 500_000);
        long riskRows = Long.getLong("bench.riskRows", 1_000_000);
        int runs = Integer.getInteger("bench.runs", 3);
        SparkSession spark = LocalSpark.session();
        LocalSpark.Fixture fx = LocalSpark.fixture();
        SparkPrivacy privacy = SparkPrivacy.with(fx.keys());
        Dataset<Row> data = spark.range(rows).select(
                concat(lit("user"), col("id").cast("string"), lit("@example.com")).as("email")).repartition(CORES).cache();
        data.count();
        byte[] aesKey = new byte[32];
        new java.security.SecureRandom().nextBytes(aesKey);
        Column key = unbase64(lit(Base64.getEncoder().encodeToString(aesKey)));
        Column email = col("email");

        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%,d rows, %d cores, local[%d], JDK %s", rows, CORES, CORES,
                System.getProperty("java.version")));
        pair(lines, data, runs, rows, "pseudonymize", privacy.protect(email, new Protection.Pseudonymize("Customer.email")),
                "sha2(256)", sha2(email, 256));
        pair(lines, data, runs, rows, "encrypt (AES-GCM, randomized)",
                privacy.protect(email, new Protection.Encrypt(Protection.Context.of("Customer.email", EncryptionMode.RANDOMIZED), null)),
                "aes_encrypt(GCM)", aes_encrypt(email, key, lit("GCM")));
        pair(lines, data, runs, rows, "mask (EMAIL)", privacy.protect(email, new Protection.Mask(PersonalDataType.EMAIL.defaultMask(), -1, -1, '*')),
                "regexp_replace", regexp_replace(email, "(?<=^.)[^@]*(?=@)", "***"));
        data.unpersist();

        Dataset<Row> people = spark.range(riskRows).select(
                col("id").mod(80).plus(17).as("age"), col("id").multiply(7919).mod(1000).as("zip"),
                col("id").mod(2).as("sex"), col("id").multiply(104729).mod(40).as("diagnosis"));
        double[] risk = new double[runs];
        for (int r = -1; r < runs; r++) {
            long start = System.nanoTime();
            SparkRiskReport report = SparkRiskReport.of(people, List.of("age", "zip", "sex"), "diagnosis");
            if (r >= 0) {
                risk[r] = (System.nanoTime() - start) / 1e9;
            }
            if (r == runs - 1) {
                lines.add("risk report: " + report);
            }
        }
        lines.add(String.format(Locale.ROOT, "risk report over %,d generated rows: %.1f s (median of %d)", riskRows, median(risk), runs));
        lines.forEach(System.out::println);
        java.nio.file.Files.write(java.nio.file.Path.of("target/spark-benchmark.txt"), lines);
    }

    private static void pair(List<String> lines, Dataset<Row> data, int runs, long rows, String ours, Column oursColumn,
                             String anchor, Column anchorColumn) {
        double a = perCore(data, oursColumn, runs, rows);
        double b = perCore(data, anchorColumn, runs, rows);
        lines.add(String.format(Locale.ROOT, "%-32s %,12.0f rows/s/core | %-18s %,12.0f rows/s/core | ratio %.2fx", ours, a,
                anchor, b, a / b));
    }

    /** Median rows per second per core of writing one column to Spark's no-op sink. */
    private static double perCore(Dataset<Row> data, Column column, int runs, long rows) {
        double[] seconds = new double[runs];
        for (int r = -1; r < runs; r++) {
            long start = System.nanoTime();
            data.select(column.as("out")).write().format("noop").mode("overwrite").save();
            if (r >= 0) {
                seconds[r] = (System.nanoTime() - start) / 1e9;
            }
        }
        return rows / median(seconds) / CORES;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
