package org.privacykit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.SparkEnv;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.privacykit.crypto.FieldEncryptor;
import org.privacykit.crypto.KeyEncryptionKey;
import org.privacykit.crypto.KeyRing;
import org.privacykit.crypto.SubjectKeyStore;
import scala.reflect.ClassTag$;

class ExecutorKeysTest {
    private final SparkSession spark = LocalSpark.session();
    private final LocalSpark.Fixture fx = LocalSpark.fixture();

    private static final List<Customer> PEOPLE = List.of(
            new Customer("s-1", "Ada Lovelace", "ada@example.com", "+44 20 7946 0018", "UK"),
            new Customer("s-2", "Grace Hopper", "grace@example.com", "+1 202 555 0143", "US"),
            new Customer("s-3", "Alan Turing", "alan@example.com", "+44 161 496 0000", "UK"));

    @Test
    void noKeyMaterial_inClosures_plans_orTheirText() throws Exception {
        SparkPrivacy privacy = SparkPrivacy.with(fx.keys());
        Dataset<Row> rows = spark.createDataFrame(PEOPLE, Customer.class);
        Dataset<Row> protectedRows = privacy.pseudonymize(privacy.encrypt(rows, Customer.class), Customer.class);
        assertThat(protectedRows.collectAsList()).hasSize(3); // the keys are now open in this JVM's cache

        List<byte[]> serialized = new ArrayList<>();
        serialized.add(javaSerialize(protectedRows.queryExecution().executedPlan()));
        // what the closure serializer sends with each task: the RDD's functions and partitions
        var closures = SparkEnv.get().closureSerializer().newInstance();
        serialized.add(closures.serialize(protectedRows.queryExecution().toRdd(), ClassTag$.MODULE$.apply(Object.class)).array());
        String text = protectedRows.queryExecution().toString() + protectedRows.queryExecution().executedPlan().toString()
                + privacy + fx.keys();
        serialized.add(text.getBytes(StandardCharsets.UTF_8));

        Set<String> secrets = keyMaterialWindows();
        for (byte[] bytes : serialized) {
            String latin1 = new String(bytes, StandardCharsets.ISO_8859_1);
            for (String window : secrets) {
                assertThat(latin1.contains(window)).as("key material in a serialized plan or closure").isFalse();
            }
            assertThat(latin1).doesNotContain(LocalSpark.PASSPHRASE)
                    .doesNotContain(Base64.getEncoder().encodeToString(fx.secret).substring(0, 16));
        }
        assertThat(text).contains(fx.ring.toString()); // the descriptions are there, and are all there is
    }

    /** 16-byte windows of the key ring's unwrapped serialization and of the pseudonym secret that hold key bytes. */
    private Set<String> keyMaterialWindows() throws Exception {
        byte[][] clear = new byte[1][];
        KeyEncryptionKey capture = new KeyEncryptionKey() {
            @Override
            public String id() {
                return "capture";
            }

            @Override
            public byte[] wrap(byte[] plaintext, byte[] associatedData) {
                clear[0] = plaintext.clone();
                return plaintext;
            }

            @Override
            public byte[] unwrap(byte[] wrapped, byte[] associatedData) {
                return wrapped;
            }
        };
        byte[] unused = fx.openRing().toWrappedBytes(capture);
        assertThat(unused).isNotEmpty();
        Set<String> windows = new HashSet<>();
        for (byte[] material : List.of(clear[0], fx.secret)) {
            for (int i = 0; i + 16 <= material.length; i++) {
                byte[] w = java.util.Arrays.copyOfRange(material, i, i + 16);
                Set<Byte> distinct = new HashSet<>();
                for (byte b : w) {
                    distinct.add(b);
                }
                if (distinct.size() >= 12) { // random key bytes, not the format's fixed fields
                    windows.add(new String(w, StandardCharsets.ISO_8859_1));
                }
            }
        }
        assertThat(windows).hasSizeGreaterThan(16);
        return windows;
    }

    private static byte[] javaSerialize(Object o) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream s = new ObjectOutputStream(out)) {
            s.writeObject(o);
        }
        return out.toByteArray();
    }

    @Test
    void forget_takesEffectOnTheNextTask() throws Exception {
        ExecutorKeys keys = fx.subjectKeys();
        SparkPrivacy privacy = SparkPrivacy.with(keys);
        List<Row> stored = privacy.encrypt(spark.createDataFrame(PEOPLE, Customer.class), Customer.class).collectAsList();
        Dataset<Row> table = spark.createDataFrame(stored, stored.get(0).schema()).cache();
        assertThat(byId(privacy.decrypt(table, Customer.class)).get("s-2").<String>getAs("phone")).isEqualTo("+1 202 555 0143");

        // the application forgets Grace with its own encryptor over the same ring and store
        FieldEncryptor application = FieldEncryptor.builder(fx.openRing())
                .subjectKeyStore(SubjectKeyStore.directory(fx.subjects)).build();
        application.forget("s-2");

        Map<String, Row> after = byId(privacy.decrypt(table, Customer.class));
        assertThat(after.get("s-2").<String>getAs("phone")).isNull();
        assertThat(after.get("s-2").<String>getAs("email")).isNull();
        assertThat(after.get("s-1").<String>getAs("phone")).isEqualTo("+44 20 7946 0018");
        assertThat(after.get("s-3").<String>getAs("email")).isEqualTo("alan@example.com");
        table.unpersist();
    }

    @Test
    void keySources_failWithTheLocation_neverTheSecret() {
        ExecutorKeys unset = ExecutorKeys.builder().keyRing(fx.ring.toString(),
                KekSource.passphrase(SecretSource.environment("PRIVACYKIT_TEST_UNSET_VARIABLE"))).build();
        assertThatThrownBy(unset::encryptor).isInstanceOf(ExecutorKeyException.class)
                .hasMessageContaining("environment variable PRIVACYKIT_TEST_UNSET_VARIABLE is not set");

        java.nio.file.Path wrong = fx.dir.resolve("wrong-passphrase");
        try {
            java.nio.file.Files.writeString(wrong, "not the passphrase");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        ExecutorKeys bad = ExecutorKeys.builder().keyRing(fx.ring.toString(),
                KekSource.passphrase(SecretSource.file(wrong.toString()), 64, 1, 1)).build();
        assertThatThrownBy(bad::encryptor).isInstanceOf(ExecutorKeyException.class)
                .hasMessageContaining(fx.ring.toString()).hasMessageNotContaining("not the passphrase");

        ExecutorKeys missing = ExecutorKeys.builder().pseudonymSecret(SecretSource.file(fx.dir.resolve("none").toString())).build();
        assertThatThrownBy(missing::pseudonymizer).isInstanceOf(ExecutorKeyException.class)
                .hasMessageContaining("cannot be read");
        assertThatThrownBy(missing::encryptor).hasMessageContaining("no key ring is configured");
        assertThatThrownBy(() -> ExecutorKeys.builder().subjectKeys("/x").build()).isInstanceOf(IllegalStateException.class);
        assertThat(fx.keys().toString()).contains("ring.pkr").doesNotContain(LocalSpark.PASSPHRASE);
    }

    /** A KMS stand-in: what a real factory does with its client, here with the test passphrase. */
    public static final class TestKmsFactory implements KekFactory {
        @Override
        public KeyEncryptionKey create() {
            return LocalSpark.Fixture.kek();
        }
    }

    @Test
    void kekFactory_opensTheRingOnExecutors() throws Exception {
        ExecutorKeys kms = ExecutorKeys.builder().keyRing(fx.ring.toString(), KekSource.factory(TestKmsFactory.class)).build();
        Dataset<Row> rows = spark.createDataFrame(PEOPLE, Customer.class);
        List<Customer> stored = SparkPrivacy.with(kms).encrypt(rows, Customer.class).as(Encoders.bean(Customer.class)).collectAsList();
        FieldEncryptor application = FieldEncryptor.of(KeyRing.open(fx.ring, LocalSpark.Fixture.kek()));
        assertThat(stored.stream().map(c -> {
            try {
                return application.decrypt(c).getPhone();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList()).containsExactlyInAnyOrderElementsOf(PEOPLE.stream().map(Customer::getPhone).toList());
        kms.evictCached();
    }

    private static Map<String, Row> byId(Dataset<Row> rows) {
        return rows.collectAsList().stream().collect(Collectors.toMap(r -> r.getAs("id"), Function.identity()));
    }
}
