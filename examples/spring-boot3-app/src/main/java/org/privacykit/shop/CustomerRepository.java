package org.privacykit.shop;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Derived queries on encrypted attributes, answered by the starter: the argument is normalized and
 * turned into the attribute's search terms (deterministic ciphertexts under every enabled key, or
 * blind-index values).
 */
public interface CustomerRepository extends JpaRepository<Customer, String> {

    /**
     * @param email the address, in any case
     * @return the customer holding it
     */
    Optional<Customer> findByEmail(String email);

    /**
     * @param cardNumber the card number, with or without spaces or dashes
     * @return the customers holding it
     */
    List<Customer> findByCardNumber(String cardNumber);
}
