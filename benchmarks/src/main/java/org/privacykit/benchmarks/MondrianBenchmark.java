package org.privacykit.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.privacykit.dataset.AnonymizedDataset;
import org.privacykit.dataset.Dataset;
import org.privacykit.dataset.Mondrian;
import org.privacykit.dataset.RiskReport;

/**
 * Mondrian to k = 5 on 30,000 generated rows shaped like the UCI Adult data, with the 8
 * quasi-identifiers ARX uses (age, workclass, education, marital-status, occupation, race, sex,
 * native-country) and salary as the sensitive attribute. Anchor (from ARX's own figures, other
 * machine): Flash search ≈ 28 ms on Adult at k = 5, global recoding with hierarchies. The tear-down
 * prints the information loss (NCP) and suppressed share of the release.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class MondrianBenchmark {
    static final String[] QUASI_IDENTIFIERS = {"age", "workclass", "education", "marital-status", "occupation",
        "race", "sex", "native-country"};

    private Dataset dataset;
    private Dataset datasetWithSalary;
    private final Mondrian k5 = Mondrian.builder().k(5).build();
    private final Mondrian k5l2 = Mondrian.builder().k(5).l(2).build();

    /** Generates the rows from a fixed seed and reads them into datasets. */
    @Setup(Level.Trial)
    public void setUp() {
        List<Map<String, Object>> rows = adultLike(30_000, 1994L);
        dataset = Dataset.of(rows, QUASI_IDENTIFIERS);
        datasetWithSalary = Dataset.builder(rows).quasiIdentifiers(QUASI_IDENTIFIERS).sensitiveAttribute("salary")
                .build();
        RiskReport before = dataset.risk();
        System.out.printf(Locale.ROOT, "%nbefore: %s%n", before);
    }

    /** @return the k = 5 release */
    @Benchmark
    public AnonymizedDataset mondrianK5() {
        return k5.anonymize(dataset);
    }

    /** @return the k = 5, distinct 2-diverse release on salary */
    @Benchmark
    public AnonymizedDataset mondrianK5L2() {
        return k5l2.anonymize(datasetWithSalary);
    }

    /** @return the risk check alone: equivalence classes, k, prosecutor risk (the arx#406 one-liner) */
    @Benchmark
    public RiskReport riskCheck() {
        return dataset.risk();
    }

    /** Prints what the release cost. */
    @TearDown(Level.Trial)
    public void report() {
        AnonymizedDataset release = k5.anonymize(dataset);
        AnonymizedDataset diverse = k5l2.anonymize(datasetWithSalary);
        System.out.printf(Locale.ROOT, "%nk=5: %s, discernibility %.0f, after: %s%n", release,
                release.discernibility(), release.risk());
        System.out.printf(Locale.ROOT, "k=5, l=2: %s%n", diverse);
    }

    /**
     * Rows with the marginal distributions of the UCI Adult data (approximately), from a seed.
     *
     * @param n rows
     * @param seed the seed
     * @return the rows
     */
    static List<Map<String, Object>> adultLike(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] workclass = {"Private", "Self-emp-not-inc", "Local-gov", "State-gov", "Self-emp-inc", "Federal-gov",
            "Without-pay", "Never-worked"};
        double[] workclassW = {73.9, 8.3, 6.8, 4.2, 3.6, 3.1, 0.05, 0.02};
        String[] education = {"HS-grad", "Some-college", "Bachelors", "Masters", "Assoc-voc", "11th", "Assoc-acdm",
            "10th", "7th-8th", "Prof-school", "9th", "12th", "Doctorate", "5th-6th", "1st-4th", "Preschool"};
        double[] educationW = {32.3, 22.4, 16.4, 5.3, 4.2, 3.6, 3.3, 2.9, 2.0, 1.8, 1.6, 1.3, 1.3, 1.0, 0.5, 0.2};
        String[] marital = {"Married-civ-spouse", "Never-married", "Divorced", "Separated", "Widowed",
            "Married-spouse-absent", "Married-AF-spouse"};
        double[] maritalW = {46.0, 32.8, 13.6, 3.1, 3.0, 1.3, 0.07};
        String[] occupation = {"Prof-specialty", "Craft-repair", "Exec-managerial", "Adm-clerical", "Sales",
            "Other-service", "Machine-op-inspct", "Transport-moving", "Handlers-cleaners", "Farming-fishing",
            "Tech-support", "Protective-serv", "Priv-house-serv", "Armed-Forces"};
        double[] occupationW = {13.4, 13.3, 13.2, 12.3, 11.9, 10.6, 6.5, 5.2, 4.5, 3.3, 3.0, 2.1, 0.5, 0.03};
        String[] race = {"White", "Black", "Asian-Pac-Islander", "Amer-Indian-Eskimo", "Other"};
        double[] raceW = {85.4, 9.6, 3.2, 1.0, 0.8};
        String[] country = {"United-States", "Mexico", "Philippines", "Germany", "Puerto-Rico", "Canada",
            "El-Salvador", "India", "Cuba", "England", "China", "South", "Jamaica", "Italy", "Dominican-Republic",
            "Japan", "Guatemala", "Poland", "Vietnam", "Columbia", "Haiti", "Portugal", "Taiwan", "Iran", "Greece",
            "Nicaragua", "Peru", "Ecuador", "France", "Ireland", "Hong", "Thailand", "Cambodia", "Trinadad&Tobago",
            "Outlying-US(Guam-USVI-etc)", "Yugoslavia", "Laos", "Scotland", "Honduras", "Hungary",
            "Holand-Netherlands"};
        double[] countryW = new double[country.length];
        countryW[0] = 91.2;
        countryW[1] = 2.0;
        for (int i = 2; i < country.length; i++) {
            countryW[i] = 6.8 / (country.length - 2) * (1.6 - i / (double) country.length);
        }
        List<Map<String, Object>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, Object> row = new HashMap<>();
            int age = (int) Math.max(17, Math.min(90, Math.round(38.6 + 13.6 * gaussian(r))));
            row.put("age", age);
            row.put("workclass", pick(r, workclass, workclassW));
            row.put("education", pick(r, education, educationW));
            row.put("marital-status", pick(r, marital, maritalW));
            row.put("occupation", pick(r, occupation, occupationW));
            row.put("race", pick(r, race, raceW));
            row.put("sex", r.nextDouble() < 0.669 ? "Male" : "Female");
            row.put("native-country", pick(r, country, countryW));
            row.put("salary", r.nextDouble() < 0.24 ? ">50K" : "<=50K");
            rows.add(row);
        }
        return rows;
    }

    private static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static String pick(SplittableRandom r, String[] values, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = r.nextDouble() * total;
        for (int i = 0; i < values.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }
}
