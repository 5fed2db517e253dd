package org.privacykit.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code @Mask} overrides how a field is masked in API output, logs and {@code toString}. It
 * changes the mask, not whether the field is masked: that follows from its sensitivity. On a map's
 * key type argument it sets the mask of the keys.
 *
 * <pre>{@code
 * @PersonalData(BANK_ACCOUNT) @Mask(value = MaskStyle.PARTIAL, keepLast = 2) String account;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.ANNOTATION_TYPE, ElementType.TYPE_USE})
public @interface Mask {

    /**
     * The mask style; {@link MaskStyle#DEFAULT} keeps the type's style and changes only the counts
     * or character below.
     *
     * @return the style
     */
    MaskStyle value() default MaskStyle.DEFAULT;

    /**
     * How many leading characters stay visible; -1 for the style's default. For
     * {@link MaskStyle#PAYMENT_CARD}, 6 keeps the issuer number (BIN).
     *
     * @return the count
     */
    int keepFirst() default -1;

    /**
     * How many trailing characters (digits, for cards and phones) stay visible; -1 for the style's
     * default.
     *
     * @return the count
     */
    int keepLast() default -1;

    /**
     * The character that replaces hidden characters.
     *
     * @return the mask character
     */
    char maskChar() default '*';
}
