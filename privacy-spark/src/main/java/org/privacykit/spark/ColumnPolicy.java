package org.privacykit.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.privacykit.annotation.EncryptionMode;
import org.privacykit.annotation.MaskStyle;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.metadata.ClassMetadata;
import org.privacykit.metadata.Classification;
import org.privacykit.metadata.PrivacyMetadata;
import org.privacykit.metadata.PropertyMetadata;
import org.privacykit.spi.FieldContext;

/**
 * What to do to which column: an explicit list, or one derived from an annotated class
 * ({@link #masking}, {@link #pseudonymizing}, {@link #encrypting}, {@link #decrypting}), whose
 * property names find their columns by name, ignoring case, or in snake_case ({@code firstName}
 * finds {@code first_name}). Immutable and serializable; holds no key.
 *
 * <pre>{@code
 * ColumnPolicy policy = ColumnPolicy.builder()
 *     .mask("email", PersonalDataType.EMAIL)
 *     .pseudonymize("customer_id", "Customer.id")
 *     .encrypt("note", Protection.Context.of("orders.note", EncryptionMode.RANDOMIZED), "customer_id")
 *     .build();
 * }</pre>
 */
public final class ColumnPolicy implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The pseudonym domain every class shares for subject ids, as the anonymizer's. */
    static final String SUBJECT_ID_DOMAIN = "@SubjectId";

    private final Map<String, Protection> columns;
    private final boolean declared;
    private final String source;

    private ColumnPolicy(Map<String, Protection> columns, boolean declared, String source) {
        this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        this.declared = declared;
        this.source = source;
    }

    /**
     * Starts an explicit policy.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Masks every protected property of a class with its declared mask, as {@code Masked} and the
     * masking mappers do.
     *
     * @param type the annotated class
     * @return the policy
     */
    public static ColumnPolicy masking(Class<?> type) {
        ClassMetadata metadata = PrivacyMetadata.of(type);
        Map<String, Protection> out = new LinkedHashMap<>();
        for (PropertyMetadata p : textProperties(metadata)) {
            Classification c = p.classification();
            out.put(p.name(), new Protection.Mask(c.maskStyle(), c.maskKeepFirst(), c.maskKeepLast(), c.maskChar()));
        }
        return new ColumnPolicy(out, true, "masking " + type.getName());
    }

    /**
     * Pseudonymizes every protected text property of a class in its own domain (the field's name,
     * or the {@code context} of its {@code @Encrypted}), and subject ids in the domain every class
     * shares: the tokens the {@code Anonymizer}'s PSEUDONYMIZE operator gives on the JVM side.
     *
     * @param type the annotated class
     * @return the policy
     */
    public static ColumnPolicy pseudonymizing(Class<?> type) {
        ClassMetadata metadata = PrivacyMetadata.of(type);
        Map<String, Protection> out = new LinkedHashMap<>();
        for (PropertyMetadata id : metadata.subjectIds().values()) {
            out.put(id.name(), new Protection.Pseudonymize(SUBJECT_ID_DOMAIN));
        }
        for (PropertyMetadata p : textProperties(metadata)) {
            out.putIfAbsent(p.name(), new Protection.Pseudonymize(p.isEncrypted() ? p.encryption().context() : p.qualifiedName()));
        }
        return new ColumnPolicy(out, true, "pseudonymizing " + type.getName());
    }

    /**
     * Encrypts every {@code @Encrypted} property of a class in its declared context and mode, bound
     * to the row's subject id: the ciphertexts {@code FieldEncryptor.encrypt(object)} writes.
     *
     * @param type the annotated class
     * @return the policy
     */
    public static ColumnPolicy encrypting(Class<?> type) {
        return crypto(type, true);
    }

    /**
     * Decrypts every {@code @Encrypted} property of a class, as {@link #encrypting} wrote it.
     *
     * @param type the annotated class
     * @return the policy
     */
    public static ColumnPolicy decrypting(Class<?> type) {
        return crypto(type, false);
    }

    private static ColumnPolicy crypto(Class<?> type, boolean encrypt) {
        ClassMetadata metadata = PrivacyMetadata.of(type);
        Map<String, Protection> out = new LinkedHashMap<>();
        for (PropertyMetadata p : metadata.properties()) {
            if (!p.isEncrypted() || p.isContainer() || p.rawType() != String.class) {
                continue;
            }
            Protection.Context context = Protection.Context.of(FieldContext.of(p, null));
            String role = p.isProtected() ? p.classification().subjectRole() : "";
            PropertyMetadata id = metadata.subjectIdProperty(role);
            String subject = id == null ? null : id.name();
            out.put(p.name(), encrypt ? new Protection.Encrypt(context, subject) : new Protection.Decrypt(context, subject));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(type.getName() + " declares no @Encrypted String property");
        }
        return new ColumnPolicy(out, true, (encrypt ? "encrypting " : "decrypting ") + type.getName());
    }

    private static List<PropertyMetadata> textProperties(ClassMetadata metadata) {
        List<PropertyMetadata> out = new ArrayList<>();
        for (PropertyMetadata p : metadata.properties()) {
            if (p.isProtected() && !p.isContainer() && p.rawType() == String.class) {
                out.add(p);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(metadata.type().getName() + " declares no protected String property");
        }
        return out;
    }

    /**
     * Returns the columns (or, for a policy from a class, property names) and what is done to each.
     *
     * @return an unmodifiable map in declaration order
     */
    public Map<String, Protection> columns() {
        return columns;
    }

    /** Whether the names are a class's property names, matched to columns loosely and skipped when absent. */
    boolean isDeclared() {
        return declared;
    }

    @Override
    public String toString() {
        return "ColumnPolicy[" + source + ": " + columns + "]";
    }

    /** Builds an explicit {@link ColumnPolicy}; every named column must exist in the data set. */
    public static final class Builder {
        private final Map<String, Protection> columns = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Masks a column as a personal data type's default mask.
         *
         * @param column the column
         * @param type the type whose mask to use
         * @return this builder
         */
        public Builder mask(String column, PersonalDataType type) {
            return mask(column, type.defaultMask(), -1, -1, '*');
        }

        /**
         * Masks a column with a chosen style.
         *
         * @param column the column
         * @param style the style
         * @param keepFirst leading characters to keep, or -1 for the style's default
         * @param keepLast trailing characters to keep, or -1 for the style's default
         * @param maskChar the character that replaces hidden ones
         * @return this builder
         */
        public Builder mask(String column, MaskStyle style, int keepFirst, int keepLast, char maskChar) {
            return put(column, new Protection.Mask(style, keepFirst, keepLast, maskChar));
        }

        /**
         * Pseudonymizes a column in a domain.
         *
         * @param column the column
         * @param domain the pseudonym domain, such as {@code "Customer.email"}
         * @return this builder
         */
        public Builder pseudonymize(String column, String domain) {
            return put(column, new Protection.Pseudonymize(domain));
        }

        /**
         * Encrypts a column.
         *
         * @param column the column
         * @param context the encryption context
         * @param subjectColumn the column holding the data subject's id, or {@code null} for none
         * @return this builder
         */
        public Builder encrypt(String column, Protection.Context context, @Nullable String subjectColumn) {
            return put(column, new Protection.Encrypt(context, subjectColumn));
        }

        /**
         * Encrypts a column by hand in a mode, without subject.
         *
         * @param column the column
         * @param contextName the name the ciphertext is bound to
         * @param mode how to encrypt
         * @return this builder
         */
        public Builder encrypt(String column, String contextName, EncryptionMode mode) {
            return encrypt(column, Protection.Context.of(contextName, mode), null);
        }

        /**
         * Decrypts a column.
         *
         * @param column the column
         * @param context the encryption context it was encrypted in
         * @param subjectColumn the column holding the data subject's id, or {@code null} for none
         * @return this builder
         */
        public Builder decrypt(String column, Protection.Context context, @Nullable String subjectColumn) {
            return put(column, new Protection.Decrypt(context, subjectColumn));
        }

        /**
         * Replaces a column with consistent keyed fakes of a type.
         *
         * @param column the column
         * @param type the personal data type
         * @return this builder
         */
        public Builder fake(String column, PersonalDataType type) {
            return put(column, new Protection.Fake(type));
        }

        /**
         * Redacts a column.
         *
         * @param column the column
         * @return this builder
         */
        public Builder redact(String column) {
            return put(column, new Protection.Redact());
        }

        /**
         * Suppresses a column (every value becomes {@code null}).
         *
         * @param column the column
         * @return this builder
         */
        public Builder suppress(String column) {
            return put(column, new Protection.Suppress());
        }

        private Builder put(String column, Protection protection) {
            Objects.requireNonNull(column, "column");
            if (column.isBlank()) {
                throw new IllegalArgumentException("a column name is blank");
            }
            if (columns.putIfAbsent(column, protection) != null) {
                throw new IllegalArgumentException("column " + column + " is already in the policy");
            }
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         * @throws IllegalStateException when it names no column
         */
        public ColumnPolicy build() {
            if (columns.isEmpty()) {
                throw new IllegalStateException("a column policy names at least one column");
            }
            return new ColumnPolicy(columns, false, "explicit");
        }
    }
}
