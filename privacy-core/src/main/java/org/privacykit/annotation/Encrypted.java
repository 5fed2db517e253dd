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
 * <p>{@code mode = DETERMINISTIC} gives equal ciphertexts for equal values, so the column can be
 * searched by equality (and leaks equality). {@code mode = FORMAT_PRESERVING} keeps the length and
 * alphabet of the value (FF1), for columns whose format is fixed. One element holds the choice, so
 * two modes that exclude each other cannot be written.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.ANNOTATION_TYPE})
public @interface Encrypted {

    /**
     * How the value is encrypted: {@link EncryptionMode#RANDOMIZED} (the default),
     * {@link EncryptionMode#DETERMINISTIC} (AES-SIV, searchable by equality) or
     * {@link EncryptionMode#FORMAT_PRESERVING} (FF1, keeps length and alphabet).
     *
     * @return the encryption mode
     */
    EncryptionMode mode() default EncryptionMode.RANDOMIZED;

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
