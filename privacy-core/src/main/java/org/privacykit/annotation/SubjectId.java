package org.privacykit.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code @SubjectId} marks the field that identifies the data subject, the person the object's
 * personal data describes. It groups data for access exports, selects the per-subject key for
 * crypto-shredding, binds randomized ciphertexts to their subject, and keeps date shifts consistent
 * per person.
 *
 * <p>A class that holds data of several people names each subject with a role, and each personal
 * field says whose it is with {@link PersonalData#subject()}:
 *
 * <pre>{@code
 * record Transfer(@SubjectId("payer") String payerId,
 *                 @SubjectId("payee") String payeeId,
 *                 @PersonalData(value = IBAN, subject = "payer") String payerIban,
 *                 @PersonalData(value = IBAN, subject = "payee") String payeeIban) {}
 * }</pre>
 *
 * <p>Nested objects without a subject id of their own belong to the subject of the object that
 * holds them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.ANNOTATION_TYPE})
public @interface SubjectId {

    /**
     * The subject's role in a class with several subjects; empty for the only one.
     *
     * @return the role
     */
    String value() default "";
}
