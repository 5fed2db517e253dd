package org.privacykit.discovery;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.privacykit.annotation.PersonalDataType;

/**
 * What discovery found in one column (or CSV column, or JSON key path). Holds no sampled value: the
 * types found and how often, what the name suggests, the inventory field that declares it, how it is
 * stored, and at most a masked example.
 *
 * @param name the column name
 * @param valueType the column's type as the source names it ({@code VARCHAR}, {@code text}, {@code json string})
 * @param sampled how many non-empty values were sampled
 * @param found the personal data types the detector found, with the number of values each was found in
 * @param nameSuggests what the column's name suggests by the lint's rules ({@code EMAIL}, {@code SECRET}), or {@code null}
 * @param declaredBy the inventory field that declares the column ({@code com.example.Customer.email}), or {@code null}
 * @param storage how the sampled values are stored
 * @param ciphertexts how many sampled values are privacy-kit ciphertexts
 * @param keyIds the key ids of those ciphertexts, in hex, sorted (several: a rotation in progress)
 * @param maskedExample one finding, masked as its type masks ({@code j***@example.com}), or {@code null}
 * @param verdict what the column means for the inventory
 */
public record ColumnReport(String name, String valueType, long sampled, List<TypeCount> found,
                           @Nullable String nameSuggests, @Nullable String declaredBy, Storage storage,
                           long ciphertexts, List<String> keyIds, @Nullable String maskedExample, Verdict verdict) {

    /**
     * A personal data type and the number of sampled values it was found in.
     *
     * @param type the type
     * @param values the number of values
     */
    public record TypeCount(PersonalDataType type, long values) {
    }

    /** How a column's sampled values are stored. */
    public enum Storage {
        /** No non-empty value was sampled. */
        EMPTY,
        /** No value is a privacy-kit ciphertext. */
        CLEAR,
        /** Some values are privacy-kit ciphertexts, others are not: a migration not finished, or values written around the encryption. */
        PARTLY_ENCRYPTED,
        /** Every value is a privacy-kit ciphertext. */
        ENCRYPTED
    }

    /** What the column means for the inventory, worst first. */
    public enum Verdict {
        /** Personal data (found by the detector or suggested by the name) that no inventory field declares. */
        UNDECLARED,
        /** Declared {@code @Encrypted} in the inventory, but values are stored in clear. */
        DECLARED_ENCRYPTED_BUT_CLEAR,
        /** Declared in the inventory. */
        DECLARED,
        /** Encrypted with privacy-kit and not declared in the scanned inventory. */
        ENCRYPTED,
        /** Nothing personal found. */
        NONE
    }

    /** Checks and copies the components. */
    public ColumnReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(valueType, "valueType");
        found = List.copyOf(found);
        Objects.requireNonNull(storage, "storage");
        keyIds = List.copyOf(keyIds);
        Objects.requireNonNull(verdict, "verdict");
    }

    /**
     * Tells whether the column looks personal: a type was found in a value, or its name suggests one.
     *
     * @return {@code true} for a personal column
     */
    public boolean looksPersonal() {
        return !found.isEmpty() || nameSuggests != null;
    }
}
