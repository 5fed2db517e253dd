package org.privacykit.notice;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.privacykit.annotation.DataCategory;
import org.privacykit.annotation.LegalBasis;
import org.privacykit.annotation.PersonalDataType;

/**
 * One piece of personal data a {@link PrivacyNotice} tells the subject about: a declared field, what
 * it holds, why, on which legal basis and for how long. A value of the notice, never of the data: it
 * holds names and declarations only.
 *
 * @param className the fully qualified name of the class the field path starts from
 * @param path the field path from that class, such as {@code orders[].shippingAddress.postcode}
 * @param type what the field holds
 * @param category its GDPR category
 * @param purposes the purposes it is processed for, sorted; possibly empty
 * @param legalBasis the legal basis, or {@code null} when the field declares none
 * @param retention the ISO-8601 retention period, such as {@code P2Y}, or {@code null} when not declared
 * @param subjectRole the role of the subject the field describes, empty for the class's only subject
 */
public record NoticeItem(String className, String path, PersonalDataType type, DataCategory category,
                         List<String> purposes, @Nullable LegalBasis legalBasis, @Nullable String retention,
                         String subjectRole) {
    /**
     * Checks and copies the components.
     *
     * @throws IllegalArgumentException when the class name or path is empty
     */
    public NoticeItem {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(category, "category");
        purposes = List.copyOf(purposes).stream().sorted().distinct().toList();
        Objects.requireNonNull(subjectRole, "subjectRole");
        if (className.isBlank() || path.isBlank()) {
            throw new IllegalArgumentException("a notice item needs a class name and a path");
        }
    }

    /**
     * Returns the key that identifies the item across versions of the notice: class name and path.
     *
     * @return {@code com.example.Customer.email}
     */
    public String key() {
        return className + "." + path;
    }

    /**
     * Returns the field as a reader sees it: the class's simple name and the path.
     *
     * @return {@code Customer.email}
     */
    public String field() {
        return className.substring(className.lastIndexOf('.') + 1).replace('$', '.') + "." + path;
    }

    /**
     * Tells whether the item is a special category (GDPR Art. 9) or criminal data (Art. 10).
     *
     * @return {@code true} when processing it needs a condition beyond the legal basis
     */
    public boolean isSpecialOrCriminal() {
        return category.isSpecialCategory() || category.isCriminalData();
    }
}
