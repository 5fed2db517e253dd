package org.privacykit.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code @Anonymize} overrides how a field is transformed in anonymized copies, instead of the
 * default operator of its {@link PersonalDataType}.
 *
 * <pre>{@code
 * @PersonalData(DATE_OF_BIRTH) @Anonymize(value = Operator.DATE_SHIFT, maxShiftDays = 30) LocalDate birthDate;
 * @PersonalData(OTHER) @Anonymize(value = Operator.GENERALIZE, bucket = 10) int age;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.ANNOTATION_TYPE})
public @interface Anonymize {

    /**
     * The operator.
     *
     * @return the operator
     */
    Operator value();

    /**
     * For {@link Operator#DATE_SHIFT}, the largest shift in days either way; 0 for the default.
     *
     * @return the bound in days
     */
    int maxShiftDays() default 0;

    /**
     * For {@link Operator#GENERALIZE} of numbers, the width of a range; for {@link Operator#NOISE},
     * the largest absolute change; 0 for the default.
     *
     * @return the width or bound
     */
    double bucket() default 0;

    /**
     * For {@link Operator#GENERALIZE} of postcodes and other codes, how many leading characters to
     * keep; 0 for the default.
     *
     * @return the prefix length
     */
    int keepPrefix() default 0;
}
