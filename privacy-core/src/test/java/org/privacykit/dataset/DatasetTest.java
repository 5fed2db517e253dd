package org.privacykit.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.annotation.QuasiIdentifier;

class DatasetTest {

    record Patient(@QuasiIdentifier int age, @QuasiIdentifier @PersonalData(PersonalDataType.POSTCODE) String zip,
                   @QuasiIdentifier String sex, String disease) {
    }

    static List<Patient> patients() {
        return List.of(new Patient(29, "13053", "F", "flu"), new Patient(22, "13068", "F", "flu"),
                new Patient(27, "13068", "M", "cancer"), new Patient(43, "14853", "M", "cancer"),
                new Patient(52, "14853", "F", "heart"), new Patient(47, "14850", "M", "flu"),
                new Patient(30, "13053", "M", "heart"), new Patient(36, "13053", "F", "cancer"),
                new Patient(32, "13068", "M", "flu"));
    }

    @Test
    void risk_ofAKnownTable() {
        RiskReport risk = Dataset.builder(patients()).quasiIdentifiers("zip", "sex").sensitiveAttribute("disease")
                .build().risk();
        assertThat(risk.rows()).isEqualTo(9);
        assertThat(risk.equivalenceClasses()).isEqualTo(7);
        assertThat(risk.k()).isEqualTo(1);
        assertThat(risk.l()).hasValue(1);
        assertThat(risk.uniqueRows()).isEqualTo(5);
        assertThat(risk.uniqueShare()).isCloseTo(5 / 9.0, within(1e-12));
        assertThat(risk.highestProsecutorRisk()).isEqualTo(1.0);
        assertThat(risk.averageProsecutorRisk()).isCloseTo(7 / 9.0, within(1e-12));
        assertThat(risk.classSizes()).containsExactly(Map.entry(1, 5), Map.entry(2, 2));
        assertThat(risk.rowsBelow(2)).isEqualTo(5);
        assertThat(risk.isKAnonymous(1)).isTrue();
        assertThat(risk.isKAnonymous(2)).isFalse();
        assertThat(risk.toString()).contains("k=1").contains("l=1").doesNotContain("13053");
    }

    @Test
    void risk_onSex_alone() {
        RiskReport risk = Dataset.builder(patients()).quasiIdentifiers("sex").sensitiveAttribute("disease").build()
                .risk();
        assertThat(risk.k()).isEqualTo(4);
        assertThat(risk.l()).hasValue(3);
        assertThat(risk.highestProsecutorRisk()).isEqualTo(0.25);
        assertThat(risk.uniqueShare()).isZero();
        risk.assertKAnonymous(4);
        risk.assertLDiverse(3);
        assertThatThrownBy(() -> risk.assertKAnonymous(5)).isInstanceOf(AssertionError.class)
                .hasMessage("not 5-anonymous: smallest equivalence class has 4 rows; 4 of 9 rows are in classes smaller"
                        + " than 5 (0 unique, 0.0%)");
        assertThatThrownBy(() -> risk.assertLDiverse(4)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("only 3 distinct");
    }

    @Test
    void quasiIdentifiers_fromAnnotations() {
        Dataset data = Dataset.of(patients());
        assertThat(data.quasiIdentifiers()).containsExactly("age", "zip", "sex");
        assertThat(data.risk().uniqueRows()).isEqualTo(9);
        assertThatThrownBy(() -> Dataset.of(List.of(Map.of("a", 1)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name the quasi-identifiers of map rows");
        record Plain(int a) {
        }
        assertThatThrownBy(() -> Dataset.of(List.of(new Plain(1)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Plain declares no @QuasiIdentifier");
    }

    @Test
    void oneLineCheck_onMapsAndNestedAttributes() {
        List<Map<String, Object>> rows = List.of(
                Map.of("age", "30-39", "zip", "130**", "name", "x"),
                Map.of("age", "30-39", "zip", "130**", "name", "y"),
                Map.of("age", "20-29", "zip", "148**", "name", "z"));
        assertThat(Dataset.isKAnonymous(rows, 1, "age", "zip")).isTrue();
        assertThat(Dataset.isKAnonymous(rows, 2, "age", "zip")).isFalse();
        assertThat(Dataset.isKAnonymous(rows.subList(0, 2), 2, "age", "zip")).isTrue();
        List<Map<String, Object>> nested = List.of(Map.of("address", Map.of("zip", "1")),
                Map.of("address", Map.of("zip", "1")));
        assertThat(Dataset.isKAnonymous(nested, 2, "address.zip")).isTrue();

        record Address(String zip) {
        }
        record Person(Address address, int age) {
        }
        assertThat(Dataset.isKAnonymous(List.of(new Person(new Address("1"), 3), new Person(new Address("1"), 3)), 2,
                "address.zip", "age")).isTrue();
    }

    @Test
    void invalidDeclarations_areRefusedClearly() {
        assertThatThrownBy(() -> Dataset.of(patients(), "height")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Patient has no property 'height'");
        assertThatThrownBy(() -> Dataset.of(List.of(Map.of("a", 1)), "b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no row has the attribute 'b'");
        assertThatThrownBy(() -> Dataset.of(List.of(patients().get(0), Map.of("a", 1)), "age"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rows must be of one class");
        assertThatThrownBy(() -> Dataset.of(java.util.Arrays.asList(patients().get(0), null), "age"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1 is null");
        assertThatThrownBy(() -> Dataset.of(patients(), "age", "age")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("named twice");
        assertThatThrownBy(() -> Dataset.builder(patients()).quasiIdentifiers("age").sensitiveAttribute("age").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both");
        assertThatThrownBy(() -> Dataset.of(patients(), "sex").risk().isLDiverse(2))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no sensitive attribute");
        assertThatThrownBy(() -> Dataset.of(patients(), "sex").risk().isKAnonymous(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyDataset_isTriviallyAnonymous() {
        RiskReport risk = Dataset.of(List.of(), "age").risk();
        assertThat(risk.k()).isZero();
        assertThat(risk.isKAnonymous(5)).isTrue();
        assertThat(risk.averageProsecutorRisk()).isZero();
    }

    @Test
    void nullValues_formTheirOwnClass() {
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Map<String, Object> row = new java.util.HashMap<>();
            row.put("zip", i < 2 ? null : "1");
            rows.add(row);
        }
        assertThat(Dataset.of(rows, "zip").risk().equivalenceClasses()).isEqualTo(2);
    }
}
