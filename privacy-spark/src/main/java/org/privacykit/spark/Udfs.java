package org.privacykit.spark;

import java.util.Objects;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.jspecify.annotations.Nullable;
import org.privacykit.anonymize.AnonymizationException;
import org.privacykit.crypto.FieldEncryptor;
import org.privacykit.mask.Masker;
import org.privacykit.mask.Maskers;
import org.privacykit.spi.FieldCryptoException;
import org.privacykit.spi.SubjectErasedException;

/**
 * The Spark functions behind {@link Protection}s. Each is serialized into the plan with its
 * description (a column name, a style, a context, {@link ExecutorKeys}) and opens what it needs on
 * the executor; none holds a key in a serialized field.
 */
final class Udfs {
    private Udfs() {
    }

    /** Masks text with a core masker. */
    static final class Mask implements UDF1<String, String> {
        private static final long serialVersionUID = 1L;
        private final Protection.Mask spec;
        private transient @Nullable Masker masker;

        Mask(Protection.Mask spec) {
            this.spec = spec;
        }

        @Override
        public @Nullable String call(@Nullable String value) {
            Masker m = masker;
            if (m == null) {
                m = Maskers.of(spec.style(), spec.keepFirst(), spec.keepLast(), spec.maskChar());
                masker = m;
            }
            return m.mask(value);
        }

        @Override
        public String toString() {
            return "mask " + spec.style();
        }
    }

    /** Pseudonymizes text in a domain. */
    static final class Pseudonymize implements UDF1<String, String> {
        private static final long serialVersionUID = 1L;
        private final ExecutorKeys keys;
        private final String column;
        private final String domain;

        Pseudonymize(ExecutorKeys keys, String column, String domain) {
            this.keys = keys;
            this.column = column;
            this.domain = domain;
        }

        @Override
        public @Nullable String call(@Nullable String value) {
            if (value == null) {
                return null;
            }
            try {
                return keys.pseudonymizer().domain(domain).pseudonymize(value);
            } catch (IllegalArgumentException e) {
                throw new ColumnProtectionException(column, "cannot be pseudonymized: " + e.getMessage(), e);
            }
        }

        @Override
        public String toString() {
            return "pseudonymize in " + domain;
        }
    }

    /** Encrypts or decrypts text with the executor's {@link FieldEncryptor}, bound to a subject when given one. */
    static final class Crypt implements UDF2<String, String, String> {
        private static final long serialVersionUID = 1L;
        private final ExecutorKeys keys;
        private final String column;
        private final Protection.Context context;
        private final boolean encrypt;

        Crypt(ExecutorKeys keys, String column, Protection.Context context, boolean encrypt) {
            this.keys = keys;
            this.column = column;
            this.context = context;
            this.encrypt = encrypt;
        }

        @Override
        public @Nullable String call(@Nullable String value, @Nullable String subject) {
            if (value == null) {
                return null;
            }
            FieldEncryptor encryptor = keys.encryptor();
            try {
                return encrypt ? encryptor.encrypt(context.toFieldContext(subject), value)
                        : encryptor.decrypt(context.toFieldContext(subject), value);
            } catch (SubjectErasedException e) {
                if (encrypt) {
                    throw new ColumnProtectionException(column, "the data subject was forgotten: nothing is encrypted for it", e);
                }
                return null; // crypto-shredded: the value is gone for everyone
            } catch (FieldCryptoException e) {
                throw new ColumnProtectionException(column, (encrypt ? "encryption" : "decryption") + " failed: "
                        + e.getMessage(), e);
            }
        }

        @Override
        public String toString() {
            return (encrypt ? "encrypt in " : "decrypt in ") + context.name() + " (" + context.mode() + ")";
        }
    }

    /** Replaces text with the anonymizer's keyed fake of a type. */
    static final class Fake implements UDF1<String, String> {
        private static final long serialVersionUID = 1L;
        private final ExecutorKeys keys;
        private final String column;
        private final Protection.Fake spec;

        Fake(ExecutorKeys keys, String column, Protection.Fake spec) {
            this.keys = keys;
            this.column = column;
            this.spec = spec;
        }

        @Override
        public @Nullable String call(@Nullable String value) {
            if (value == null) {
                return null;
            }
            try {
                return keys.anonymizer().fake(spec.type(), value);
            } catch (AnonymizationException e) {
                throw new ColumnProtectionException(column, "cannot be faked: " + e.getMessage(), e);
            }
        }

        @Override
        public String toString() {
            return "fake " + spec.type();
        }
    }

    static ExecutorKeys require(@Nullable ExecutorKeys keys, String column, Protection p) {
        return Objects.requireNonNull(keys, () -> column + ": " + p.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)
                + " needs keys: SparkPrivacy.with(ExecutorKeys)");
    }
}
