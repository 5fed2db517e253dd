package org.privacykit.dataset.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class HierarchyTest {

    @Test
    void intervals_ofWholeNumbers_publishTypedRanges() {
        Hierarchy age = Hierarchy.intervals(5, 10, 20).build();
        assertThat(age.height()).isEqualTo(4);
        assertThat(age.generalize(37, 0)).isEqualTo(Generalized.of(37));
        Generalized five = age.generalize(37, 1);
        assertThat(five).isEqualTo(new Generalized.Range<>(35, 39, true, "35-39"));
        assertThat(five.toString()).isEqualTo("35-39");
        assertThat(age.generalize(37, 2).toString()).isEqualTo("30-39");
        assertThat(age.generalize(37, 3).toString()).isEqualTo("20-39");
        assertThat(age.generalize(37, 4)).isEqualTo(Generalized.any());
        assertThat(age.generalize(37L, 1)).isEqualTo(new Generalized.Range<>(35L, 39L, true, "35-39"));
        assertThat(age.generalize(-3, 1).toString()).isEqualTo("-5--1");
        assertThat(five.covers(35)).isTrue();
        assertThat(five.covers(39L)).isTrue();
        assertThat(five.covers(40)).isFalse();
        assertThat(five.covers("37")).isFalse();
    }

    @Test
    void intervals_ofDecimals_areHalfOpen() {
        Hierarchy h = Hierarchy.intervals(2.5, 5).origin(1).build();
        Generalized g = h.generalize(3.2, 1);
        assertThat(g.toString()).isEqualTo("[1, 3.5)");
        assertThat(g.covers(3.5)).isFalse();
        assertThat(g.covers(1)).isTrue();
        assertThat(h.generalize(new BigDecimal("7.25"), 2).toString()).isEqualTo("[6, 11)");
        assertThat(h.generalize(4, 1).toString()).isEqualTo("[3.5, 6)");
    }

    @Test
    void intervals_refuseWidthsThatDoNotNest_andValuesOutsideTheirBounds() {
        assertThatThrownBy(() -> Hierarchy.intervals(5, 12)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("multiple");
        assertThatThrownBy(() -> Hierarchy.intervals(0)).isInstanceOf(IllegalArgumentException.class);
        Hierarchy bounded = Hierarchy.intervals(10).bounds(0, 120).build();
        assertThat(bounded.contains(121)).isFalse();
        assertThat(bounded.contains("12")).isFalse();
        assertThat(bounded.contains(Double.NaN)).isFalse();
        assertThatThrownBy(() -> bounded.generalize(121, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a value is absent from the hierarchy");
        assertThatThrownBy(() -> bounded.generalize(12, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dates_groupByCalendarPeriods() {
        Hierarchy born = Hierarchy.dates(DateLevel.MONTH, DateLevel.QUARTER, DateLevel.YEAR, DateLevel.DECADE);
        LocalDate d = LocalDate.of(1985, 3, 12);
        assertThat(born.generalize(d, 1)).isEqualTo(new Generalized.Range<>(LocalDate.of(1985, 3, 1),
                LocalDate.of(1985, 3, 31), true, "1985-03"));
        assertThat(born.generalize(d, 2).toString()).isEqualTo("1985-Q1");
        assertThat(born.generalize(d, 3).toString()).isEqualTo("1985");
        assertThat(born.generalize(d, 4).toString()).isEqualTo("1980-1989");
        assertThat(born.generalize(d, 5)).isEqualTo(Generalized.any());
        assertThat(born.generalize(LocalDateTime.of(1985, 3, 12, 23, 0), 3).covers(LocalDate.of(1985, 12, 31))).isTrue();
        assertThatThrownBy(() -> Hierarchy.dates(DateLevel.YEAR, DateLevel.MONTH))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void masking_replacesCharactersFromTheRight() {
        Hierarchy zip = Hierarchy.masking(5).build();
        List<String> path = new ArrayList<>();
        for (int level = 0; level <= zip.height(); level++) {
            path.add(zip.generalize("94103", level).toString());
        }
        assertThat(path).containsExactly("94103", "9410*", "941**", "94***", "9****", "*****", "*");
        assertThat(zip.generalize(94103, 2).covers("94177")).isTrue();
        assertThat(zip.generalize("94103", 2).covers("94203")).isFalse();
        assertThat(zip.contains("941031")).isFalse();
        assertThat(Hierarchy.masking(4).fromLeft().maskCharacter('#').build().generalize("1234", 2).toString())
                .isEqualTo("##34");
    }

    @Test
    void tree_checksThatEveryNodeHasOneParent() {
        Hierarchy countries = Hierarchy.tree()
                .add("Poland", "Eastern Europe", "Europe", "*")
                .add("France", "Western Europe", "Europe", "*")
                .add("Canada", "Northern America", "Americas", "*")
                .build();
        assertThat(countries.generalize("Poland", 2)).isEqualTo(countries.generalize("France", 2));
        assertThat(countries.generalize("Poland", 2).toString()).isEqualTo("Europe");
        assertThat(countries.generalize("Poland", 3)).isEqualTo(Generalized.any());
        assertThat(countries.generalize("Poland", 1).covers("France")).isFalse();
        assertThatThrownBy(() -> Hierarchy.tree().add("a", "x", "*").add("b", "x").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("path 2 has 1 levels");
        assertThatThrownBy(() -> Hierarchy.tree().add("a", "x", "p", "*").add("b", "x", "q", "*").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another parent")
                .hasMessageNotContaining("x").hasMessageNotContaining("q");
        assertThatThrownBy(() -> Hierarchy.tree().add("a", "x").add("a", "y").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repeats the value of path 1");
        assertThatThrownBy(() -> Hierarchy.tree().add("a")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void csv_readsTheCommonFormat_withQuotes_andNamesTheLineOfAnError() {
        Hierarchy h = Hierarchy.fromCsv(new StringReader("17;15-19;*\r\n\"18\";\"15-19\";*\n19;15-19;*\n"), ';');
        assertThat(h.generalize(17, 1).toString()).isEqualTo("15-19");
        assertThat(h.generalize(18L, 1)).isEqualTo(h.generalize("19", 1));
        assertThat(h.generalize(new BigDecimal("19.0"), 1).toString()).isEqualTo("15-19");
        assertThat(h.contains(20)).isFalse();
        Hierarchy quoted = Hierarchy.fromCsv(new StringReader("\"Married, spouse\";\"a \"\"b\"\"\";*\n"), ';');
        assertThat(quoted.generalize("Married, spouse", 1).toString()).isEqualTo("a \"b\"");
        assertThatThrownBy(() -> Hierarchy.fromCsv(new StringReader("a;x;*\nb;;*\n"), ';'))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("line 2 has an empty label at level 1");
        assertThatThrownBy(() -> Hierarchy.fromCsv(new StringReader("a;x;*\n\"b;x;*\n"), ';'))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("record 2");
        assertThatThrownBy(() -> Hierarchy.fromCsv(new StringReader(""), ';'))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void adultHierarchies_loadAndAreTrees() throws Exception {
        for (String attribute : new String[] {"age", "workclass", "education", "marital-status", "occupation", "race",
            "sex", "native-country", "salary-class"}) {
            Hierarchy h = Hierarchy.fromCsv(org.privacykit.dataset.AdultData.hierarchyFile(attribute));
            assertThat(h.height()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void order_keepsEveryNodesValuesTogether() {
        Hierarchy tree = Hierarchy.tree().add("a", "x", "*").add("c", "y", "*").add("b", "x", "*").add("d", "y", "*")
                .build();
        List<Object> values = new ArrayList<>(List.of("d", "a", "c", "b"));
        values.sort(tree.order());
        assertThat(values).containsExactly("a", "b", "c", "d");
        qt().withExamples(100).forAll(lists().of(integers().between(-500, 500)).ofSizeBetween(1, 40))
                .checkAssert(numbers -> {
                    Hierarchy h = Hierarchy.intervals(3, 9, 27).origin(1).build();
                    List<Object> sorted = new ArrayList<>(numbers);
                    sorted.sort(h.order());
                    for (int level = 1; level <= h.height(); level++) {
                        List<Generalized> seen = new ArrayList<>();
                        Generalized last = null;
                        for (Object v : sorted) {
                            Generalized g = h.generalize(v, level);
                            if (!g.equals(last)) {
                                assertThat(seen).doesNotContain(g);
                                seen.add(g);
                                last = g;
                            }
                            assertThat(g.covers(v)).isTrue();
                        }
                    }
                });
    }

    @Test
    void generalizedValues_coverAndPrint() {
        assertThat(Generalized.of(null).covers(null)).isTrue();
        assertThat(Generalized.of(3).covers(3L)).isTrue();
        assertThat(Generalized.of(2.0).toString()).isEqualTo("2");
        Generalized.ValueSet set = new Generalized.ValueSet(new java.util.LinkedHashSet<>(List.of("Divorced",
                "Widowed")));
        assertThat(set.toString()).isEqualTo("{Divorced, Widowed}");
        assertThat(set.covers("Widowed")).isTrue();
        assertThat(set.covers("Married")).isFalse();
        assertThat(Generalized.Range.closed(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 2, 1)).toString())
                .isEqualTo("2020-01-01..2020-02-01");
        assertThat(Generalized.any().covers("anything")).isTrue();
        assertThatThrownBy(() -> new Generalized.Range<>(3, 2, true, "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
