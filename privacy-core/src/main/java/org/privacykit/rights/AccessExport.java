package org.privacykit.rights;


import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.privacykit.annotation.DataCategory;
import org.privacykit.annotation.LegalBasis;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.annotation.Sensitivity;
import org.privacykit.internal.JsonWriter;
import org.privacykit.metadata.RetentionPeriod;

/**
 * Every personal-data field of one data subject found in the objects given to
 * {@link SubjectRights#export(String, java.util.Collection)}, for a subject access request (GDPR
 * Art. 15) or data portability (Art. 20). {@link #toJson()} is the document to hand over. It holds
 * the person's values, so {@code toString} shows counts only. Immutable.
 */
public final class AccessExport {
    private final String subjectId;
    private final Instant generatedAt;
    private final List<Field> fields;

    AccessExport(String subjectId, Instant generatedAt, List<Field> fields) {
        this.subjectId = subjectId;
        this.generatedAt = generatedAt;
        this.fields = List.copyOf(fields);
    }

    /**
     * Returns the data subject.
     *
     * @return the subject id
     */
    public String subjectId() {
        return subjectId;
    }

    /**
     * Returns when the export was made.
     *
     * @return the time
     */
    public Instant generatedAt() {
        return generatedAt;
    }

    /**
     * Returns the fields found, in the order of the objects and their declarations.
     *
     * @return an unmodifiable list
     */
    public List<Field> fields() {
        return fields;
    }

    /**
     * Returns the export as JSON:
     *
     * <pre>{@code
     * {
     *   "subjectId": "c-1001",
     *   "generatedAt": "2026-11-29T10:15:30Z",
     *   "fieldCount": 1,
     *   "fields": [
     *     {
     *       "path": "Customer.email",
     *       "type": "EMAIL",
     *       "category": "CONTACT",
     *       "categoryLabel": "Contact data",
     *       "sensitivity": "CONFIDENTIAL",
     *       "purposes": ["billing", "support"],
     *       "legalBasis": "CONTRACT",
     *       "retention": "P6Y",
     *       "value": "ada.lovelace@example.com"
     *     }
     *   ]
     * }
     * }</pre>
     *
     * <p>Strings are escaped as RFC 8259 requires; numbers and booleans are JSON literals; dates and
     * other values are their ISO-8601 or {@code toString} text. {@code legalBasis} and {@code retention}
     * are {@code null} when not declared.
     *
     * @return the JSON document
     */
    public String toJson() {
        JsonWriter json = new JsonWriter().beginObject()
                .name("subjectId").value(subjectId)
                .name("generatedAt").value(generatedAt.toString())
                .name("fieldCount").any(fields.size())
                .name("fields").beginArray();
        for (Field f : fields) {
            json.beginObject()
                    .name("path").value(f.path)
                    .name("type").value(f.type == null ? null : f.type.name())
                    .name("category").value(f.category.name())
                    .name("categoryLabel").value(f.category.label())
                    .name("sensitivity").value(f.sensitivity.name())
                    .name("purposes").any(f.purposes.stream().sorted().toArray())
                    .name("legalBasis").value(f.legalBasis == null ? null : f.legalBasis.name())
                    .name("retention").value(f.retention == null ? null : f.retention.iso())
                    .name("value").any(f.value)
                    .endObject();
        }
        return json.endArray().endObject().toString();
    }

    /** Shows the number of fields, never the subject or a value. */
    @Override
    public String toString() {
        return "AccessExport[" + fields.size() + " fields, generated " + generatedAt + "]";
    }

    /** One personal-data value of the subject, with what its declaration says. Holds the value. */
    public static final class Field {
        private final String path;
        private final @Nullable PersonalDataType type;
        private final DataCategory category;
        private final Sensitivity sensitivity;
        private final Set<String> purposes;
        private final @Nullable LegalBasis legalBasis;
        private final @Nullable RetentionPeriod retention;
        private final Object value;

        Field(String path, @Nullable PersonalDataType type, DataCategory category, Sensitivity sensitivity, Set<String> purposes,
              @Nullable LegalBasis legalBasis, @Nullable RetentionPeriod retention, Object value) {
            this.path = path;
            this.type = type;
            this.category = category;
            this.sensitivity = sensitivity;
            this.purposes = purposes;
            this.legalBasis = legalBasis;
            this.retention = retention;
            this.value = value;
        }

        /**
         * Returns where the value is: the root object's class and the path in it.
         *
         * @return the path, such as {@code Customer.orders[0].shippingAddress.postcode}
         */
        public String path() {
            return path;
        }

        /**
         * Returns what the value is.
         *
         * @return the personal data type
         */
        public @Nullable PersonalDataType type() {
            return type;
        }

        /**
         * Returns the GDPR category.
         *
         * @return the category
         */
        public DataCategory category() {
            return category;
        }

        /**
         * Returns the sensitivity.
         *
         * @return the sensitivity
         */
        public Sensitivity sensitivity() {
            return sensitivity;
        }

        /**
         * Returns the purposes the value is processed for.
         *
         * @return the purposes, possibly empty
         */
        public Set<String> purposes() {
            return purposes;
        }

        /**
         * Returns the legal basis of the processing.
         *
         * @return the legal basis, or empty when not declared
         */
        public Optional<LegalBasis> legalBasis() {
            return Optional.ofNullable(legalBasis);
        }

        /**
         * Returns how long the value may be kept.
         *
         * @return the retention, or empty when not declared
         */
        public Optional<RetentionPeriod> retention() {
            return Optional.ofNullable(retention);
        }

        /**
         * Returns the value.
         *
         * @return the value, never {@code null}
         */
        public Object value() {
            return value;
        }

        /** Shows the path and type, never the value. */
        @Override
        public String toString() {
            return "AccessExport.Field[" + path + ", " + type + "]";
        }
    }
}
