package org.privacykit.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.discovery.ColumnReport.Storage;
import org.privacykit.discovery.ColumnReport.Verdict;

class DiscoveryFilesTest {
    @TempDir
    Path dir;

    @Test
    void csv_reportsEveryColumn_andMatchesTheInventoryByFileName() throws Exception {
        Path file = dir.resolve("customers.csv");
        Files.writeString(file, """
                id,email,Card,iban_no,comment
                1,ada@example.org,%s,DE89 3704 0044 0532 0130 00,"likes tea, call +1 202 555 0143"
                2,grace@example.org,%s,GB82 WEST 1234 5698 7654 32,
                3,,%s,,"multi
                line, no data"
                """.formatted(Fixtures.ciphertext(3, 7, 20), Fixtures.ciphertext(3, 7, 20), Fixtures.ciphertext(3, 7, 20)));

        DiscoveryReport report = Discovery.builder().inventory(Fixtures.inventory()).build().scanCsv(file);

        TableReport table = report.table("customers.csv");
        assertThat(table.source()).isEqualTo("csv");
        assertThat(table.rowsSampled()).isEqualTo(3);
        assertThat(table.columns()).extracting(ColumnReport::name).containsExactly("id", "email", "Card", "iban_no", "comment");
        assertThat(table.column("email").verdict()).isEqualTo(Verdict.DECLARED);
        assertThat(table.column("email").sampled()).isEqualTo(2);
        assertThat(table.column("card").storage()).isEqualTo(Storage.ENCRYPTED);
        assertThat(table.column("card").keyIds()).containsExactly("00000007");
        assertThat(table.column("iban_no").found()).containsExactly(new ColumnReport.TypeCount(PersonalDataType.IBAN, 2));
        assertThat(table.column("iban_no").nameSuggests()).isEqualTo("IBAN");
        assertThat(table.column("iban_no").verdict()).isEqualTo(Verdict.UNDECLARED);
        assertThat(table.column("comment").found()).containsExactly(new ColumnReport.TypeCount(PersonalDataType.PHONE, 1));
        assertThat(table.column("id").verdict()).isEqualTo(Verdict.NONE);
        assertThat(report.toJson()).doesNotContain("ada@example.org", "DE89 3704", "202 555 0143");
    }

    @Test
    void csv_withOtherDelimiter_andSampleLimit() throws Exception {
        Path file = dir.resolve("export.tsv");
        StringBuilder text = new StringBuilder("name\tphone\n");
        for (int i = 0; i < 50; i++) {
            text.append("Person ").append(i).append("\t+44 20 7946 0").append(String.format("%03d", i)).append('\n');
        }
        Files.writeString(file, text);

        TableReport table = Discovery.builder().sampleRows(20).build().scanCsv(file, '\t').table("export.tsv");

        assertThat(table.rowsSampled()).isEqualTo(20);
        assertThat(table.column("phone").found()).containsExactly(new ColumnReport.TypeCount(PersonalDataType.PHONE, 20));
        assertThat(table.column("name").nameSuggests()).isNull(); // a bare "name" is personal only in a person's table
    }

    @Test
    void jsonLines_flattenPaths_andSkipBlankLines() throws Exception {
        Path file = dir.resolve("events.jsonl");
        Files.writeString(file, """
                {"user":{"email":"ada@example.org","ip":"203.0.113.9"},"tags":["a","b"],"n":1.5e3,"ok":true}

                {"user":{"email":"grace@example.org","ip":null},"tags":[],"note":"card 4111 1111 1111 1111"}
                """);

        TableReport table = Discovery.builder().build().scanJsonLines(file).table("events.jsonl");

        assertThat(table.rowsSampled()).isEqualTo(2);
        assertThat(table.columns()).extracting(ColumnReport::name)
                .containsExactly("user.email", "user.ip", "tags[]", "n", "ok", "note");
        assertThat(table.column("user.email").found()).containsExactly(new ColumnReport.TypeCount(PersonalDataType.EMAIL, 2));
        assertThat(table.column("user.ip").found()).containsExactly(new ColumnReport.TypeCount(PersonalDataType.IP_ADDRESS, 1));
        assertThat(table.column("user.ip").nameSuggests()).isEqualTo("IP_ADDRESS");
        assertThat(table.column("note").maskedExample()).isEqualTo("**** **** **** 1111");
        assertThat(table.column("tags[]").verdict()).isEqualTo(Verdict.NONE);
    }

    @Test
    void malformedFiles_areRefused_namingFileAndLine_neverTheText() throws Exception {
        Path jsonl = dir.resolve("bad.jsonl");
        Files.writeString(jsonl, "{\"a\":\"ok\"}\n{\"email\":\"ada@example.org\" \"x\"}\n");
        Path notUtf8 = dir.resolve("latin1.csv");
        Files.write(notUtf8, "name\nJos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Path csv = dir.resolve("quote.csv");
        Files.writeString(csv, "a,b\n\"ada@example.org,x\n");
        Discovery discovery = Discovery.builder().build();

        assertThatThrownBy(() -> discovery.scanJsonLines(jsonl)).isInstanceOf(DiscoveryException.class)
                .hasMessage("file bad.jsonl line 2, column 29: expected ',' or '}'");
        assertThatThrownBy(() -> discovery.scanCsv(notUtf8)).isInstanceOf(DiscoveryException.class)
                .hasMessage("file latin1.csv: not UTF-8 text");
        assertThatThrownBy(() -> discovery.scanCsv(csv)).isInstanceOf(DiscoveryException.class)
                .hasMessageStartingWith("file quote.csv: ").hasMessageNotContaining("ada@example.org");
        assertThatThrownBy(() -> discovery.scanCsv(dir.resolve("missing.csv"))).isInstanceOf(DiscoveryException.class)
                .hasMessage("file missing.csv: reading failed (java.nio.file.NoSuchFileException)");
    }

    @Test
    void emptyCsv_hasNoColumns() throws Exception {
        Path file = dir.resolve("empty.csv");
        Files.writeString(file, "");

        assertThat(Discovery.builder().build().scanCsv(file).table("empty.csv").columns()).isEmpty();
    }

    @Test
    void builder_refusesOutOfRangeSettings() {
        assertThatThrownBy(() -> Discovery.builder().sampleRows(0)).hasMessage("sampleRows must be from 1 to 10000000, was 0");
        assertThatThrownBy(() -> Discovery.builder().maxValueChars(3)).hasMessage("maxValueChars must be from 16 to 16777216, was 3");
        assertThatThrownBy(() -> Discovery.builder().queryTimeoutSeconds(0)).hasMessage("queryTimeoutSeconds must be at least 1, was 0");
    }
}
