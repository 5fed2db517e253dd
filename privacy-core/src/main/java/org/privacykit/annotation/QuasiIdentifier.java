package org.privacykit.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code @QuasiIdentifier} marks a field that does not identify a person on its own but can in
 * combination with others (age, sex, postcode, job): the attributes a k-anonymity check groups rows
 * by. A field may be both personal data and a quasi-identifier.
 *
 * <pre>{@code
 * record Patient(@QuasiIdentifier int age, @QuasiIdentifier String sex,
 *                @QuasiIdentifier @PersonalData(POSTCODE) String zip, String diagnosis) {}
 *
 * Dataset.of(patients).risk().assertKAnonymous(5);
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.ANNOTATION_TYPE})
public @interface QuasiIdentifier {
}
