package org.privacykit.anonymize;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.privacykit.annotation.Operator;
import org.privacykit.metadata.PropertyMetadata;

/**
 * Where a protected value sits, as an {@link OperatorSelector} sees it: its concrete path, its
 * property, its data subject and the operator the anonymizer would apply. It holds no value.
 * Immutable.
 */
public final class FieldSite {
    private final String path;
    private final PropertyMetadata property;
    private final @Nullable String subjectId;
    private final Operator declared;

    FieldSite(String path, PropertyMetadata property, @Nullable String subjectId, Operator declared) {
        this.path = path;
        this.property = property;
        this.subjectId = subjectId;
        this.declared = declared;
    }

    /**
     * Returns the path from the object passed to the anonymizer, with indexes, as
     * {@link org.privacykit.metadata.PrivacyMetadata#walk} writes it: {@code orders[0].shippingAddress.postcode}.
     *
     * @return the path
     */
    public String path() {
        return path;
    }

    /**
     * Returns the protected property.
     *
     * @return the property, with its classification
     */
    public PropertyMetadata property() {
        return property;
    }

    /**
     * Returns the id of the data subject the value describes.
     *
     * @return the subject id, or {@code null} when no enclosing object has a {@code @SubjectId}
     */
    public @Nullable String subjectId() {
        return subjectId;
    }

    /**
     * Returns the operator the anonymizer applies to this field when no selector chooses otherwise.
     *
     * @return the declared operator, after the anonymizer's defaults
     */
    public Operator declaredOperator() {
        return declared;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FieldSite)) {
            return false;
        }
        FieldSite s = (FieldSite) o;
        return path.equals(s.path) && property == s.property && Objects.equals(subjectId, s.subjectId)
                && declared == s.declared;
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, property.qualifiedName(), subjectId, declared);
    }

    /** Shows the path and operator; never the subject id, which may itself identify a person. */
    @Override
    public String toString() {
        return "FieldSite[" + path + ", " + declared + (subjectId == null ? "" : ", with subject") + "]";
    }
}
