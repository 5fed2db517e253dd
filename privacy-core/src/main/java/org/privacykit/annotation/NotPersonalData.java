package org.privacykit.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code @NotPersonalData} records that a field was reviewed and holds no personal data, even
 * though its name or type looks personal (a company's support e-mail, a product's postcode). The
 * lint accepts it; combining it with {@link PersonalData} or {@link Sensitive} is an error.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.ANNOTATION_TYPE})
public @interface NotPersonalData {

    /**
     * Why the field is not personal data, for reviewers.
     *
     * @return the reason, possibly empty
     */
    String value() default "";
}
