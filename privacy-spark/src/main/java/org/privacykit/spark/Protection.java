package org.privacykit.spark;

import java.io.Serializable;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.privacykit.annotation.EncryptionMode;
import org.privacykit.annotation.MaskStyle;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.annotation.Sensitivity;
import org.privacykit.spi.FieldContext;

/**
 * What a {@link ColumnPolicy} does to one column. Values only: names, styles and contexts, never a
 * key; each is made into a Spark function that opens its keys on the executor.
 */
public sealed interface Protection extends Serializable {

    /** Masks the text with a core masker ({@code Maskers.of(style, keepFirst, keepLast, maskChar)}). */
    record Mask(MaskStyle style, int keepFirst, int keepLast, char maskChar) implements Protection {
        public Mask {
            Objects.requireNonNull(style, "style");
        }
    }

    /** Replaces the text with its keyed pseudonym in a domain, as {@code Pseudonymizer.pseudonymize(domain, value)}. */
    record Pseudonymize(String domain) implements Protection {
        public Pseudonymize {
            Objects.requireNonNull(domain, "domain");
        }
    }

    /**
     * Encrypts the text as {@code FieldEncryptor.encrypt(context, value)}, bound to the subject id
     * read from {@code subjectColumn} when there is one.
     */
    record Encrypt(Context context, @Nullable String subjectColumn) implements Protection {
        public Encrypt {
            Objects.requireNonNull(context, "context");
        }
    }

    /**
     * Decrypts what {@link Encrypt} (or {@code FieldEncryptor}) wrote; a value of a forgotten
     * subject becomes {@code null} (crypto-shredded).
     */
    record Decrypt(Context context, @Nullable String subjectColumn) implements Protection {
        public Decrypt {
            Objects.requireNonNull(context, "context");
        }
    }

    /** Replaces the text with the anonymizer's consistent keyed fake of a type ({@code Anonymizer.fake}). */
    record Fake(PersonalDataType type) implements Protection {
        public Fake {
            Objects.requireNonNull(type, "type");
        }
    }

    /** Replaces every non-null text with {@code [REDACTED]}. */
    record Redact() implements Protection {
    }

    /** Replaces every value with {@code null}, whatever the column's type. */
    record Suppress() implements Protection {
    }

    /**
     * The encryption context of a column, as a {@link FieldContext} without subject: the name the
     * ciphertext is bound to (the {@code context} of {@code @Encrypted}, by default
     * {@code Class.field}), the mode, and what picks the format-preserving alphabet.
     */
    record Context(String name, EncryptionMode mode, String alphabet, @Nullable PersonalDataType type,
                   Sensitivity sensitivity) implements Serializable {
        public Context {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(alphabet, "alphabet");
            Objects.requireNonNull(sensitivity, "sensitivity");
        }

        /**
         * Returns the context of a column encrypted by hand, as {@code FieldContext.of(name, mode)}.
         *
         * @param name the name to bind to, such as {@code "orders.note"}
         * @param mode how to encrypt
         * @return the context
         */
        public static Context of(String name, EncryptionMode mode) {
            return of(FieldContext.of(name, mode));
        }

        /**
         * Returns the context a {@link FieldContext} describes (its subject is not kept).
         *
         * @param field the field context
         * @return the context
         */
        public static Context of(FieldContext field) {
            return new Context(field.name(), field.mode(), field.alphabet(), field.type(), field.sensitivity());
        }

        FieldContext toFieldContext(@Nullable String subjectId) {
            FieldContext c = FieldContext.of(name, mode).withClassification(type, sensitivity).withSubject(subjectId);
            return alphabet.isEmpty() ? c : c.withAlphabet(alphabet);
        }
    }
}
