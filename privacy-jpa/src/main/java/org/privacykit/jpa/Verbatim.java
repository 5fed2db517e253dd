package org.privacykit.jpa;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code @Verbatim} keeps a deterministic {@code @Encrypted} attribute exactly as written. Without it,
 * privacy-jpa normalizes a deterministic value by its {@code @PersonalData} type before encrypting
 * it, as blind indexes do ({@code org.privacykit.crypto.BlindIndex.normalize}): Unicode NFC and
 * surrounding white space stripped for every type; e-mail addresses and user names lower-cased;
 * cards, IBANs, bank accounts, phones, national ids, passports and postcodes without spaces, dashes,
 * dots and slashes, in upper case. The stored and the loaded value is the normalized one, and a search
 * normalizes its argument the same way, so {@code findByEmail("Ada@Example.com")} finds
 * {@code ada@example.com}.
 *
 * <pre>{@code
 * @PersonalData(EMAIL) @Encrypted(mode = DETERMINISTIC)
 * private String email;                  // stored lower-cased, found whatever the case
 *
 * @PersonalData(USERNAME) @Encrypted(mode = DETERMINISTIC) @Verbatim
 * private String login;                  // stored and matched exactly as written
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.ANNOTATION_TYPE})
public @interface Verbatim {
}
