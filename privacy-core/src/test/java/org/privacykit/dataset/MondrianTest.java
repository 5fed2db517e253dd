package org.privacykit.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.annotation.QuasiIdentifier;
import org.privacykit.annotation.SubjectId;
import org.privacykit.dataset.hierarchy.Generalized;
import org.privacykit.dataset.model.PrivacyModel;

class MondrianTest {

    @Test
    void anonymize_knownTable_reachesKAndPublishesRanges() {
        Dataset data = Dataset.builder(DatasetTest.patients()).quasiIdentifiers("age", "zip", "sex")
                .sensitiveAttribute("disease").build();
        AnonymizedDataset release = Mondrian.builder().k(3).build().anonymize(data);
        assertThat(release.rows()).hasSize(9);
        assertThat(release.suppressedRows()).isZero();
        RiskReport risk = release.risk();
        assertThat(risk.k()).isGreaterThanOrEqualTo(3);
        assertThat(release.equivalenceClasses()).isBetween(2, 3);
        assertThat(release.informationLoss()).isBetween(0.0, 1.0);
        for (Map<String, Object> row : release.rows()) {
            assertThat(row).containsOnlyKeys("age", "zip", "sex", "disease");
            assertThat(row.get("age").toString()).matches("\\d+(-\\d+)?");
        }
        assertThat(release.toString()).contains("3-anonymity").contains("information loss (NCP)");
    }

    @Test
    void anonymize_withL_everyClassHasLDistinctSensitiveValues() {
        Dataset data = Dataset.builder(DatasetTest.patients()).quasiIdentifiers("age", "zip")
                .sensitiveAttribute("disease").build();
        AnonymizedDataset release = Mondrian.builder().k(2).l(2).build().anonymize(data);
        release.risk().assertKAnonymous(2);
        release.risk().assertLDiverse(2);
    }

    @Test
    void anonymize_infeasible_suppressesEverything() {
        Dataset small = Dataset.of(DatasetTest.patients().subList(0, 2), "age");
        AnonymizedDataset none = Mondrian.builder().k(3).build().anonymize(small);
        assertThat(none.rows()).isEmpty();
        assertThat(none.suppressedShare()).isEqualTo(1.0);
        assertThat(none.informationLoss()).isEqualTo(1.0);
        Dataset oneDisease = Dataset.builder(DatasetTest.patients().subList(0, 2)).quasiIdentifiers("age")
                .sensitiveAttribute("disease").build();
        assertThat(Mondrian.builder().k(2).l(2).build().anonymize(oneDisease).suppressedRows()).isEqualTo(2);
        assertThatThrownBy(() -> Mondrian.builder().k(2).l(2).build().anonymize(Dataset.of(DatasetTest.patients(), "age")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sensitive attribute");
        assertThatThrownBy(() -> Mondrian.builder().k(1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anonymize_alreadyAnonymousData_losesNothing() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(Map.of("sex", i % 2 == 0 ? "F" : "M", "band", "30-39"));
        }
        AnonymizedDataset release = Mondrian.builder().k(5).build().anonymize(Dataset.of(rows, "sex", "band"));
        assertThat(release.informationLoss()).isZero();
        assertThat(release.equivalenceClasses()).isEqualTo(2);
        assertThat(release.discernibility()).isEqualTo(50);
    }

    record Visit(@SubjectId String patientId, @PersonalData(PersonalDataType.NAME) String name,
                 @QuasiIdentifier LocalDate born, @QuasiIdentifier String sex, String ward, int stayDays) {
    }

    @Test
    void anonymize_objectRows_dropPersonalDataAndSubjectIds_keepPlainColumns_generalizeDates() {
        List<Visit> visits = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            visits.add(new Visit("p-" + i, "Name " + i, LocalDate.of(1950 + i, 1 + i % 12, 1 + i % 28),
                    i % 3 == 0 ? "F" : "M", "ward-" + i % 4, i));
        }
        AnonymizedDataset release = Mondrian.builder().k(4).build().anonymize(Dataset.of(visits));
        release.risk().assertKAnonymous(4);
        for (Map<String, Object> row : release.rows()) {
            assertThat(row).containsOnlyKeys("born", "sex", "ward", "stayDays");
            assertThat(row.get("born").toString()).matches("\\d{4}-\\d\\d-\\d\\d(\\.\\.\\d{4}-\\d\\d-\\d\\d)?");
        }
    }

    @Test
    void anonymize_mapRows_keepOnlyNamedColumns() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rows.add(Map.of("age", 20 + i, "name", "person " + i, "visits", i));
        }
        AnonymizedDataset release = Mondrian.builder().k(3).build()
                .anonymize(Dataset.builder(rows).quasiIdentifiers("age").keep("visits").build());
        assertThat(release.rows()).allSatisfy(row -> assertThat(row).containsOnlyKeys("age", "visits"));
        assertThat(release.rows()).extracting(r -> r.get("age").toString()).containsOnly("20-22", "23-25");
    }

    /** Rows like the UCI Adult data, from a seed. */
    static List<Map<String, Object>> adultLike(long seed, int n) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] sexes = {"Male", "Female"};
        String[] races = {"White", "Black", "Asian-Pac-Islander", "Amer-Indian-Eskimo", "Other"};
        String[] marital = {"Married", "Never-married", "Divorced", "Separated", "Widowed"};
        String[] education = {"HS-grad", "Some-college", "Bachelors", "Masters", "Assoc", "11th", "Doctorate"};
        String[] countries = {"United-States", "Mexico", "Philippines", "Germany", "Canada", "India", "England"};
        List<Map<String, Object>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, Object> row = new HashMap<>();
            row.put("age", 17 + random.nextInt(74));
            row.put("sex", sexes[random.nextInt(sexes.length)]);
            row.put("race", races[random.nextInt(random.nextInt(10) < 8 ? 1 : races.length)]);
            row.put("marital", marital[random.nextInt(marital.length)]);
            row.put("education", education[random.nextInt(education.length)]);
            row.put("country", countries[random.nextInt(random.nextInt(10) < 9 ? 1 : countries.length)]);
            row.put("salary", random.nextInt(4) == 0 ? ">50K" : "<=50K");
            rows.add(row);
        }
        return rows;
    }

    @Test
    void property_generalizedDatasetsAreKAnonymous() {
        qt().withExamples(40).forAll(longs().all(), integers().between(2, 12), integers().between(0, 400))
                .checkAssert((seed, k, n) -> {
                    Dataset data = Dataset.builder(adultLike(seed, n))
                            .quasiIdentifiers("age", "sex", "race", "marital", "education", "country")
                            .sensitiveAttribute("salary").build();
                    AnonymizedDataset release = Mondrian.builder().k(k).build().anonymize(data);
                    assertThat(release.risk().isKAnonymous(k)).isTrue();
                    assertThat(release.rows().size() + release.suppressedRows()).isEqualTo(n);
                    assertThat(release.suppressedRows()).isEqualTo(n < k ? n : 0);
                    assertThat(release.informationLoss()).isBetween(0.0, 1.0);
                    AnonymizedDataset diverse = Mondrian.builder().k(k).l(2).build().anonymize(data);
                    if (diverse.rows().size() > 0) {
                        assertThat(diverse.risk().isLDiverse(2)).isTrue();
                        assertThat(diverse.risk().isKAnonymous(k)).isTrue();
                    }
                });
    }

    @Test
    void anonymize_5000AdultLikeRows_atK5_isFastAndUseful() {
        Dataset data = Dataset.builder(adultLike(1, 5000))
                .quasiIdentifiers("age", "sex", "race", "marital", "education", "country").build();
        assertThat(data.risk().isKAnonymous(5)).isFalse();
        long started = System.nanoTime();
        AnonymizedDataset release = Mondrian.builder().k(5).build().anonymize(data);
        double ms = (System.nanoTime() - started) / 1e6;
        System.out.printf("Mondrian k=5 on 5000 rows: %.1f ms, %s%n", ms, release);
        release.risk().assertKAnonymous(5);
        assertThat(release.informationLoss()).isLessThan(0.5);
        assertThat(release.equivalenceClasses()).isGreaterThan(200);
    }

    @Test
    void withHierarchies_classesPublishNodes_andMeetEveryModel() {
        qt().withExamples(40).forAll(longs().all(), integers().between(2, 8), integers().between(0, 400))
                .checkAssert((seed, k, n) -> {
                    Dataset data = RandomTables.table(seed, n, true);
                    AnonymizedDataset release = Mondrian.builder().k(k).build().anonymize(data);
                    new ReleaseVerifier(data, release).kAnonymous(k).cellsAreHierarchyNodes();
                    assertThat(release.suppressedRows()).isEqualTo(n < k ? n : 0);
                    AnonymizedDataset diverse = Mondrian.builder().k(k).l(2)
                            .model(PrivacyModel.entropyLDiversity(1.5)).model(PrivacyModel.tCloseness(0.3))
                            .build().anonymize(data);
                    if (diverse.suppressedRows() == 0) {
                        new ReleaseVerifier(data, diverse).kAnonymous(k).distinctLDiverse("salary", 2)
                                .entropyLDiverse("salary", 1.5).equalDistanceTClose("salary", 0.3)
                                .cellsAreHierarchyNodes();
                    } else {
                        assertThat(diverse.suppressedRows()).isEqualTo(n);
                        assertThat(data.check(PrivacyModel.kAnonymity(k), PrivacyModel.distinctLDiversity(2),
                                PrivacyModel.entropyLDiversity(1.5)).satisfied() && n >= k).isFalse();
                    }
                });
    }

    @Test
    void hierarchies_neverMixBranches() {
        Dataset data = RandomTables.table(11, 300, true);
        for (EquivalenceClass c : Mondrian.builder().k(3).build().anonymize(data).classes()) {
            Generalized city = c.generalization().get("city");
            assertThat(city).isNotInstanceOf(Generalized.ValueSet.class);
            if (city instanceof Generalized.Label label) {
                assertThat(label.label()).isIn("France", "Poland", "Canada", "USA", "Europe", "Americas");
            }
        }
    }

    @Test
    void partitionsPublishingTheSameCells_areReleasedAsOneClass() {
        Dataset.Builder b = Dataset.table("age", "sex", "salary").quasiIdentifiers("age", "sex")
                .sensitiveAttribute("salary");
        for (int i = 0; i < 20; i++) {
            b.addRow(40, "F", i % 4);
        }
        Dataset data = b.build();

        AnonymizedDataset release = Mondrian.builder().k(5).build().anonymize(data);

        assertThat(release.equivalenceClasses()).isEqualTo(1);
        assertThat(release.classes()).singleElement().extracting(EquivalenceClass::size).isEqualTo(20);
        assertThat(release.risk().equivalenceClasses()).isEqualTo(1);
    }

    @Test
    void classesCounted_equalTheDistinctPublishedCells_onRandomTables() {
        qt().withExamples(40).forAll(longs().all(), integers().between(2, 8), integers().between(0, 300))
                .checkAssert((seed, k, n) -> {
                    for (boolean hierarchies : new boolean[] {true, false}) {
                        Dataset data = RandomTables.table(seed, n, hierarchies);
                        AnonymizedDataset release = Mondrian.builder().k(k).build().anonymize(data);
                        assertThat(release.equivalenceClasses())
                                .isEqualTo(new ReleaseVerifier(data, release).classes())
                                .isEqualTo(release.classes().stream()
                                        .map(c -> List.copyOf(c.generalization().values())).distinct().count());
                    }
                });
    }

    @Test
    void typedOutput_rowsAsRecords_classesAndSuppressedRows() {
        Dataset data = RandomTables.table(5, 60, true);
        AnonymizedDataset release = Mondrian.builder().k(4).build().anonymize(data);
        assertThat(release.columns()).containsExactly("age", "sex", "city", "salary", "visits");
        record Published(Generalized age, String sex, Generalized city, String salary, int visits) {
        }
        List<Published> typed = release.rowsAs(Published.class);
        assertThat(typed).hasSize(60);
        assertThat(typed.get(0).visits()).isEqualTo(data.value(0, "visits"));
        assertThat(typed.get(0).sex()).isIn("F", "M", "*");
        record Wrong(int age) {
        }
        assertThatThrownBy(() -> release.rowsAs(Wrong.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Wrong.age").hasMessageContaining("declare the component as Generalized");
        record Missing(String name) {
        }
        assertThatThrownBy(() -> release.rowsAs(Missing.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no such column");
        List<EquivalenceClass> classes = release.classes();
        assertThat(classes).hasSize(release.equivalenceClasses());
        assertThat(classes.stream().mapToInt(EquivalenceClass::size).sum()).isEqualTo(60);
        for (EquivalenceClass c : classes) {
            assertThat(c.size()).isGreaterThanOrEqualTo(4).isEqualTo(c.inputRows().size());
            assertThat(c.sensitiveValues().get("salary").values().stream().mapToInt(Integer::intValue).sum())
                    .isEqualTo(c.size());
            for (int row : c.inputRows()) {
                for (String qi : data.quasiIdentifiers()) {
                    assertThat(c.generalization().get(qi).covers(data.value(row, qi))).isTrue();
                }
            }
        }
        assertThat(release.allRows()).hasSize(60);
        assertThat(release.toDataset().risk().k()).isGreaterThanOrEqualTo(4);
        assertThat(release.check(PrivacyModel.kAnonymity(4)).satisfied()).isTrue();
    }

    @Test
    void utility_ofAKnownRelease_byHand() {
        // two classes: ages {20, 24} with sex F, and {30, 34} with sex F and M; age domain 20..34
        Dataset data = Dataset.table("age", "sex").quasiIdentifiers("age", "sex")
                .addRow(20, "F").addRow(24, "F").addRow(30, "F").addRow(34, "M").build();
        AnonymizedDataset release = Mondrian.builder().k(2).build().anonymize(data);
        UtilityReport u = release.utility();
        assertThat(release.equivalenceClasses()).isEqualTo(2);
        // age: each class spans 4 of 14 years; sex: the second class holds both of two values
        assertThat(u.attributes().get(0).ncp()).isCloseTo(4 / 14.0, within(1e-12));
        assertThat(u.attributes().get(1).ncp()).isCloseTo(0.5, within(1e-12));
        assertThat(u.ncp()).isCloseTo((4 / 14.0 + 0.5) / 2, within(1e-12));
        assertThat(u.ncpOfHeldValues()).isEqualTo(u.ncp());
        assertThat(u.discernibility()).isEqualTo(8);
        assertThat(u.averageClassSize()).isEqualTo(2);
        assertThat(u.normalizedAverageClassSize()).isEqualTo(1);
        // entropy, -log2 P(value | cell) over the table: each age is 1 of the 2 rows its range covers
        // (1 bit); F in the first class is all 3 F rows (0 bits); * covers F (3 of 4) and M (1 of 4)
        double sexBits = -log2(3 / 4.0) - log2(1 / 4.0);
        assertThat(u.attributes().get(0).entropyBits()).isCloseTo(4, within(1e-12));
        assertThat(u.attributes().get(1).entropyBits()).isCloseTo(sexBits, within(1e-12));
        assertThat(u.entropyBits()).isCloseTo(4 + sexBits, within(1e-12));
        double maximum = 4 * 2 - 3 * log2(3 / 4.0) - log2(1 / 4.0);
        assertThat(u.normalizedEntropy()).isCloseTo((4 + sexBits) / maximum, within(1e-12));
        UtilityReport all = GlobalRecoding.builder().k(4).build().anonymize(data).utility();
        assertThat(all.ncp()).isEqualTo(1.0);
        assertThat(u.compare(all)).extracting(UtilityReport.Difference::metric).contains("NCP", "NCP age");
        assertThat(u.compare(all).get(2).change()).isCloseTo(1 - u.ncp(), within(1e-12));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
