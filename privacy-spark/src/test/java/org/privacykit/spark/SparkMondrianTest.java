package org.privacykit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.privacykit.dataset.AnonymizedDataset;
import org.privacykit.dataset.Mondrian;
import org.privacykit.dataset.io.CsvReader;
import org.privacykit.testsupport.SharedFiles;

class SparkMondrianTest {
    private static final String[] QIS = {"age", "sex", "race", "education"};
    private static final int K = 10;

    private final SparkSession spark = LocalSpark.session();

    private Dataset<Row> adult(Path file) {
        return spark.read().option("sep", ";").option("header", "true").option("inferSchema", "true").csv(file.toString());
    }

    @Test
    void oneLeaf_reportsTheInJvmMondriansNcp() throws Exception {
        Path file = SharedFiles.require("data/adult/adult.csv");
        AnonymizedDataset jvm = Mondrian.builder().k(K).build().anonymize(
                CsvReader.builder().delimiter(';').build().read(file).quasiIdentifiers(QIS).build());
        SparkMondrian.Release release = SparkMondrian.builder().k(K).quasiIdentifiers(QIS).leafRows(1_000_000).build()
                .anonymize(adult(file).coalesce(1));
        assertThat(release.leaves()).isEqualTo(1);
        assertThat(release.ncp()).isCloseTo(jvm.utility().ncpOfHeldValues(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(release.risk().k()).isGreaterThanOrEqualTo(K);
        assertThat(release.risk().equivalenceClasses()).isEqualTo(jvm.equivalenceClasses());
    }

    @Test
    void manyLeaves_areKAnonymous_withTheirLossReported() throws Exception {
        Path file = SharedFiles.require("data/adult/adult.csv");
        Dataset<Row> data = adult(file);
        SparkMondrian.Release release = SparkMondrian.builder().k(K).quasiIdentifiers(QIS).sampleRows(5_000).leafRows(3_000).build()
                .anonymize(data);
        assertThat(release.leaves()).isGreaterThan(4);
        assertThat(release.rows().count()).isEqualTo(30162);
        assertThat(release.rows().columns()).containsExactly(data.columns());
        // verified independently: grouped by the released quasi-identifiers
        SparkRiskReport check = SparkRiskReport.of(release.rows(), List.of(QIS), "salary-class");
        check.assertKAnonymous(K);
        assertThat(release.risk().k()).isEqualTo(check.k());
        assertThat(release.ncp()).isBetween(0.0, 1.0);
        assertThat(release.ncpByAttribute()).containsOnlyKeys(QIS);
        // the salary column and the others are kept as they were
        assertThat(release.rows().select("salary-class").distinct().count()).isEqualTo(2);
        assertThatThrownBy(() -> SparkMondrian.builder().k(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SparkMondrian.builder().k(K).quasiIdentifiers("nope").build().anonymize(data))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no column nope");
    }
}
