package org.privacykit.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code @PersonalData} marks a field, record component or getter that holds personal data, and
 * says what it holds. The {@link PersonalDataType} brings the defaults (category, sensitivity,
 * mask, anonymization); the optional elements below override them and add what a record of
 * processing needs (purposes, legal basis, retention).
 *
 * <p>On a collection, array, map or {@code Optional} it classifies the elements (map values).
 * The keys of a map are classified on the key's type argument, and masked, pseudonymized and
 * inventoried as a field of their own ({@code ordersByEmail{key}}); on any other type argument
 * the annotation is refused, since the property's own annotation classifies the elements:
 *
 * <pre>{@code
 * Map<@PersonalData(EMAIL) String, Order> ordersByEmail;
 * }</pre>
 *
 * <p>It works as a meta-annotation, so a team can declare its own vocabulary:
 *
 * <pre>{@code
 * @PersonalData(PersonalDataType.EMAIL)
 * @Retention(RetentionPolicy.RUNTIME)
 * @Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
 * public @interface Email {}
 * }</pre>
 *
 * <p>Optional overrides are arrays of at most one element, so that "not given" needs no sentinel:
 * {@code @PersonalData(value = EMAIL, sensitivity = RESTRICTED)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.ANNOTATION_TYPE, ElementType.TYPE_USE})
public @interface PersonalData {

    /**
     * What the field holds.
     *
     * @return the personal data type
     */
    PersonalDataType value();

    /**
     * Overrides the type's GDPR category; at most one element.
     *
     * @return the category, or none for the type's default
     */
    DataCategory[] category() default {};

    /**
     * Overrides the type's sensitivity; at most one element. {@code @Sensitive} raises it to
     * RESTRICTED whatever this says.
     *
     * @return the sensitivity, or none for the type's default
     */
    Sensitivity[] sensitivity() default {};

    /**
     * The purposes the data is processed for, such as {@code "billing"} or {@code "support"}. A
     * caller that declares one of them may see the field in clear (and is audited when it does).
     *
     * @return the purposes, possibly none
     */
    String[] purposes() default {};

    /**
     * The lawful basis for processing (GDPR Art. 6); at most one element.
     *
     * @return the legal basis, or none when not declared
     */
    LegalBasis[] legalBasis() default {};

    /**
     * How long the data may be kept after it was collected, as an ISO-8601 duration such as
     * {@code P10Y}, {@code P6M}, {@code P30D} or {@code PT12H}; empty when not declared.
     *
     * @return the retention period
     */
    String retention() default "";

    /**
     * The role of the data subject this field describes, for classes that hold data of several
     * people; it names a {@link SubjectId#value()} of the same class. Empty means the class's only
     * (or unnamed) subject.
     *
     * @return the subject role
     */
    String subject() default "";
}
