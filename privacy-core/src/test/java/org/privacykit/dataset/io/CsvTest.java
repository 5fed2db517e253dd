package org.privacykit.dataset.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacykit.dataset.AdultData;
import org.privacykit.dataset.AnonymizedDataset;
import org.privacykit.dataset.Dataset;
import org.privacykit.dataset.GlobalRecoding;
import org.privacykit.dataset.Mondrian;
import org.privacykit.dataset.hierarchy.Generalized;

class CsvTest {
    static final String TABLE = """
            name,age,zip,income,born,note
            Ada,36,02134,1500.50,1985-03-12,"says ""hi"", twice"
            Alan,41,94103,900,1980-06-01,
            Grace,36,94110,1200.00,1985-12-09,"line
            break"
            """;

    @Test
    void read_choosesTypesThatKeepEveryCellExactly() {
        Dataset data = CsvReader.builder().build().read(new StringReader(TABLE)).quasiIdentifiers("age", "zip")
                .identifiers("name").build();
        assertThat(data.size()).isEqualTo(3);
        assertThat(data.value(0, "age")).isEqualTo(36L);
        assertThat(data.value(0, "zip")).isEqualTo("02134");                 // a leading zero keeps it text
        assertThat(data.value(2, "income")).isEqualTo(new BigDecimal("1200.00"));
        assertThat(data.value(0, "born")).isEqualTo(LocalDate.of(1985, 3, 12));
        assertThat(data.value(0, "note")).isEqualTo("says \"hi\", twice");
        assertThat(data.value(1, "note")).isNull();
        assertThat(data.value(2, "note")).isEqualTo("line\nbreak");
        Dataset typed = CsvReader.builder().columnType("age", ColumnType.TEXT).build().read(new StringReader(TABLE))
                .quasiIdentifiers("age").build();
        assertThat(typed.value(0, "age")).isEqualTo("36");
    }

    @Test
    void errors_nameTheRowAndColumn_neverTheCell() {
        assertThatThrownBy(() -> CsvReader.builder().columnType("zip", ColumnType.INTEGER).build()
                .read(new StringReader(TABLE))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'zip': row 1 does not hold a integer number written plainly");
        assertThatThrownBy(() -> CsvReader.builder().build().read(new StringReader("a,b\n1,2\n3\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("row 2 has 1 fields; the header has 2");
        assertThatThrownBy(() -> CsvReader.builder().build().read(new StringReader("a,b\n\"secret,2\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("secret");
        assertThatThrownBy(() -> CsvReader.builder().build().read(new StringReader("")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the CSV has no header line");
        assertThatThrownBy(() -> CsvReader.builder().build().read(new StringReader("a,a\n1,2\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("column 'a' is named twice");
        assertThatThrownBy(() -> CsvReader.builder().columnType("x", ColumnType.DATE).build()
                .read(new StringReader("a\n1\n"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'x'");
        assertThatThrownBy(() -> CsvReader.builder().delimiter('"')).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void write_keepsTheHeaderAndUnchangedCells_andMarksSuppressedRows() throws Exception {
        Dataset data = CsvReader.builder().build().read(new StringReader(TABLE)).quasiIdentifiers("age", "zip")
                .identifiers("name").build();
        AnonymizedDataset release = GlobalRecoding.builder().k(2).suppressionLimit(0.34).build().anonymize(data);
        StringWriter out = new StringWriter();
        CsvWriter.builder().suppressedRows(true).build().write(release, out);
        String[] lines = out.toString().split("\r\n");
        assertThat(lines[0]).isEqualTo("age,zip,income,born,note");
        assertThat(out.toString()).contains("1500.50,1985-03-12,\"says \"\"hi\"\", twice\"")
                .contains("\"line\nbreak\"").doesNotContain("Ada");
        Dataset back = CsvReader.builder().build().read(new StringReader(out.toString())).quasiIdentifiers("age", "zip")
                .build();
        assertThat(back.size()).isEqualTo(3);
        assertThat(back.risk().rowsBelow(2)).isLessThanOrEqualTo(1);
    }

    @Test
    void adult_roundTripsThroughAFile(@TempDir Path dir) throws Exception {
        Dataset adult = AdultData.dataset(true);
        AnonymizedDataset release = Mondrian.builder().k(5).build().anonymize(adult);
        Path file = dir.resolve("release.csv");
        CsvWriter.builder().delimiter(';').suppressedRows(true).build().write(release, file);
        assertThat(Files.readAllLines(file)).hasSize(30_163);
        Dataset back = CsvReader.builder().delimiter(';').columnType("age", ColumnType.TEXT).build().read(file)
                .quasiIdentifiers(AdultData.QUASI_IDENTIFIERS).build();
        back.risk().assertKAnonymous(5);
        assertThat(release.rows().get(0).get("age")).isInstanceOf(Generalized.class);
    }
}
