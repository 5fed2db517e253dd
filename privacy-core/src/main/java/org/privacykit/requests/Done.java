package org.privacykit.requests;

/**
 * One thing a request did, in one place: in which store, to which field (or purpose, or keys), what,
 * and how many values. Names no value.
 *
 * @param store the store, {@code "keys"} for the subject's keys, {@code "consent"} for the consent store
 * @param target the field, as {@code Class.path} with indexes left out ({@code Customer.orders[].postcode}),
 *               or the purpose, or {@code "subject keys"}
 * @param action what was done
 * @param count how many values (1 for a consent decision or the keys)
 */
public record Done(String store, String target, Action action, int count) {

    /** What a request did. */
    public enum Action {
        /** Values were exported to the subject. */
        EXPORTED,
        /** Values were corrected. */
        RECTIFIED,
        /** Values were erased. */
        ERASED,
        /** The subject's keys were destroyed, so that every ciphertext of the subject, backups included, is unreadable. */
        KEYS_DESTROYED,
        /** Processing was restricted: the purpose check refuses every purpose. */
        RESTRICTED,
        /** A restriction was lifted. */
        RESTRICTION_LIFTED,
        /** An objection to a purpose was recorded: the purpose check refuses it. */
        OBJECTED
    }
}
