package org.privacykit.jpa;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.privacykit.annotation.Mask;
import org.privacykit.annotation.MaskStyle;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.annotation.Sensitivity;

/**
 * {@code @BlindIndexFor} marks a String attribute of an entity as the blind index of a randomized
 * {@code @Encrypted} attribute of the same entity, so that attribute can be searched by equality.
 * privacy-jpa computes the index (a truncated HMAC-SHA256 of the normalized value, see
 * {@code org.privacykit.crypto.BlindIndex}) whenever the encrypted attribute is inserted or changes;
 * the application never sets it.
 *
 * <pre>{@code
 * @PersonalData(PAYMENT_CARD) @Encrypted
 * private String cardNumber;
 *
 * @BlindIndexFor("cardNumber")
 * @Column(length = 6)                // ceil(bits / 6) characters: 6 for the default 32 bits
 * private String cardNumberIndex;
 * }</pre>
 *
 * <p>Query it with {@link EncryptedEntities#findBy} or {@link EncryptedEntities#searchTerms}. Fewer
 * bits leak less and return a few false positives, which {@code findBy} filters out after decrypting.
 *
 * <p>An index is derived from personal data and lets whoever holds it test guesses of the value, so
 * it is classified as personal data by this annotation itself: {@code @PersonalData(OTHER)},
 * CONFIDENTIAL, masked in full in logs and {@code toString}, listed by the inventory; and Jackson
 * never serializes it ({@code @JsonIgnore}, through {@code @JacksonAnnotationsInside}, for Jackson 2
 * and 3 alike, even on a mapper without privacy-kit's module).
 */
@Documented
@PersonalData(value = PersonalDataType.OTHER, sensitivity = Sensitivity.CONFIDENTIAL)
@Mask(MaskStyle.FULL)
@JacksonAnnotationsInside
@JsonIgnore
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.ANNOTATION_TYPE})
public @interface BlindIndexFor {

    /**
     * The name of the randomized {@code @Encrypted} attribute this index is for.
     *
     * @return the attribute name
     */
    String value();

    /**
     * How many bits of the HMAC to keep, 1 to 256. The column holds {@code ceil(ceil(bits / 8) * 4 / 3)}
     * characters (base64url without padding): 6 for 32 bits, 11 for 64, 43 for 256.
     *
     * @return the bits, 32 by default
     */
    int bits() default 32;
}
