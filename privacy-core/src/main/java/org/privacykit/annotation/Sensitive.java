package org.privacykit.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code @Sensitive} marks a field whose value must never be shown in clear: it raises a
 * personal-data field to {@link Sensitivity#RESTRICTED}, and on its own marks a secret that is not
 * personal data (an API token, a password hash, a session id). Sensitive fields are redacted in
 * API output, logs and {@code toString}, and suppressed in anonymized copies. On a map's key type
 * argument ({@code Map<@Sensitive String, Session>}) it marks the keys, as {@link PersonalData} does.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.ANNOTATION_TYPE, ElementType.TYPE_USE})
public @interface Sensitive {

    /**
     * Why the field is sensitive, for the inventory report.
     *
     * @return a short reason, possibly empty
     */
    String value() default "";
}
