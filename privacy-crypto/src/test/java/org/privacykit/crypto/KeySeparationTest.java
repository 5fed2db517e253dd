package org.privacykit.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import org.junit.jupiter.api.Test;
import org.privacykit.annotation.EncryptionMode;
import org.privacykit.audit.AuditSink;
import org.privacykit.spi.FieldContext;
import org.privacykit.spi.TamperedCiphertextException;

/**
 * Issue 13.9: a component handed a raw ring primitive for a context must not be able to read or
 * forge what a {@link FieldEncryptor} makes for the field of that name. The raw primitives use the
 * same envelope (header as associated data, then the caller's associated data), so with shared keys
 * the field's binding passed as associated data would open a field ciphertext.
 */
class KeySeparationTest {
    private static final String FIELD = "Customer.note";
    private final KeyRing keys = KeyRing.builder().auditSink(AuditSink.noop()).generate();
    private final FieldEncryptor fields = FieldEncryptor.builder(keys).auditSink(AuditSink.noop()).build();

    private static byte[] binding(String name) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(5 + n.length).put((byte) 0).putInt(n.length).put(n).array();
    }

    @Test
    void rawAead_cannotReadNorForgeTheFieldsRandomizedCiphertexts() throws Exception {
        FieldContext field = FieldContext.of(FIELD, EncryptionMode.RANDOMIZED);
        byte[] stored = Base64Url.decode(fields.encrypt(field, "secret note"));
        Aead raw = keys.aead(FIELD);
        assertThatThrownBy(() -> raw.decrypt(stored, binding(FIELD))).isInstanceOf(GeneralSecurityException.class);

        String forged = Base64Url.encode(raw.encrypt("forged".getBytes(StandardCharsets.UTF_8), binding(FIELD)));
        assertThatThrownBy(() -> fields.decrypt(field, forged)).isInstanceOf(TamperedCiphertextException.class);
    }

    @Test
    void rawDeterministicAead_cannotReadNorForgeTheFieldsDeterministicCiphertexts() throws Exception {
        FieldContext field = FieldContext.of(FIELD, EncryptionMode.DETERMINISTIC);
        byte[] stored = Base64Url.decode(fields.encrypt(field, "ada@example.com"));
        DeterministicAead raw = keys.deterministicAead(FIELD);
        assertThatThrownBy(() -> raw.decryptDeterministically(stored, binding(FIELD))).isInstanceOf(GeneralSecurityException.class);

        String forged = Base64Url.encode(raw.encryptDeterministically("eve@example.com".getBytes(StandardCharsets.UTF_8), binding(FIELD)));
        assertThatThrownBy(() -> fields.decrypt(field, forged)).isInstanceOf(TamperedCiphertextException.class);
    }

    @Test
    void rawMac_isNotTheBlindIndexKey() throws Exception {
        BlindIndex index = BlindIndex.builder(keys).bits(256).build();
        String term = index.compute(FIELD, null, "ada");
        byte[] rawTag = keys.mac(FIELD).computeMac("ada".getBytes(StandardCharsets.UTF_8));
        assertThat(Base64Url.encode(java.util.Arrays.copyOfRange(rawTag, 5, rawTag.length))).isNotEqualTo(term);
    }

    @Test
    void rawFormatPreserving_isNotTheFieldsFf1Key() throws Exception {
        FieldContext field = FieldContext.of(FIELD, EncryptionMode.FORMAT_PRESERVING).withAlphabet("0123456789");
        String token = fields.encrypt(field, "4111111111111111");
        String raw = keys.formatPreserving(FIELD, Alphabet.DIGITS).encrypt("4111111111111111", FIELD.getBytes(StandardCharsets.UTF_8));
        assertThat(raw).isNotEqualTo(token);
    }

    /** One key per purpose, even when two purposes ask the same cache for a MAC. */
    @Test
    void derivedKeys_macPerPurpose_areDistinct() throws Exception {
        FieldKeys derived = keys.snapshot().primary.keys(FIELD);
        byte[] data = {1, 2, 3};
        byte[] blind = derived.mac(FieldKeys.Purpose.BLIND_INDEX).computeMac(data);
        byte[] ring = derived.mac(FieldKeys.Purpose.RING_MAC).computeMac(data);
        assertThat(blind).isNotEqualTo(ring);
        assertThat(derived.mac(FieldKeys.Purpose.BLIND_INDEX).computeMac(data)).isEqualTo(blind);
    }

    /** Subject keys are wrapped under their own purpose: a field named like the wrapping context cannot open one. */
    @Test
    void subjectKeyWrapping_isNotAFieldKey() throws Exception {
        KeyEntry primary = keys.snapshot().primary;
        FieldKeys wrapContext = primary.keys(SubjectKeys.WRAP_CONTEXT);
        byte[] wrapped = wrapContext.aead(FieldKeys.Purpose.SUBJECT_WRAP).encrypt(new byte[32], new byte[0]);
        assertThatThrownBy(() -> wrapContext.aead(FieldKeys.Purpose.FIELD_AEAD).decrypt(wrapped, new byte[0]))
                .isInstanceOf(GeneralSecurityException.class);
    }
}
