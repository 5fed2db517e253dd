package org.privacykit.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.apache.spark.sql.SparkSession;
import org.privacykit.crypto.KeyEncryptionKey;
import org.privacykit.crypto.KeyRing;

/**
 * One local[2] session for every test class of the module (stopped when the JVM ends), and the
 * files an executor reads its keys from: a passphrase-wrapped key ring, a subject key directory,
 * a pseudonym secret.
 */
final class LocalSpark {
    static final String PASSPHRASE = "correct horse battery staple";
    private static SparkSession session;
    private static Fixture fixture;

    private LocalSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder().master("local[2]").appName("privacy-spark-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.default.parallelism", "2")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.sql.adaptive.enabled", "false")
                    .getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }

    /** The key files of the tests, made once. */
    static synchronized Fixture fixture() {
        if (fixture == null) {
            try {
                fixture = new Fixture(Files.createTempDirectory("privacy-spark-keys"));
            } catch (IOException | java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return fixture;
    }

    static final class Fixture {
        final Path dir;
        final Path ring;
        final Path passphrase;
        final Path secretFile;
        final byte[] secret = new byte[32];
        final Path subjects;

        Fixture(Path dir) throws IOException, java.security.GeneralSecurityException {
            this.dir = dir;
            this.ring = dir.resolve("ring.pkr");
            this.passphrase = dir.resolve("passphrase");
            Files.writeString(passphrase, PASSPHRASE + "\n", StandardCharsets.UTF_8);
            KeyRing.create(ring, kek());
            new SecureRandom().nextBytes(secret);
            this.secretFile = dir.resolve("pseudonym-key");
            Files.writeString(secretFile, Base64.getEncoder().encodeToString(secret), StandardCharsets.US_ASCII);
            this.subjects = Files.createDirectories(dir.resolve("subjects"));
        }

        static KeyEncryptionKey kek() {
            return KeyEncryptionKey.passphrase(PASSPHRASE.toCharArray(), 64, 1, 1);
        }

        KekSource kekSource() {
            return KekSource.passphrase(SecretSource.file(passphrase.toString()), 64, 1, 1);
        }

        /** Ring and secret, no subject keys. */
        ExecutorKeys keys() {
            return ExecutorKeys.builder().keyRing(ring.toString(), kekSource())
                    .pseudonymSecret(SecretSource.file(secretFile.toString())).build();
        }

        /** Ring, secret and the subject key directory. */
        ExecutorKeys subjectKeys() {
            return ExecutorKeys.builder().keyRing(ring.toString(), kekSource()).subjectKeys(subjects.toString())
                    .pseudonymSecret(SecretSource.file(secretFile.toString())).build();
        }

        /** The application's side: the same ring opened in this JVM. */
        KeyRing openRing() {
            try {
                return KeyRing.open(ring, kek());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
