package org.privacykit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.privacykit.annotation.PersonalDataType.EMAIL;
import static org.privacykit.annotation.PersonalDataType.NAME;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.privacykit.annotation.EncryptionMode;
import org.privacykit.annotation.Operator;
import org.privacykit.anonymize.Anonymizer;
import org.privacykit.crypto.FieldEncryptor;
import org.privacykit.mask.Maskers;
import org.privacykit.metadata.PrivacyMetadata;
import org.privacykit.pseudonym.Pseudonymizer;
import org.privacykit.spi.FieldContext;

class ColumnsTest {
    private static final List<Customer> PEOPLE = List.of(
            new Customer("c-1", "Ada Lovelace", "ada@example.com", "+44 20 7946 0018", "UK"),
            new Customer("c-2", "Grace Hopper", "grace.hopper@navy.example", "+1 202 555 0143", "US"),
            new Customer("c-3", "Émilie du Châtelet", "emilie@example.fr", "+33 1 45 67 89 10", "FR"),
            new Customer("c-4", "Alan Turing", null, "+44 161 496 0000", "UK"));

    private final SparkSession spark = LocalSpark.session();
    private final LocalSpark.Fixture fx = LocalSpark.fixture();

    private Dataset<Row> customers() {
        return spark.createDataFrame(PEOPLE, Customer.class);
    }

    private static Map<String, Row> byId(Dataset<Row> rows) {
        return rows.collectAsList().stream().collect(Collectors.toMap(r -> r.getAs("id"), Function.identity()));
    }

    @Test
    void mask_byDeclarations_givesTheJvmMasks() {
        Map<String, Row> masked = byId(SparkPrivacy.withoutKeys().mask(customers(), Customer.class));
        var meta = PrivacyMetadata.of(Customer.class);
        for (Customer c : PEOPLE) {
            Row r = masked.get(c.getId());
            assertThat((String) r.getAs("fullName")).isEqualTo(Maskers.of(meta.property("fullName").classification()).mask(c.getFullName()));
            assertThat((String) r.getAs("email")).isEqualTo(Maskers.of(meta.property("email").classification()).mask(c.getEmail()));
            assertThat((String) r.getAs("phone")).isEqualTo(Maskers.of(meta.property("phone").classification()).mask(c.getPhone()))
                    .isNotEqualTo(c.getPhone());
            assertThat((String) r.getAs("country")).isEqualTo(c.getCountry());
        }
        assertThat((String) masked.get("c-1").getAs("email")).isEqualTo("a***@example.com");
    }

    @Test
    void pseudonymize_byDeclarations_equalsTheJvmAnonymizersTokens() {
        Dataset<Row> people = customers().withColumn("key", org.apache.spark.sql.functions.col("id"));
        Map<String, Row> tokens = SparkPrivacy.with(fx.keys()).pseudonymize(people, Customer.class).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("key"), Function.identity()));
        Anonymizer jvm = Anonymizer.builder(fx.secret).operator(NAME, Operator.PSEUDONYMIZE).operator(EMAIL, Operator.PSEUDONYMIZE).build();
        Pseudonymizer pseudonyms = Pseudonymizer.hmacSha256(fx.secret);
        for (Customer c : PEOPLE) {
            Customer copy = jvm.anonymize(c);
            Row r = tokens.get(c.getId());
            assertThat((String) r.getAs("fullName")).isEqualTo(copy.getFullName()).startsWith("tok_");
            assertThat((String) r.getAs("email")).isEqualTo(copy.getEmail());
            assertThat(pseudonyms.pseudonymize("Customer.fullName", c.getFullName())).isEqualTo(copy.getFullName());
        }
        // subject ids: the domain every class shares, as the anonymizer's
        for (Customer c : PEOPLE) {
            assertThat((String) tokens.get(c.getId()).getAs("id")).isEqualTo(jvm.anonymize(c).getId()).isNotEqualTo(c.getId());
        }
    }

    @Test
    void encrypt_inSpark_decryptsWithFieldEncryptor() throws Exception {
        FieldEncryptor jvm = FieldEncryptor.of(fx.openRing());
        Dataset<Row> stored = SparkPrivacy.with(fx.keys()).encrypt(customers(), Customer.class);
        List<Customer> rows = stored.as(Encoders.bean(Customer.class)).collectAsList();
        assertThat(rows).hasSize(4);
        for (Customer encrypted : rows) {
            Customer original = PEOPLE.stream().filter(c -> c.getId().equals(encrypted.getId())).findFirst().orElseThrow();
            assertThat(encrypted.getPhone()).isNotEqualTo(original.getPhone());
            if (original.getEmail() != null) {
                // deterministic: the very ciphertext the application writes
                assertThat(encrypted.getEmail()).isEqualTo(jvm.encrypt(new Customer(original.getId(), original.getFullName(),
                        original.getEmail(), original.getPhone(), original.getCountry())).getEmail());
            }
            assertThat(jvm.decrypt(encrypted)).usingRecursiveComparison().isEqualTo(original);
        }
    }

    @Test
    void encrypt_byFieldEncryptor_decryptsInSpark_typed() throws Exception {
        FieldEncryptor jvm = FieldEncryptor.of(fx.openRing());
        List<Customer> encrypted = PEOPLE.stream().map(c -> {
            try {
                return jvm.encrypt(c);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
        Dataset<Customer> stored = spark.createDataset(encrypted, Encoders.bean(Customer.class));
        List<Customer> clear = SparkPrivacy.with(fx.keys()).decrypt(stored).collectAsList();
        assertThat(clear).usingRecursiveFieldByFieldElementComparator().containsExactlyInAnyOrderElementsOf(PEOPLE);
        // and typed both ways in Spark
        Dataset<Customer> typed = spark.createDataset(PEOPLE, Encoders.bean(Customer.class));
        SparkPrivacy privacy = SparkPrivacy.with(fx.keys());
        assertThat(privacy.decrypt(privacy.encrypt(typed)).collectAsList())
                .usingRecursiveFieldByFieldElementComparator().containsExactlyInAnyOrderElementsOf(PEOPLE);
    }

    @Test
    void decrypt_refusesTamperedAndMovedCiphertexts_withoutTheValue() throws Exception {
        FieldEncryptor jvm = FieldEncryptor.of(fx.openRing());
        Customer ada = jvm.encrypt(PEOPLE.get(0));
        char[] t = ada.getPhone().toCharArray();
        t[t.length / 2] = t[t.length / 2] == 'A' ? 'B' : 'A';
        Customer tampered = new Customer("c-1", "x", ada.getEmail(), new String(t), "UK");
        SparkPrivacy privacy = SparkPrivacy.with(fx.keys());
        assertThatThrownBy(() -> privacy.decrypt(spark.createDataFrame(List.of(tampered), Customer.class), Customer.class).collectAsList())
                .hasStackTraceContaining("phone: decryption failed")
                .satisfies(e -> assertThat(stackTrace(e)).doesNotContain("7946"));
        // a ciphertext moved to another field fails too
        Customer moved = new Customer("c-1", "x", ada.getEmail(), ada.getEmail(), "UK");
        assertThatThrownBy(() -> privacy.decrypt(spark.createDataFrame(List.of(moved), Customer.class), Customer.class).collectAsList())
                .hasStackTraceContaining("phone: decryption failed");
    }

    @Test
    void explicitPolicy_snakeCaseColumns_handEncryption_andClearErrors() throws Exception {
        Dataset<Row> rows = customers().withColumnRenamed("fullName", "full_name").withColumn("age", org.apache.spark.sql.functions.lit(42));
        ColumnPolicy policy = ColumnPolicy.builder()
                .mask("full_name", NAME)
                .pseudonymize("email", "crm.email")
                .encrypt("phone", "crm.phone", EncryptionMode.RANDOMIZED)
                .suppress("age")
                .redact("country")
                .build();
        SparkPrivacy privacy = SparkPrivacy.with(fx.keys());
        List<Row> out = privacy.apply(rows, policy).orderBy("id").collectAsList();
        FieldEncryptor jvm = FieldEncryptor.of(fx.openRing());
        Pseudonymizer pseudonyms = Pseudonymizer.hmacSha256(fx.secret);
        for (int i = 0; i < out.size(); i++) {
            Customer c = PEOPLE.get(i);
            Row r = out.get(i);
            assertThat((String) r.getAs("full_name")).isEqualTo(Maskers.name().mask(c.getFullName()));
            assertThat((String) r.getAs("email")).isEqualTo(pseudonyms.pseudonymize("crm.email", c.getEmail()));
            assertThat(jvm.decrypt(FieldContext.of("crm.phone", EncryptionMode.RANDOMIZED), r.getAs("phone"))).isEqualTo(c.getPhone());
            assertThat(r.isNullAt(r.fieldIndex("age"))).isTrue();
            assertThat((String) r.getAs("country")).isEqualTo("[REDACTED]");
        }
        // the declared policy finds snake_case columns
        assertThat(byId(privacy.mask(rows, Customer.class)).get("c-1").<String>getAs("full_name")).isEqualTo(Maskers.name().mask("Ada Lovelace"));

        assertThatThrownBy(() -> privacy.apply(rows, ColumnPolicy.builder().mask("age", NAME).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column age is int");
        assertThatThrownBy(() -> privacy.apply(rows, ColumnPolicy.builder().mask("nickname", NAME).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no column nickname");
        assertThatThrownBy(() -> SparkPrivacy.withoutKeys().apply(rows, policy))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("email: pseudonymize needs keys");
    }

    @Test
    void anonymize_typedAndRows_equalTheJvmAnonymizer() {
        Anonymizer jvm = Anonymizer.withKey(fx.secret);
        Dataset<Customer> typed = spark.createDataset(PEOPLE, Encoders.bean(Customer.class));
        List<Customer> copies = SparkPrivacy.with(fx.keys()).anonymize(typed).collectAsList();
        assertThat(copies).usingRecursiveFieldByFieldElementComparator()
                .containsExactlyInAnyOrderElementsOf(PEOPLE.stream().map(jvm::anonymize).toList());
        assertThat(copies).extracting(Customer::getFullName).doesNotContainAnyElementsOf(PEOPLE.stream().map(Customer::getFullName).toList());
        List<Row> rows = SparkPrivacy.with(fx.keys()).anonymize(customers(), Customer.class).collectAsList();
        assertThat(rows).hasSize(4);
        // a column function: the same fakes
        Row fake = customers().select(SparkPrivacy.with(fx.keys()).protect(org.apache.spark.sql.functions.col("fullName"), new Protection.Fake(NAME)))
                .filter("fullName is not null").orderBy("fullName").limit(1).collectAsList().get(0);
        assertThat(PEOPLE.stream().map(c -> jvm.fake(NAME, c.getFullName())).toList()).contains(fake.getString(0));
    }

    static String stackTrace(Throwable e) {
        java.io.StringWriter w = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }
}
