package org.privacykit.spark;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.detect.PiiDetector;
import org.privacykit.detect.PiiFinding;

class PiiScanTest {
    private static final List<String> NOTES = List.of(
            "Call me on +44 20 7946 0018 or write to ada@example.com",
            "card 4111 1111 1111 1111 expires soon",
            "nothing personal here",
            "IBAN GB82 WEST 1234 5698 7654 32, mail grace@example.org and alan@example.net");

    private final SparkSession spark = LocalSpark.session();

    private Dataset<Row> tickets() {
        StructType schema = new StructType().add("id", DataTypes.StringType).add("subject", DataTypes.StringType)
                .add("note", DataTypes.StringType).add("fullName", DataTypes.StringType).add("views", DataTypes.IntegerType);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < NOTES.size(); i++) {
            rows.add(RowFactory.create("t-" + i, i == 2 ? "reach me at eve@example.com" : "order " + i, NOTES.get(i),
                    "Person " + i, i));
        }
        rows.add(RowFactory.create("t-9", null, null, null, 0));
        return spark.createDataFrame(rows, schema);
    }

    @Test
    void findingsAndMaskedText_equalTheCoreDetector() {
        PiiDetector detector = PiiDetector.defaults();
        PiiScan pii = PiiScan.defaults();
        List<Row> out = tickets().select(col("id"), col("note"), pii.findings(col("note")).as("found"), pii.masked(col("note")).as("masked"),
                pii.redacted(col("note")).as("redacted")).orderBy("id").collectAsList();
        for (int i = 0; i < NOTES.size(); i++) {
            Row r = out.get(i);
            List<PiiFinding> expected = detector.detect(NOTES.get(i));
            List<Row> found = r.getList(2);
            assertThat(found).hasSize(expected.size());
            for (int f = 0; f < found.size(); f++) {
                assertThat(found.get(f).getString(0)).isEqualTo(expected.get(f).type().name());
                assertThat(found.get(f).getInt(1)).isEqualTo(expected.get(f).start());
                assertThat(found.get(f).getInt(2)).isEqualTo(expected.get(f).end());
                assertThat(found.get(f).getDouble(3)).isEqualTo(expected.get(f).confidence());
            }
            assertThat(r.getString(3)).isEqualTo(detector.mask(NOTES.get(i)));
            assertThat(r.getString(4)).isEqualTo(detector.redact(NOTES.get(i)));
        }
        assertThat(out.get(0).getString(3)).doesNotContain("ada@example.com");
        Row empty = out.get(out.size() - 1);
        assertThat(empty.isNullAt(2)).isTrue();
        assertThat(empty.isNullAt(3)).isTrue();
    }

    @Test
    void scan_countsTypesPerColumn_andFindsWhatNobodyDeclared() {
        PiiScanReport report = PiiScan.defaults().scan(tickets());
        PiiDetector detector = PiiDetector.defaults();
        assertThat(report.rows()).isEqualTo(5);
        assertThat(report.valuesRead()).containsEntry("note", 4L).containsEntry("subject", 4L).doesNotContainKey("views");
        long emailValues = NOTES.stream().filter(n -> detector.detect(n).stream().anyMatch(f -> f.type() == PersonalDataType.EMAIL)).count();
        long emailFindings = NOTES.stream().mapToLong(n -> detector.detect(n).stream().filter(f -> f.type() == PersonalDataType.EMAIL).count()).sum();
        PiiScanReport.Finding email = report.findings("note").stream().filter(f -> f.type() == PersonalDataType.EMAIL).findFirst().orElseThrow();
        assertThat(email.values()).isEqualTo(emailValues).isEqualTo(2);
        assertThat(email.findings()).isEqualTo(emailFindings).isEqualTo(3);
        assertThat(email.share()).isEqualTo(0.5);
        assertThat(report.findings("subject")).extracting(PiiScanReport.Finding::type).containsExactly(PersonalDataType.EMAIL);
        assertThat(report.findings("id")).isEmpty();
        // Customer declares fullName, email, phone, id: a note and a subject column are nobody's
        assertThat(report.undeclared(Customer.class)).extracting(PiiScanReport.Finding::column).containsOnly("note", "subject");
        assertThat(report.toString()).contains("note: EMAIL in 2 of 4 values").doesNotContain("example.com");
    }

    @Test
    void scan_ofChosenTypes_andClearErrors() {
        PiiScanReport report = PiiScan.of(Set.of(PersonalDataType.PAYMENT_CARD), 0.5).scan(tickets(), "note");
        assertThat(report.findings()).extracting(PiiScanReport.Finding::type).containsExactly(PersonalDataType.PAYMENT_CARD);
        assertThatThrownBy(() -> PiiScan.defaults().scan(tickets(), "views")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("views is not a string column");
        assertThatThrownBy(() -> PiiScan.of(Set.of(), 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
