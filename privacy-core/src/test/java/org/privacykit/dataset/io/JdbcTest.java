package org.privacykit.dataset.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.privacykit.dataset.AnonymizedDataset;
import org.privacykit.dataset.Dataset;
import org.privacykit.dataset.Mondrian;
import org.privacykit.dataset.hierarchy.DateLevel;
import org.privacykit.dataset.hierarchy.Hierarchy;

/** Reading a table from a real database (H2) and writing the release back. */
class JdbcTest {

    @Test
    void readAnonymizeWrite_onH2() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:jdbc-test;DB_CLOSE_DELAY=-1")) {
            try (Statement s = c.createStatement()) {
                s.execute("create table patients (id int, age int, born date, zip varchar(5), diagnosis varchar(20))");
            }
            try (PreparedStatement insert = c.prepareStatement("insert into patients values (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < 120; i++) {
                    insert.setInt(1, i);
                    insert.setInt(2, 20 + i % 50);
                    insert.setObject(3, LocalDate.of(1950 + i % 40, 1 + i % 12, 1 + i % 28));
                    insert.setString(4, "941" + (10 + i % 7));
                    insert.setString(5, i % 3 == 0 ? "flu" : "asthma");
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            Dataset data;
            try (Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("select id, age, born, zip, diagnosis from patients order by id")) {
                data = JdbcReader.read(rows).identifiers("ID").quasiIdentifiers("AGE", "BORN", "ZIP")
                        .sensitiveAttribute("DIAGNOSIS").hierarchy("AGE", Hierarchy.intervals(5, 10, 20).build())
                        .hierarchy("BORN", Hierarchy.dates(DateLevel.YEAR, DateLevel.DECADE))
                        .hierarchy("ZIP", Hierarchy.masking(5).build()).build();
            }
            assertThat(data.value(0, "BORN")).isEqualTo(LocalDate.of(1950, 1, 1));
            AnonymizedDataset release = Mondrian.builder().k(5).l(2).build().anonymize(data);
            int written = JdbcWriter.builder().table("patients_release").createTable(true).build().write(release, c);
            assertThat(written).isEqualTo(120);
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select AGE, BORN, ZIP, DIAGNOSIS from \"patients_release\"")) {
                int rows = 0;
                while (rs.next()) {
                    rows++;
                    assertThat(rs.getString("DIAGNOSIS")).isIn("flu", "asthma");
                }
                assertThat(rows).isEqualTo(120);
            }
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select AGE, BORN, ZIP, DIAGNOSIS from \"patients_release\"")) {
                Dataset back = JdbcReader.read(rs).quasiIdentifiers("AGE", "BORN", "ZIP").sensitiveAttribute("DIAGNOSIS")
                        .build();
                back.risk().assertKAnonymous(5);
                back.risk().assertLDiverse(2);
            }
        }
    }

    @Test
    void aRefusedInsert_namesTheRowsAndTable_neverTheValue() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:jdbc-refused;DB_CLOSE_DELAY=-1")) {
            try (Statement s = c.createStatement()) {
                s.execute("create table \"narrow\" (\"age\" varchar(10), \"diagnosis\" varchar(4))");
            }
            Dataset.Builder b = Dataset.table("age", "diagnosis").quasiIdentifiers("age").sensitiveAttribute("diagnosis");
            for (int i = 0; i < 12; i++) {
                b.addRow(30 + i % 2, i == 7 ? "rare-disease-zelda" : "flu");
            }
            AnonymizedDataset release = Mondrian.builder().k(2).build().anonymize(b.build());

            SQLException e = catchThrowableOfType(SQLException.class,
                    () -> JdbcWriter.builder().table("narrow").build().write(release, c));

            assertThat(e.getMessage()).startsWith("inserting released rows 1 to 12 into table 'narrow' failed (SQL state")
                    .endsWith("the driver's message is withheld)");
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain("zelda");
                assertThat(t.toString()).doesNotContain("zelda");
            }
        }
    }
}
