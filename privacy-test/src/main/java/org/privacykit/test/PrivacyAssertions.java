package org.privacykit.test;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Collection;

import org.privacykit.dataset.Dataset;
import org.privacykit.inventory.PrivacyLint;

/**
 * Assertions for privacy in unit tests: no personal data in JSON, logs or messages, no PII at all,
 * k-anonymous datasets, a clean lint. Failures are JUnit assertion failures that describe what leaked
 * by path, type, masked value and position, never by the value itself.
 *
 * <pre>{@code
 * import static org.privacykit.test.PrivacyAssertions.*;
 *
 * assertThat(api.writeValueAsString(customer)).containsNoPersonalDataOf(customer);
 * assertThat(exception.getMessage()).containsNoPii();
 * assertKAnonymous(export, 5, "age", "zip", "sex");
 * assertLintClean(Customer.class, Order.class);
 * }</pre>
 */
public final class PrivacyAssertions {
    private PrivacyAssertions() {
    }

    /**
     * Starts assertions on a text: JSON, a log line, an exception message, a file.
     *
     * @param jsonOrText the text, possibly {@code null}
     * @return the assertions
     */
    public static TextAssert assertThat(String jsonOrText) {
        return new TextAssert(jsonOrText);
    }

    /**
     * Asserts that rows are k-anonymous on the given quasi-identifiers.
     *
     * @param rows objects of one class, or maps
     * @param k the k of k-anonymity
     * @param quasiIdentifiers property names or map keys
     * @throws org.opentest4j.AssertionFailedError with the smallest class and the rows below k
     */
    public static void assertKAnonymous(Collection<?> rows, int k, String... quasiIdentifiers) {
        check(() -> Dataset.of(rows, quasiIdentifiers).risk().assertKAnonymous(k));
    }

    /**
     * Asserts that rows are k-anonymous on the {@code @QuasiIdentifier} fields of their class.
     *
     * @param rows objects of one annotated class
     * @param k the k of k-anonymity
     * @throws org.opentest4j.AssertionFailedError with the smallest class and the rows below k
     */
    public static void assertKAnonymous(Collection<?> rows, int k) {
        check(() -> Dataset.of(rows).risk().assertKAnonymous(k));
    }

    /**
     * Asserts that classes pass the privacy lint with its default rules.
     *
     * @param types the classes
     * @throws org.opentest4j.AssertionFailedError listing every violation
     */
    public static void assertLintClean(Class<?>... types) {
        check(() -> PrivacyLint.check(types).assertClean());
    }

    /**
     * Asserts that classes pass the strict privacy lint (purposes, retention, legal basis and subject
     * declared for every personal-data field).
     *
     * @param types the classes
     * @throws org.opentest4j.AssertionFailedError listing every violation
     */
    public static void assertLintCleanStrict(Class<?>... types) {
        check(() -> PrivacyLint.builder().strict(true).build().lint(types).assertClean());
    }

    private static void check(Runnable assertion) {
        try {
            assertion.run();
        } catch (AssertionError e) {
            fail(e.getMessage());
        }
    }
}
