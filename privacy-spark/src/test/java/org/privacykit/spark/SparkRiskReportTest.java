package org.privacykit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.privacykit.dataset.RiskReport;
import org.privacykit.dataset.io.CsvReader;
import org.privacykit.testsupport.SharedFiles;

class SparkRiskReportTest {
    static final List<String> QIS = List.of("age", "workclass", "education", "marital-status", "occupation", "race", "sex",
            "native-country");

    private final SparkSession spark = LocalSpark.session();

    static Dataset<Row> adult(SparkSession spark, Path file) {
        return spark.read().option("sep", ";").option("header", "true").csv(file.toString());
    }

    @Test
    void adult_equalsTheInJvmReport() throws Exception {
        Path file = SharedFiles.require("data/adult/adult.csv");
        RiskReport jvm = CsvReader.builder().delimiter(';').build().read(file)
                .quasiIdentifiers(QIS.toArray(String[]::new)).sensitiveAttribute("salary-class").build().risk();
        SparkRiskReport spark = SparkRiskReport.of(adult(this.spark, file), QIS, "salary-class");

        assertThat(spark.rows()).isEqualTo(jvm.rows()).isEqualTo(30162);
        assertThat(spark.equivalenceClasses()).isEqualTo(jvm.equivalenceClasses());
        assertThat(spark.k()).isEqualTo(jvm.k());
        assertThat(spark.l().orElseThrow()).isEqualTo(jvm.l().orElseThrow());
        assertThat(spark.uniqueRows()).isEqualTo(jvm.uniqueRows());
        assertThat(spark.uniqueShare()).isEqualTo(jvm.uniqueShare());
        assertThat(spark.highestProsecutorRisk()).isEqualTo(jvm.highestProsecutorRisk());
        assertThat(spark.averageProsecutorRisk()).isEqualTo(jvm.averageProsecutorRisk());
        assertThat(spark.prosecutorRowsAtRisk(0.2)).isEqualTo(jvm.prosecutorRowsAtRisk(0.2));
        assertThat(spark.rowsBelow(5)).isEqualTo(jvm.rowsBelow(5));
        for (Map.Entry<Integer, Integer> e : jvm.classSizes().entrySet()) {
            assertThat(spark.classSizes()).containsEntry((long) e.getKey(), (long) e.getValue());
        }
        assertThat(spark.classSizes()).hasSameSizeAs(jvm.classSizes());
        assertThat(spark.isKAnonymous(2)).isFalse();
        assertThatThrownBy(() -> spark.assertKAnonymous(2)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("not 2-anonymous").hasMessageContaining(spark.uniqueRows() + " unique");

        // fewer quasi-identifiers: the same figures again
        RiskReport coarse = CsvReader.builder().delimiter(';').build().read(file).quasiIdentifiers("sex", "race").build().risk();
        SparkRiskReport sparkCoarse = SparkRiskReport.of(adult(this.spark, file), List.of("sex", "race"), null);
        assertThat(sparkCoarse.k()).isEqualTo(coarse.k());
        assertThat(sparkCoarse.equivalenceClasses()).isEqualTo(coarse.equivalenceClasses());
        assertThat(sparkCoarse.l()).isEmpty();
        assertThat(sparkCoarse.toString()).doesNotContain("Male");
    }
}
