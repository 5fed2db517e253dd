package org.privacykit.rights;

import java.util.List;

/**
 * What {@link SubjectRights#erase(String, java.util.Collection)} did: copies of the objects in which
 * every personal-data field of the subject is erased (for the application to store back), how many
 * values that was, and whether the subject's keys were destroyed (crypto-shredding). Immutable.
 *
 * @param <T> the type of the objects
 */
public final class Erasure<T> {
    private final List<T> objects;
    private final int fieldsErased;
    private final boolean cryptoShredded;

    Erasure(List<T> objects, int fieldsErased, boolean cryptoShredded) {
        this.objects = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(objects));
        this.fieldsErased = fieldsErased;
        this.cryptoShredded = cryptoShredded;
    }

    /**
     * Returns the copies with the subject's personal data erased, in the order given; other subjects'
     * data is unchanged.
     *
     * @return an unmodifiable list
     */
    public List<T> objects() {
        return objects;
    }

    /**
     * Returns how many protected values (personal data and secrets) of the subject were erased in the copies.
     *
     * @return the count
     */
    public int fieldsErased() {
        return fieldsErased;
    }

    /**
     * Tells whether the subject's keys were destroyed through the {@link org.privacykit.spi.CryptoShredder}, so
     * that every stored ciphertext of the subject, backups included, is unreadable.
     *
     * @return {@code true} when crypto-shredded
     */
    public boolean cryptoShredded() {
        return cryptoShredded;
    }

    @Override
    public String toString() {
        return "Erasure[" + fieldsErased + " fields erased in " + objects.size() + " objects"
                + (cryptoShredded ? ", crypto-shredded" : "") + "]";
    }
}
