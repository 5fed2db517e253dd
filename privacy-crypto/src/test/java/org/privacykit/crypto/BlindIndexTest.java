package org.privacykit.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.privacykit.annotation.EncryptionMode;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.annotation.Sensitivity;
import org.privacykit.audit.AuditSink;
import org.privacykit.spi.FieldContext;

class BlindIndexTest {
    private static final KeyRing KEYS = KeyRing.builder().auditSink(AuditSink.noop()).generate();
    private static final FieldContext EMAIL = FieldContext.of("Customer.email", EncryptionMode.RANDOMIZED)
            .withClassification(PersonalDataType.EMAIL, Sensitivity.CONFIDENTIAL);

    @Test
    void compute_normalizesByType_caseAndSpaces() throws Exception {
        BlindIndex index = BlindIndex.of(KEYS);
        assertThat(index.compute(EMAIL, " Ada@Example.COM ")).isEqualTo(index.compute(EMAIL, "ada@example.com")).hasSize(6);
        assertThat(index.compute("Customer.card", PersonalDataType.PAYMENT_CARD, "4111 1111-1111 1111"))
                .isEqualTo(index.compute("Customer.card", PersonalDataType.PAYMENT_CARD, "4111111111111111"));
        assertThat(index.compute(EMAIL, "ada@example.com")).isNotEqualTo(index.compute(EMAIL, "alan@example.com"));
    }

    @Test
    void compute_differsPerField_andTruncatesToBits() throws Exception {
        BlindIndex index = BlindIndex.builder(KEYS).bits(12).build();
        String a = index.compute("A.email", PersonalDataType.EMAIL, "x@example.com");
        assertThat(a).hasSize(3);
        assertThat(Base64Url.decode(a)[1] & 0x0f).isZero();
        BlindIndex full = BlindIndex.builder(KEYS).bits(256).build();
        assertThat(full.compute("A.email", PersonalDataType.EMAIL, "x@example.com"))
                .isNotEqualTo(full.compute("B.email", PersonalDataType.EMAIL, "x@example.com"));
        assertThatThrownBy(() -> BlindIndex.builder(KEYS).bits(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void searchTerms_coverKeysAfterRotation() throws Exception {
        KeyRing keys = KeyRing.builder().auditSink(AuditSink.noop()).generate();
        BlindIndex index = BlindIndex.of(keys);
        String before = index.compute(EMAIL, "ada@example.com");
        keys.rotate();
        assertThat(index.searchTerms(EMAIL, "ada@example.com")).hasSize(2).endsWith(before);
    }
}
