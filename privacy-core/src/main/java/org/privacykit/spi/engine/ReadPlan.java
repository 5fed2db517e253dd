package org.privacykit.spi.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.privacykit.metadata.ClassMetadata;
import org.privacykit.metadata.PropertyMetadata;

/**
 * What the encrypting mapper does when it reads one class, found once when the mapper builds the
 * class's deserializer: which JSON names hold ciphertexts ({@code @Encrypted} properties, under their
 * JSON name and every alias), which hold subject ids (read first, as they may come after the fields
 * they bind), and whether the object's subject ids are the scope of nested objects.
 */
public final class ReadPlan {
    private final ClassMetadata metadata;
    private final Map<String, EncryptPlan> encrypted;
    private final Map<String, PropertyMetadata> subjectIds;
    private final boolean scopes;
    private final boolean caseInsensitive;

    private ReadPlan(ClassMetadata metadata, Map<String, EncryptPlan> encrypted,
                     Map<String, PropertyMetadata> subjectIds, boolean scopes, boolean caseInsensitive) {
        this.metadata = metadata;
        this.encrypted = Map.copyOf(encrypted);
        this.subjectIds = Map.copyOf(subjectIds);
        this.scopes = scopes;
        this.caseInsensitive = caseInsensitive;
    }

    /**
     * Starts the plan of one class.
     *
     * @param protector the encrypting engine
     * @param metadata the class
     * @param caseInsensitive whether the mapper matches JSON names without regard to case
     * @return a builder
     */
    public static Builder builder(Protector protector, ClassMetadata metadata, boolean caseInsensitive) {
        return new Builder(protector, metadata, caseInsensitive);
    }

    /**
     * The class.
     *
     * @return its metadata
     */
    public ClassMetadata metadata() {
        return metadata;
    }

    /**
     * Whether the class has {@code @Encrypted} properties.
     *
     * @return {@code true} when some JSON name holds a ciphertext
     */
    public boolean hasEncrypted() {
        return !encrypted.isEmpty();
    }

    /**
     * Whether the class declares subject ids.
     *
     * @return {@code true} when some JSON name holds a subject id
     */
    public boolean hasSubjectIds() {
        return !subjectIds.isEmpty();
    }

    /**
     * Whether the object's subject ids are the innermost subject scope while its nested objects are read.
     *
     * @return {@code true} when the class has subject ids and properties that may hold protected data
     */
    public boolean scopes() {
        return scopes;
    }

    /**
     * The plan of the {@code @Encrypted} property under a JSON name.
     *
     * @param jsonName the name as read
     * @return the plan, or {@code null} when the name holds no ciphertext
     */
    public @Nullable EncryptPlan encrypted(String jsonName) {
        return encrypted.get(key(jsonName));
    }

    /**
     * The subject id property under a JSON name.
     *
     * @param jsonName the name as read
     * @return the property, or {@code null} when the name holds no subject id
     */
    public @Nullable PropertyMetadata subjectId(String jsonName) {
        return subjectIds.get(key(jsonName));
    }

    /**
     * A map of the class's subject roles to {@code null}, for the reader to fill.
     *
     * @return a new mutable map
     */
    public Map<String, @Nullable String> newSubjectIds() {
        Map<String, @Nullable String> ids = new HashMap<>();
        for (PropertyMetadata id : subjectIds.values()) {
            ids.put(id.subjectIdRole(), null);
        }
        return ids;
    }

    private String key(String jsonName) {
        return caseInsensitive ? jsonName.toLowerCase(Locale.ROOT) : jsonName;
    }

    /** Collects the mapper's properties of one class. */
    public static final class Builder {
        private final Protector protector;
        private final ClassMetadata metadata;
        private final boolean caseInsensitive;
        private final Map<String, EncryptPlan> encrypted = new HashMap<>();
        private final Map<String, PropertyMetadata> subjectIds = new HashMap<>();
        private boolean nestedMayNeedSubject;

        private Builder(Protector protector, ClassMetadata metadata, boolean caseInsensitive) {
            this.protector = protector;
            this.metadata = metadata;
            this.caseInsensitive = caseInsensitive;
        }

        /**
         * Adds one of the mapper's properties.
         *
         * @param property its metadata, or {@code null} when privacy-kit does not know it
         * @param names its JSON name and every alias the mapper accepts
         * @param mayHoldProtectedData whether its value {@linkplain PropertyNames#mayHoldProtectedData may
         *        hold protected data}
         * @return this builder
         */
        public Builder add(@Nullable PropertyMetadata property, List<String> names, boolean mayHoldProtectedData) {
            if (property != null && (property.isEncrypted() || property.isSubjectId())) {
                EncryptPlan plan = property.isEncrypted() ? (EncryptPlan) protector.plan(property, metadata, false) : null;
                for (String name : names) {
                    String key = caseInsensitive ? name.toLowerCase(Locale.ROOT) : name;
                    if (plan != null) {
                        encrypted.put(key, plan);
                    }
                    if (property.isSubjectId()) {
                        subjectIds.put(key, property);
                    }
                }
            }
            nestedMayNeedSubject |= mayHoldProtectedData;
            return this;
        }

        /**
         * Builds the plan.
         *
         * @return the plan, or {@code null} when reading the class needs nothing of privacy-kit
         */
        public @Nullable ReadPlan build() {
            boolean scopes = !subjectIds.isEmpty() && nestedMayNeedSubject;
            if (encrypted.isEmpty() && !scopes) {
                return null;
            }
            return new ReadPlan(metadata, encrypted, subjectIds, scopes, caseInsensitive);
        }
    }
}
