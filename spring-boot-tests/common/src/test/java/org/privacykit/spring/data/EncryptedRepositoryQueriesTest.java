package org.privacykit.spring.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.privacykit.crypto.KeyRing;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Data derived queries on encrypted attributes, in an application wired by Spring Boot and
 * the starter only: deterministic ones found whatever the case of the argument, blind-indexed ones
 * found exactly although their 2-bit index matches a quarter of all rows.
 */
@SpringBootTest(classes = ShopDataApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.datasource.url=jdbc:h2:mem:repositories;DB_CLOSE_DELAY=-1",
        "spring.jpa.hibernate.ddl-auto=create-drop", "privacykit.inventory.enabled=false"})
class EncryptedRepositoryQueriesTest {
    private static final int CUSTOMERS = 40;

    @Autowired
    CustomerRepository customers;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    KeyRing keys;

    @BeforeEach
    void customers() {
        customers.deleteAll();
        customers.saveAll(IntStream.range(0, CUSTOMERS).mapToObj(i -> new Customer("c-" + i, "Name " + (char) ('A' + i % 26) + i,
                i % 2 == 0 ? "gold" : "basic", "Customer" + i + "@Example.com", card(i), "diagnosis " + i)).toList());
    }

    private static String card(int i) {
        return String.format("4111 1111 1111 %04d", i);
    }

    @Test
    void columnsHoldNoClearValue() {
        List<String> emails = jdbc.queryForList("select email from customer", String.class);
        List<String> cards = jdbc.queryForList("select card_number from customer", String.class);
        assertThat(emails).hasSize(CUSTOMERS).noneMatch(e -> e.toLowerCase().contains("customer"));
        assertThat(cards).noneMatch(c -> c.contains("4111"));
    }

    @Test
    void deterministicAttribute_foundWhateverTheCaseOfTheArgument() {
        assertThat(customers.findByEmail("CUSTOMER7@example.COM")).get().extracting(Customer::getId).isEqualTo("c-7");
        assertThat(customers.findByEmail(" customer7@example.com ")).get().extracting(Customer::getEmail)
                .isEqualTo("customer7@example.com");
        assertThat(customers.getByEmail("customer8@example.com").getId()).isEqualTo("c-8");
        assertThat(customers.findByEmail("nobody@example.com")).isEmpty();
        assertThat(customers.existsByEmail("Customer9@Example.com")).isTrue();
        assertThat(customers.existsByEmail("nobody@example.com")).isFalse();
        assertThat(customers.findByEmailIn(List.of("customer1@example.com", "CUSTOMER2@example.com", "x@example.com")))
                .extracting(Customer::getId).containsExactlyInAnyOrder("c-1", "c-2");
        assertThat(customers.findByEmailNot("customer1@example.com")).hasSize(CUSTOMERS - 1);
        assertThat(customers.findByEmailOrName("customer3@example.com", "Name E4")).extracting(Customer::getId)
                .containsExactlyInAnyOrder("c-3", "c-4");
        assertThat(customers.findByEmailIsNull()).isEmpty();
    }

    @Test
    void deterministicAttribute_foundUnderEveryEnabledKey_afterARotation() throws Exception {
        keys.rotate();
        customers.save(new Customer("c-new", "New", "gold", "new@example.com", card(99), "none"));

        assertThat(customers.findByEmail("customer5@example.com")).isPresent();  // under the old key
        assertThat(customers.findByEmail("new@example.com")).isPresent();        // under the new one
    }

    @Test
    void blindIndexedAttribute_returnsExactlyTheMatches_despiteItsFalsePositives() {
        Integer candidates = jdbc.queryForObject("select count(*) from customer where card_number_index = "
                + "(select card_number_index from customer where id = 'c-3')", Integer.class);
        assertThat(candidates).as("a 2-bit index matches many rows").isGreaterThan(3);

        assertThat(customers.findByCardNumber("4111-1111-1111-0003")).extracting(Customer::getId).containsExactly("c-3");
        assertThat(customers.countByCardNumber("4111111111110003")).isEqualTo(1);
        assertThat(customers.countByStatusAndCardNumber("basic", "4111 1111 1111 0003")).isEqualTo(1);
        assertThat(customers.countByStatusAndCardNumber("gold", "4111 1111 1111 0003")).isZero();
        assertThat(customers.findByCardNumber("4111 1111 1111 9999")).isEmpty();
        assertThat(customers.findByCardNumberIn(Set.of(card(3), card(4), card(77)))).extracting(Customer::getId)
                .containsExactlyInAnyOrder("c-3", "c-4");
    }

    @Test
    void blindIndexedAttribute_pagesSlicesLimitsAndSortsWhatRemainsAfterFiltering() {
        for (int i = 0; i < 5; i++) {
            customers.save(new Customer("twin-" + i, "Twin " + i, "gold", "twin" + i + "@example.com", card(3), "none"));
        }
        Page<Customer> first = customers.findByStatusAndCardNumber("gold", card(3), PageRequest.of(0, 2, Sort.by("name")));
        Page<Customer> last = customers.findByStatusAndCardNumber("gold", card(3), PageRequest.of(2, 2, Sort.by("name")));
        assertThat(first.getTotalElements()).isEqualTo(5);
        assertThat(first.getContent()).extracting(Customer::getId).containsExactly("twin-0", "twin-1");
        assertThat(last.getContent()).extracting(Customer::getId).containsExactly("twin-4");

        Slice<Customer> slice = customers.findSliceByCardNumber(card(3), PageRequest.of(0, 5, Sort.by("name")));
        assertThat(slice.hasNext()).isTrue();   // c-3 and five twins
        assertThat(customers.findTop2ByCardNumberOrderByNameDesc(card(3))).extracting(Customer::getId)
                .containsExactly("twin-4", "twin-3");
        try (var stream = customers.streamByCardNumber(card(3), Sort.by(Sort.Direction.DESC, "id"))) {
            assertThat(stream.map(Customer::getId).collect(Collectors.toList()))
                    .containsExactly("twin-4", "twin-3", "twin-2", "twin-1", "twin-0", "c-3");
        }
    }

    @Test
    void singleResult_withSeveralMatches_failsAsSpringDataDoes() {
        customers.save(new Customer("dup", "Dup", "gold", "customer1@example.com", card(1), "none"));

        assertThatThrownBy(() -> customers.findByEmail("customer1@example.com"))
                .isInstanceOf(IncorrectResultSizeDataAccessException.class);
    }

    @Test
    void sortingByAnEncryptedAttribute_isRefused() {
        assertThatThrownBy(() -> customers.findByStatusAndCardNumber("gold", card(2), PageRequest.of(0, 2, Sort.by("email"))))
                .isInstanceOf(InvalidDataAccessApiUsageException.class).hasMessageContaining("Customer.email");
    }

    @Test
    void derivedDelete_removesTheMatchingEntity() {
        Long deleted = transaction.execute(status -> customers.deleteByEmail("CUSTOMER11@example.com"));

        assertThat(deleted).isEqualTo(1);
        assertThat(customers.findById("c-11")).isEmpty();
        assertThat(customers.count()).isEqualTo(CUSTOMERS - 1);
    }

    @Test
    void queriesOnClearAttributes_stayWithSpringData() {
        assertThat(customers.findByNameStartingWithOrderByNameAsc("Name B")).extracting(Customer::getId)
                .containsExactly("c-1", "c-27");
    }
}
