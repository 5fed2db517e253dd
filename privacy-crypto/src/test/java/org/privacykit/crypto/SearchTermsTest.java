package org.privacykit.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.privacykit.annotation.EncryptionMode;
import org.privacykit.audit.AuditSink;
import org.privacykit.spi.FieldContext;

/** Search terms on a long-lived ring: one per enabled key, primary first, whatever the ring's size. */
class SearchTermsTest {
    private static final FieldContext EMAIL = FieldContext.of("Customer.email", EncryptionMode.DETERMINISTIC);
    private static final FieldContext CARD = FieldContext.of("Customer.card", EncryptionMode.FORMAT_PRESERVING).withAlphabet("0123456789");

    @Test
    void aThousandKeyRing_givesOneTermPerEnabledKey_andFindsValuesUnderEachOfThem() throws Exception {
        KeyRing keys = KeyRing.builder().auditSink(AuditSink.noop()).generate();
        FieldEncryptor fields = FieldEncryptor.builder(keys).auditSink(AuditSink.noop()).build();
        String[] stored = new String[3];
        String[] tokens = new String[3];
        for (int i = 1; i < 1_000; i++) {
            keys.rotate();
            if (i >= 997) {
                stored[i - 997] = fields.encrypt(EMAIL, "ada@example.com");
                tokens[i - 997] = fields.encrypt(CARD, "4111111111111111");
            }
        }
        List<KeyInfo> all = keys.keys();
        for (int i = 0; i < 997; i++) {
            keys.disable(all.get(i).id());
        }
        List<String> terms = fields.searchTerms(EMAIL, "ada@example.com");
        assertThat(terms).hasSize(3).containsExactlyInAnyOrder(stored).first().isEqualTo(stored[2]);
        assertThat(fields.searchTerms(CARD, "4111111111111111")).hasSize(3).containsExactlyInAnyOrder(tokens)
                .first().isEqualTo(tokens[2]);
    }
}
