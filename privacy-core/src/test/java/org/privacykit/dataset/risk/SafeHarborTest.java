package org.privacykit.dataset.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.annotation.QuasiIdentifier;
import org.privacykit.annotation.SubjectId;
import org.privacykit.dataset.AnonymizedDataset;
import org.privacykit.dataset.ColumnRole;
import org.privacykit.dataset.Dataset;
import org.privacykit.dataset.GlobalRecoding;
import org.privacykit.dataset.hierarchy.DateLevel;
import org.privacykit.dataset.hierarchy.Hierarchy;
import org.privacykit.dataset.risk.SafeHarborReport.Verdict;

class SafeHarborTest {

    record Patient(@SubjectId String record, @PersonalData(PersonalDataType.NAME) String name,
                   @QuasiIdentifier @PersonalData(PersonalDataType.POSTCODE) String zip, @QuasiIdentifier int age,
                   @QuasiIdentifier @PersonalData(PersonalDataType.DATE_OF_BIRTH) LocalDate born,
                   @PersonalData(PersonalDataType.EMAIL) String email, @PersonalData(PersonalDataType.HEALTH)
                   String diagnosis) {
    }

    static List<Patient> patients() {
        List<Patient> out = new ArrayList<>();
        String[] zips = {"94103", "94110", "94117", "03601", "03605"};
        for (int i = 0; i < 40; i++) {
            out.add(new Patient("r" + i, "Name " + i, zips[i % zips.length], 60 + i % 35,
                    LocalDate.of(1930 + i % 30, 1 + i % 12, 1 + i % 27), "p" + i + "@example.com", i % 2 == 0 ? "flu"
                    : "asthma"));
        }
        return out;
    }

    @Test
    void table_listsItsIdentifiers_fromDeclarationsAndRoles() {
        Dataset data = Dataset.builder(patients()).build();
        assertThat(data.role("record")).isEqualTo(ColumnRole.IDENTIFIER);
        assertThat(data.role("diagnosis")).isEqualTo(ColumnRole.SENSITIVE);
        SafeHarborReport report = SafeHarbor.check(data);
        assertThat(report.findings()).extracting(SafeHarborReport.Finding::column, f -> f.identifier().letter(),
                SafeHarborReport.Finding::verdict).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("record", 'R', Verdict.REMOVED),
                        org.assertj.core.groups.Tuple.tuple("name", 'A', Verdict.REMOVED),
                        org.assertj.core.groups.Tuple.tuple("zip", 'B', Verdict.ALLOWED),
                        org.assertj.core.groups.Tuple.tuple("age", 'C', Verdict.ALLOWED),
                        org.assertj.core.groups.Tuple.tuple("born", 'C', Verdict.ALLOWED),
                        org.assertj.core.groups.Tuple.tuple("email", 'F', Verdict.REMOVED));
        assertThat(report.compliant()).isTrue();
        Dataset leaky = Dataset.table("email", "age").quasiIdentifiers("age").personalDataType("email",
                PersonalDataType.EMAIL).addRow("a@example.com", 30).build();
        SafeHarborReport bad = SafeHarbor.check(leaky);
        assertThat(bad.compliant()).isFalse();
        assertThatThrownBy(bad::assertCompliant).isInstanceOf(AssertionError.class)
                .hasMessageContaining("email: (F)").hasMessageNotContaining("a@example.com");
    }

    @Test
    void release_keepsThreeZipDigitsYearsAndOneGroupOver89() {
        Hierarchy zip3 = Hierarchy.tree().add("94103", "941**", "*").add("94110", "941**", "*")
                .add("94117", "941**", "*").add("03601", "036**", "*").add("03605", "036**", "*").build();
        Hierarchy ages = Hierarchy.intervals(5, 10, 40).origin(10).build();
        Hierarchy years = Hierarchy.dates(DateLevel.YEAR, DateLevel.DECADE);
        Dataset data = Dataset.builder(patients()).hierarchy("zip", zip3).hierarchy("age", ages)
                .hierarchy("born", years).build();
        AnonymizedDataset release = GlobalRecoding.builder().k(2).suppressionLimit(0.2).build().anonymize(data);
        SafeHarborReport report = SafeHarbor.check(data, release);
        Dataset.Builder zips = Dataset.table("zip").quasiIdentifiers("zip").personalDataType("zip",
                org.privacykit.annotation.PersonalDataType.POSTCODE).hierarchy("zip", zip3);
        for (String code : new String[] {"94103", "94103", "94103", "94110", "94110", "94110", "03601", "03605"}) {
            zips.addRow(code);
        }
        Dataset zipTable = zips.build();
        AnonymizedDataset threeDigits = GlobalRecoding.builder().k(2).build().anonymize(zipTable);
        assertThat(threeDigits.generalizationLevels()).containsEntry("zip", 1);
        SafeHarborReport.Finding zip = SafeHarbor.check(zipTable, threeDigits).findings().get(0);
        // 036 is one of the 17 three-digit areas of 20,000 people or fewer: it must become 000
        assertThat(zip.verdict()).isEqualTo(Verdict.VIOLATION);
        assertThat(zip.rows()).isEqualTo(2);
        assertThat(zip.reason()).contains("three digits");
        assertThat(report.findings()).filteredOn(f -> f.column().equals("born")).extracting(
                SafeHarborReport.Finding::verdict).containsExactly(release.generalizationLevels().get("born") > 0
                        ? Verdict.ALLOWED : Verdict.VIOLATION);
        for (SafeHarborReport.Finding f : report.findings()) {
            if (f.column().equals("record") || f.column().equals("name") || f.column().equals("email")) {
                assertThat(f.verdict()).isEqualTo(Verdict.REMOVED);
            }
        }
        // ages 85 to 94, each four times: k = 2 releases them as they are, so 90 to 94 show
        Dataset.Builder old = Dataset.table("age").quasiIdentifiers("age");
        for (int i = 0; i < 40; i++) {
            old.addRow(85 + i % 10);
        }
        Dataset olds = old.build();
        AnonymizedDataset exact = GlobalRecoding.builder().k(2).build().anonymize(olds);
        SafeHarborReport ages89 = SafeHarbor.check(olds, exact);
        SafeHarborReport.Finding age = ages89.findings().stream().filter(f -> f.column().equals("age")).findFirst()
                .orElseThrow();
        assertThat(age.verdict()).isEqualTo(Verdict.VIOLATION);
        assertThat(age.rows()).isEqualTo(20);
        Hierarchy ninetyPlus = Hierarchy.tree().add("85", "85-89", "*").add("86", "85-89", "*").add("87", "85-89", "*")
                .add("88", "85-89", "*").add("89", "85-89", "*").add("90", "90+", "*").add("91", "90+", "*")
                .add("92", "90+", "*").add("93", "90+", "*").add("94", "90+", "*").build();
        Dataset grouped = Dataset.table("age").quasiIdentifiers("age").hierarchy("age", ninetyPlus).build();
        Dataset.Builder again = Dataset.table("age").quasiIdentifiers("age").hierarchy("age", ninetyPlus);
        for (int i = 0; i < 40; i++) {
            again.addRow(85 + i % 10);
        }
        Dataset top = again.build();
        AnonymizedDataset coded = GlobalRecoding.builder().k(6).build().anonymize(top);
        assertThat(coded.generalizationLevels()).containsEntry("age", 1);
        assertThat(SafeHarbor.check(top, coded).compliant()).isTrue();
        assertThat(grouped.size()).isZero();
    }

    @Test
    void revealedDigits_ofPostcodeCells() {
        List<String> codes = List.of("94103", "94110", "94203");
        assertThat(SafeHarbor.revealedDigits(Hierarchy.masking(5).build().generalize("94103", 2), codes)).isEqualTo("941");
        assertThat(SafeHarbor.revealedDigits("94103", codes)).isEqualTo("94103");
        assertThat(SafeHarbor.revealedDigits(new org.privacykit.dataset.hierarchy.Generalized.ValueSet(
                new java.util.LinkedHashSet<>(List.of("94103", "94203"))), codes)).isEqualTo("94");
    }
}
