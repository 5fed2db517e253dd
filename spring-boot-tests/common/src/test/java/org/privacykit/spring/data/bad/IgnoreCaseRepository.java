package org.privacykit.spring.data.bad;

import java.util.List;

import org.privacykit.spring.data.Customer;
import org.springframework.data.jpa.repository.JpaRepository;

/** A method no query on encrypted attributes can answer: the application must not start. */
public interface IgnoreCaseRepository extends JpaRepository<Customer, String> {

    List<Customer> findByEmailIgnoreCase(String email);
}
