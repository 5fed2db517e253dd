package org.privacykit.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.privacykit.annotation.PersonalDataType;
import org.privacykit.spi.FieldContext;
import org.privacykit.spi.FieldCryptoException;

/**
 * A blind index lets a randomized field be searched by equality without deterministic ciphertext:
 * store {@code index(field, value)} in a column beside the ciphertext and query that column. The
 * index is HMAC-SHA256 under a key derived per field from the key ring, over the normalized value
 * (Unicode NFC and trimmed; case-folded and stripped of spaces and dashes where the type asks),
 * truncated to a configurable number of bits so that distinct values collide on purpose, as the AWS
 * Database Encryption SDK's beacons do: fewer bits leak less and return a few false positives, which
 * the application filters after decrypting.
 *
 * <pre>{@code
 * BlindIndex index = BlindIndex.builder(keys).bits(32).build();
 * String term = index.compute(emailField, "Ada@Example.com ");     // same as for "ada@example.com"
 * List<String> terms = index.searchTerms(emailField, value);       // one per enabled key, after rotation
 * }</pre>
 *
 * <p>Immutable and thread-safe. An index reveals which rows share a value (within the truncation),
 * so it is for values of enough entropy; it is no substitute for encryption.
 */
public final class BlindIndex {

    private final DerivedKeys keys;
    private final int bits;

    private BlindIndex(Builder b) {
        this.keys = new DerivedKeys(b.keys);
        this.bits = b.bits;
    }

    /**
     * Returns a 32-bit blind index over a key ring.
     *
     * @param keys the key ring
     * @return the blind index
     */
    public static BlindIndex of(KeyRing keys) {
        return builder(keys).build();
    }

    /**
     * Starts a blind index with a chosen size.
     *
     * @param keys the key ring
     * @return a builder
     */
    public static Builder builder(KeyRing keys) {
        return new Builder(keys);
    }

    /**
     * Returns the number of bits kept.
     *
     * @return the bits
     */
    public int bits() {
        return bits;
    }

    /**
     * Computes the index of a value under the primary key, normalized by the field's type.
     *
     * @param field the field context (its name selects the key, its type the normalization)
     * @param value the clear value
     * @return the index, base64url text of {@code ceil(bits / 8)} bytes
     * @throws FieldCryptoException when the index cannot be computed
     */
    public String compute(FieldContext field, String value) throws FieldCryptoException {
        Objects.requireNonNull(field, "field");
        return compute(field.name(), field.type(), value, keys.keyset().primary);
    }

    /**
     * Computes the index of a value for a field given by name.
     *
     * @param fieldName the name the key is derived for, such as {@code Customer.email}
     * @param type the personal data type that selects the normalization, or {@code null}
     * @param value the clear value
     * @return the index
     * @throws FieldCryptoException when the index cannot be computed
     */
    public String compute(String fieldName, PersonalDataType type, String value) throws FieldCryptoException {
        return compute(fieldName, type, value, keys.keyset().primary);
    }

    /**
     * Returns the index of a value under each enabled key, the primary's first, so a search keeps
     * finding rows indexed before a rotation.
     *
     * @param field the field context
     * @param value the clear value
     * @return one index per enabled key
     * @throws FieldCryptoException when an index cannot be computed
     */
    public List<String> searchTerms(FieldContext field, String value) throws FieldCryptoException {
        Objects.requireNonNull(field, "field");
        List<String> out = new ArrayList<>();
        for (KeyEntry key : keys.keyset().enabled) {
            out.add(compute(field.name(), field.type(), value, key));
        }
        return out;
    }

    private String compute(String fieldName, PersonalDataType type, String value, KeyEntry key) throws FieldCryptoException {
        Objects.requireNonNull(fieldName, "fieldName");
        if (value == null) {
            throw new NullPointerException(fieldName + ": the value to index is null");
        }
        byte[] normalized;
        try {
            normalized = Utf8.encode(normalize(type, value));
        } catch (Utf8.InvalidUtf16Exception e) {
            throw new FieldCryptoException(fieldName, "the value is not valid text: " + e.getMessage());
        }
        byte[] tag;
        try {
            tag = keys.context(fieldName).keys(key).mac(FieldKeys.Purpose.BLIND_INDEX).computeMac(normalized);
        } catch (GeneralSecurityException e) {
            throw new FieldCryptoException(fieldName, "blind index failed (" + e.getClass().getSimpleName() + ")", e);
        }
        int bytes = (bits + 7) / 8;
        if (bits % 8 != 0) {
            tag[bytes - 1] &= (byte) (0xff << (8 - bits % 8));
        }
        return Base64Url.encode(tag, 0, bytes);
    }

    /**
     * Normalizes a value as the index sees it: NFC and trimmed; emails and user names lower-cased;
     * cards, IBANs, phones, national ids, postcodes and account numbers upper-cased without spaces,
     * dashes, dots or slashes.
     *
     * @param type the personal data type, or {@code null}
     * @param value the value
     * @return the normalized value
     */
    public static String normalize(PersonalDataType type, String value) {
        String v = Normalizer.normalize(value, Normalizer.Form.NFC).strip();
        if (type == null) {
            return v;
        }
        switch (type) {
            case EMAIL:
            case USERNAME:
                return v.toLowerCase(Locale.ROOT);
            case PAYMENT_CARD:
            case IBAN:
            case BANK_ACCOUNT:
            case PHONE:
            case NATIONAL_ID:
            case PASSPORT:
            case POSTCODE:
                return v.replaceAll("[\\s\\-./]", "").toUpperCase(Locale.ROOT);
            default:
                return v;
        }
    }

    @Override
    public String toString() {
        return "BlindIndex[HMAC-SHA256, " + bits + " bits]";
    }

    /** Builds a {@link BlindIndex}. */
    public static final class Builder {
        private final KeyRing keys;
        private int bits = 32;

        private Builder(KeyRing keys) {
            this.keys = Objects.requireNonNull(keys, "keys");
        }

        /**
         * Sets how many bits of the HMAC to keep, 1 to 256; the default is 32.
         *
         * @param bits the bits
         * @return this builder
         * @throws IllegalArgumentException when out of range
         */
        public Builder bits(int bits) {
            if (bits < 1 || bits > 256) {
                throw new IllegalArgumentException("a blind index keeps 1 to 256 bits, was " + bits);
            }
            this.bits = bits;
            return this;
        }

        /**
         * Builds the blind index.
         *
         * @return the blind index
         */
        public BlindIndex build() {
            return new BlindIndex(this);
        }
    }
}
