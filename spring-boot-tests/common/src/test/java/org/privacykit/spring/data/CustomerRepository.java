package org.privacykit.spring.data;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;

/** Derived queries on deterministic and blind-indexed attributes, beside clear ones. */
public interface CustomerRepository extends JpaRepository<Customer, String> {

    Optional<Customer> findByEmail(String email);

    Customer getByEmail(String email);

    boolean existsByEmail(String email);

    List<Customer> findByEmailIn(Collection<String> emails);

    List<Customer> findByEmailNot(String email);

    List<Customer> findByEmailIsNull();

    List<Customer> findByEmailOrName(String email, String name);

    List<Customer> findByCardNumber(String cardNumber);

    long countByCardNumber(String cardNumber);

    int countByStatusAndCardNumber(String status, String cardNumber);

    List<Customer> findByCardNumberIn(Collection<String> cardNumbers);

    Page<Customer> findByStatusAndCardNumber(String status, String cardNumber, Pageable page);

    Slice<Customer> findSliceByCardNumber(String cardNumber, Pageable page);

    List<Customer> findTop2ByCardNumberOrderByNameDesc(String cardNumber);

    Stream<Customer> streamByCardNumber(String cardNumber, Sort sort);

    long deleteByEmail(String email);

    List<Customer> findByNameStartingWithOrderByNameAsc(String prefix);
}
