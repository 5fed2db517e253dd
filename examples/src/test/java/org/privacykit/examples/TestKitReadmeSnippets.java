package org.privacykit.examples;

import static org.privacykit.test.PrivacyAssertions.assertKAnonymous;
import static org.privacykit.test.PrivacyAssertions.assertLintClean;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.privacykit.annotation.Sensitivity;
import org.privacykit.crypto.FieldEncryptor;
import org.privacykit.test.PrivacyAssertions;
import org.privacykit.test.PrivacyFixtures;
import org.privacykit.test.PrivacyLogGuard;
import org.privacykit.test.TestKeyRings;

/**
 * The root README's test-kit snippet, compiled by the build (ReadmeSnippetsTest compares the regions
 * with the README). Abstract, so JUnit does not run it here: CustomerPrivacyTest runs the same kit on
 * the shop's classes.
 */
@SuppressWarnings("unused")
abstract class TestKitReadmeSnippets {
    private final Customer ada = SampleData.ada();
    private final ObjectMapper api = new ObjectMapper();
    private final List<Customer> rows = List.of(ada);

    // snippet-start test-kit
    @RegisterExtension final PrivacyLogGuard logs = PrivacyLogGuard.create();   // fails the test on a leak in the logs

    @Test void apiResponse_holdsNoPersonalData() throws Exception {
        logs.watch(ada);                                                         // ada's values must not be logged
        String json = api.writeValueAsString(ada);
        PrivacyAssertions.assertThat(json).allowingUpTo(Sensitivity.INTERNAL)
                .containsNoPersonalDataOf(ada)       // clear values, digits-only cards, any-case e-mails, phone digits
                .containsNoPii();                    // the detector
        assertKAnonymous(rows, 5, "age", "zip");
        assertLintClean(Customer.class, Order.class);
    }
    // snippet-end test-kit

    void fixtures() {
        // snippet-start test-kit
        Customer fixture = PrivacyFixtures.anonymizer().anonymize(ada);   // the same in every run
        FieldEncryptor encryptor = TestKeyRings.fieldEncryptor("orders");  // reproducible ciphertexts
        // snippet-end test-kit
    }
}
