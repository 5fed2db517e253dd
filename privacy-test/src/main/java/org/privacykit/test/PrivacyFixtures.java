package org.privacykit.test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

import org.privacykit.anonymize.Anonymizer;
import org.privacykit.pseudonym.Pseudonymizer;

/**
 * Deterministic secrets, anonymizers and pseudonymizers for reproducible test fixtures: the same
 * label gives the same 32 bytes on every machine and in every run, so anonymized fixtures and
 * pseudonyms can be compared with stored expectations. The secrets are public by construction
 * (SHA-256 of a fixed prefix and the label): never use them outside tests.
 *
 * <pre>{@code
 * Customer fixture = PrivacyFixtures.anonymizer().anonymize(SampleData.ada());   // the same in every run
 * byte[] key = PrivacyFixtures.secret("orders");                                 // another stable key
 * }</pre>
 */
public final class PrivacyFixtures {
    private static final String PREFIX = "privacykit test secret, never for production: ";

    private PrivacyFixtures() {
    }

    /**
     * Returns the test secret of a label: SHA-256 of a fixed prefix and the label's UTF-8 bytes.
     *
     * @param label a name for the secret, such as {@code "default"} or {@code "orders"}
     * @return 32 bytes, a fresh array
     */
    public static byte[] secret(String label) {
        Objects.requireNonNull(label, "label");
        try {
            return MessageDigest.getInstance("SHA-256").digest((PREFIX + label).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }

    /**
     * Returns an anonymizer with the {@code "default"} test secret and every default setting.
     *
     * @return the anonymizer
     */
    public static Anonymizer anonymizer() {
        return anonymizer("default");
    }

    /**
     * Returns an anonymizer with the test secret of a label.
     *
     * @param label the secret's label
     * @return the anonymizer
     */
    public static Anonymizer anonymizer(String label) {
        return Anonymizer.withKey(secret(label));
    }

    /**
     * Returns a builder for an anonymizer with the test secret of a label, to change other settings.
     *
     * @param label the secret's label
     * @return the builder
     */
    public static Anonymizer.Builder anonymizerBuilder(String label) {
        return Anonymizer.builder(secret(label));
    }

    /**
     * Returns a pseudonymizer with the test secret of a label.
     *
     * @param label the secret's label
     * @return the pseudonymizer
     */
    public static Pseudonymizer pseudonymizer(String label) {
        return Pseudonymizer.hmacSha256(secret(label));
    }
}
