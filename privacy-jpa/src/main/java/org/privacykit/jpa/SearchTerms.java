package org.privacykit.jpa;

import java.util.List;

/**
 * What to look for to find a clear value in an encrypted attribute: the attribute to query and the
 * values it may hold, one per enabled key of the ring (the primary's first), so rows not yet
 * re-encrypted after a rotation are found too.
 *
 * <pre>{@code
 * SearchTerms s = entities.searchTerms(Customer.class, "email", "ada@example.com");
 * List<Customer> found = em.createQuery(
 *         "select c from Customer c where c." + s.attribute() + " in :terms", Customer.class)
 *     .setParameter("terms", s.terms())
 *     .getResultList();
 * }</pre>
 *
 * For a deterministic attribute the terms are its ciphertexts and the match is exact. For a
 * randomized attribute they are blind index values of its {@link BlindIndexFor} attribute; a
 * truncated index matches a few other values on purpose, so {@link #isExact()} is {@code false} and
 * results must be filtered after loading ({@link EncryptedEntities#findBy} does it). Immutable.
 */
public final class SearchTerms {
    private final String attribute;
    private final List<String> terms;
    private final boolean exact;

    SearchTerms(String attribute, List<String> terms, boolean exact) {
        this.attribute = attribute;
        this.terms = List.copyOf(terms);
        this.exact = exact;
    }

    /**
     * Returns the attribute to compare: the encrypted attribute itself, or its blind index.
     *
     * @return the attribute name
     */
    public String attribute() {
        return attribute;
    }

    /**
     * Returns the values the attribute may hold for the clear value, one per enabled key.
     *
     * @return an unmodifiable list, never empty
     */
    public List<String> terms() {
        return terms;
    }

    /**
     * Tells whether a row matching a term certainly holds the value (deterministic ciphertext), or
     * may be a false positive of a truncated blind index.
     *
     * @return {@code true} for an exact match
     */
    public boolean isExact() {
        return exact;
    }

    /** Shows the attribute and the number of terms, never the terms. */
    @Override
    public String toString() {
        return "SearchTerms[" + attribute + ", " + terms.size() + (terms.size() == 1 ? " term" : " terms") + (exact ? "" : ", blind index") + "]";
    }
}
