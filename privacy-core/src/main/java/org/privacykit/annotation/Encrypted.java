package org.privacykit.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code @Encrypted} marks a field that is stored encrypted. By default it is encrypted with a
 * randomized AEAD (equal values give different ciphertexts). The ciphertext is bound to its place:
 * the class's context name, the field, and the data subject where the class has a
 * {@link SubjectId}; a ciphertext copied elsewhere fails to decrypt.
 *
 * <p>{@code deterministic = true} gives equal ciphertexts for equal values, so the column can be
 * searched by equality (and leaks equality). {@code formatPreserving = true} keeps the length and
 * alphabet of the value (FF1), for columns whose format is fixed.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.ANNOTATION_TYPE})
public @interface Encrypted {

    /**
     * Encrypt deterministically (AES-SIV), so equal values give equal ciphertexts.
     *
     * @return whether to encrypt deterministically
     */
    boolean deterministic() default false;

    /**
     * Encrypt with format-preserving encryption (FF1), keeping length and alphabet.
     *
     * @return whether to preserve the format
     */
    boolean formatPreserving() default false;

    /**
     * For format-preserving encryption, the characters a value may hold, in order. Empty chooses by
     * type: digits for payment cards, phones and national ids, otherwise {@code 0-9A-Za-z}.
     *
     * @return the alphabet, or empty
     */
    String alphabet() default "";

    /**
     * The name the ciphertext is bound to instead of {@code SimpleClassName.field}. Set it before
     * renaming a class or field that already has encrypted data, so old ciphertexts still decrypt.
     *
     * @return the binding name, or empty for the default
     */
    String context() default "";
}
