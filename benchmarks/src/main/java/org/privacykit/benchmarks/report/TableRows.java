package org.privacykit.benchmarks.report;

import static org.privacykit.benchmarks.report.Row.Ref.of;
import static org.privacykit.benchmarks.report.Row.Target.ratioAtLeast;
import static org.privacykit.benchmarks.report.Row.Target.ratioAtMost;
import static org.privacykit.benchmarks.report.Row.Target.valueAtLeast;
import static org.privacykit.benchmarks.report.Row.Unit.DOCUMENTS_PER_SECOND;
import static org.privacykit.benchmarks.report.Row.Unit.MIB_PER_SECOND;
import static org.privacykit.benchmarks.report.Row.Unit.MILLISECONDS;
import static org.privacykit.benchmarks.report.Row.Unit.NANOSECONDS;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.privacykit.benchmarks.report.Row.Ref;
import org.privacykit.benchmarks.report.Row.Target;
import org.privacykit.benchmarks.report.Row.Unit;

/**
 * The rows of the README's performance table, in order: which benchmark is ours, which is its anchor,
 * and the target. {@code benchmarks/run} runs exactly the methods named here.
 */
public final class TableRows {
    private static final String ONE_KB = "1024";
    private static final String ONE_MB = "1048576";

    /** Every row of the table. */
    public static final List<Row> ROWS = rows();

    private TableRows() {
    }

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        String fe = "FieldEncryptionBenchmark.";
        rows.add(row("AES-256-GCM field encrypt, 32 bytes (`FieldEncryptionBenchmark`)",
                fe + "gcmEncrypt_oursFieldEncryptor", "raw JDK `Cipher` + `SecureRandom` nonce",
                List.of(of(fe + "gcmEncrypt_rawJdkCipher")), NANOSECONDS, ratioAtMost(1.0)));
        rows.add(row("the same, beside Tink", fe + "gcmEncrypt_oursFieldEncryptor", "Tink `AesGcmJce`",
                List.of(of(fe + "gcmEncrypt_tink")), NANOSECONDS, null));
        rows.add(row("AES-256-GCM field decrypt, 32 bytes", fe + "gcmDecrypt_oursFieldEncryptor",
                "raw JDK `Cipher`", List.of(of(fe + "gcmDecrypt_rawJdkCipher")), NANOSECONDS, ratioAtMost(1.1)));
        rows.add(row("deterministic field (AES-SIV), 32 bytes", fe + "sivEncrypt_oursFieldEncryptor", "Tink `AesSiv`",
                List.of(of(fe + "sivEncrypt_tink")), NANOSECONDS, null));
        rows.add(row("format-preserving field (FF1), 16 digits", fe + "ff1Encrypt_oursFieldEncryptor",
                "raw BouncyCastle `FPEFF1Engine`", List.of(of(fe + "ff1Encrypt_rawBouncyCastle")), NANOSECONDS, null));

        String j2 = "PrivacyModuleBenchmark.";
        String j3 = "Jackson3PrivacyModuleBenchmark.";
        rows.add(row("Jackson 2 masking write, ten-field customer (`PrivacyModuleBenchmark`)", j2 + "masking",
                "plain Jackson 2", List.of(of(j2 + "plainJackson")), NANOSECONDS, ratioAtMost(1.1)));
        rows.add(row("the same, revealed for a purpose (audited)", j2 + "maskingWithReveal", "plain Jackson 2",
                List.of(of(j2 + "plainJackson")), NANOSECONDS, null));
        rows.add(row("Jackson 2 encrypting write, four fields encrypted", j2 + "encrypting",
                "plain Jackson 2 + the four fields' `FieldEncryptor.encrypt`",
                List.of(of(j2 + "plainJackson"), of(j2 + "rawCipherFourFields")), NANOSECONDS, ratioAtMost(0.9)));
        rows.add(row("Jackson 3 masking write, ten-field customer (`Jackson3PrivacyModuleBenchmark`)",
                j3 + "masking", "plain Jackson 3", List.of(of(j3 + "plainJackson3")), NANOSECONDS, ratioAtMost(1.1)));
        rows.add(row("Jackson 3 encrypting write, four fields encrypted", j3 + "encrypting",
                "plain Jackson 3 + the four fields' `FieldEncryptor.encrypt`",
                List.of(of(j3 + "plainJackson3"), of(j2 + "rawCipherFourFields")), NANOSECONDS, ratioAtMost(0.9)));

        String jm = "JsonMaskerBenchmark.";
        for (String[] form : new String[][] {
            {"byte[] → byte[]", "privacyKitStreaming", "jsonMasker"},
            {"String → String", "privacyKitString", "jsonMaskerString"},
            {"InputStream → OutputStream", "privacyKitStream", "jsonMaskerStream"}}) {
            for (String size : List.of(ONE_KB, ONE_MB)) {
                String label = form[0].startsWith("byte") && size.equals(ONE_KB)
                        ? "`JsonMasker`, " + form[0] + ", 1 KB (`JsonMaskerBenchmark`)"
                        : "`JsonMasker`, " + form[0] + ", " + (size.equals(ONE_KB) ? "1 KB" : "1 MB");
                rows.add(new Row(label, List.of(of(jm + form[1], "size", size)), "json-masker 1.1.2",
                        List.of(of(jm + form[2], "size", size)), DOCUMENTS_PER_SECOND, ratioAtLeast(1.5)));
            }
        }
        for (String size : List.of(ONE_KB, ONE_MB)) {
            rows.add(new Row("`JsonMasker` byte[] beside Jackson's tree, " + (size.equals(ONE_KB) ? "1 KB" : "1 MB"),
                    List.of(of(jm + "privacyKitStreaming", "size", size)), "Jackson `readTree` + mask + write",
                    List.of(of(jm + "jacksonTree", "size", size)), DOCUMENTS_PER_SECOND, null));
        }

        String mk = "MaskingBenchmark.";
        rows.add(row("masked `toString`, ten-field customer (`MaskingBenchmark`)", mk + "maskedToString",
                "hand-written masking `toString`", List.of(of(mk + "handWrittenMaskedToString")), NANOSECONDS,
                ratioAtMost(2.0)));
        rows.add(row("the same, beside the record's own `toString`", mk + "maskedToString",
                "record's own `toString` (in clear)", List.of(of(mk + "plainToString")), NANOSECONDS, null));

        String ps = "PseudonymizerBenchmark.";
        rows.add(row("keyed pseudonym, 31-byte value, `tok_` base32 (`PseudonymizerBenchmark`)",
                ps + "domainPseudonym", "raw JDK `Mac` held by the caller", List.of(of(ps + "rawMac")), NANOSECONDS,
                ratioAtMost(1.1)));
        rows.add(row("the same, hex", ps + "domainPseudonymHex", "raw JDK `Mac` + hex",
                List.of(of(ps + "rawMacHex")), NANOSECONDS, null));

        String pii = "PiiDetectorBenchmark.";
        rows.add(row("PII detection, find, 1 MiB of log lines (`PiiDetectorBenchmark`)", pii + "detect",
                "six regular expressions with Luhn and mod 97", List.of(of(pii + "regexAnchor")), MIB_PER_SECOND,
                valueAtLeast(100)));
        rows.add(row("PII detection, mask, 1 MiB of log lines", pii + "mask",
                "six regular expressions with Luhn and mod 97", List.of(of(pii + "regexAnchor")), MIB_PER_SECOND,
                null));

        String lb = "LogbackBenchmark.";
        rows.add(new Row("Logback pattern layout, message without PII (`LogbackBenchmark`)",
                List.of(of(lb + "patternPrivacy", "message", "noPii")), "Logback `PatternLayoutEncoder`",
                List.of(of(lb + "patternPlainLogback", "message", "noPii")), NANOSECONDS, ratioAtMost(1.5)));

        rows.add(new Row("Spring MVC response, ten-field customer, anonymous (`SpringConverterBenchmark`)",
                List.of(of("SpringConverterBenchmark.starterConverter", "caller", "anonymous")),
                "Spring's converter with a plain mapper",
                List.of(of("SpringConverterBenchmark.springPlainMapper", "caller", "anonymous")), NANOSECONDS, null));

        rows.add(row("anonymize one customer (`AnonymizeBenchmark`)", "AnonymizeBenchmark.anonymize",
                "hand-written keyed copy, one HMAC per field", List.of(of("AnonymizeBenchmark.handWrittenKeyedCopy")),
                NANOSECONDS, null));

        rows.add(row("Mondrian, 30,000 Adult-like rows, 8 QIs, k = 5 (`MondrianBenchmark`)",
                "MondrianBenchmark.mondrianK5", "", List.of(), MILLISECONDS, null));
        String adult = "AdultAnonymizationBenchmark.";
        rows.add(row("UCI Adult, k = 5, Mondrian within hierarchies (`AdultAnonymizationBenchmark`)",
                adult + "localK5Hierarchies", "Mondrian without hierarchies",
                List.of(of(adult + "localK5NoHierarchies")), MILLISECONDS, null));
        rows.add(row("UCI Adult, k = 5, global recoding, 5% suppression", adult + "globalK5Suppression5", "",
                List.of(), MILLISECONDS, null));

        String jpa = "JpaEncryptionBenchmark.";
        rows.add(new Row("JPA insert + load, 100,000 rows, 3 encrypted attributes, H2 on disk (`JpaEncryptionBenchmark`)",
                List.of(of(jpa + "insert", "entity", "encrypted", "storage", "file"),
                        of(jpa + "load", "entity", "encrypted", "storage", "file")),
                "the same entity unencrypted",
                List.of(of(jpa + "insert", "entity", "plain", "storage", "file"),
                        of(jpa + "load", "entity", "plain", "storage", "file")),
                MILLISECONDS, ratioAtMost(1.3)));
        return List.copyOf(rows);
    }

    private static Row row(String path, String ours, String anchorName, List<Ref> anchor, Unit unit,
            @Nullable Target target) {
        return new Row(path, List.of(of(ours)), anchorName, anchor, unit, target);
    }
}
