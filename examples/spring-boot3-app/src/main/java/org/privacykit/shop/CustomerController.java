package org.privacykit.shop;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The shop's customer API. It returns entities as they are and logs as applications do (e-mail
 * addresses and card numbers in messages, the entity as an argument): the starter masks responses
 * per caller and privacy-logback masks the log. Searches take the searched value in a JSON body,
 * never in the URL, where access logs and proxies would keep it.
 */
@RestController
class CustomerController {
    private static final Logger log = LoggerFactory.getLogger(CustomerController.class);

    private final CustomerRepository customers;
    private final PaymentGateway payments;

    CustomerController(CustomerRepository customers, PaymentGateway payments) {
        this.customers = customers;
        this.payments = payments;
    }

    @GetMapping("/customers")
    List<Customer> all() {
        return customers.findAll(Sort.by("id"));
    }

    @GetMapping("/customers/{id}")
    Customer one(@PathVariable("id") String id) {
        return customers.findById(id).orElseThrow(() -> notFound(id));
    }

    @PostMapping("/customers")
    ResponseEntity<Customer> register(@RequestBody NewCustomer request) {
        Customer saved = customers.save(new Customer(request.id(), request.fullName(), request.email(),
                request.cardNumber(), request.diagnosis(), request.plan()));
        log.info("customer {} registered with e-mail {} and card {}", saved.getId(), request.email(), request.cardNumber());
        return ResponseEntity.created(URI.create("/customers/" + saved.getId())).body(saved);
    }

    @PostMapping("/customers/search")
    List<Customer> search(@RequestBody CustomerSearch search) {
        log.info("searching customers by {}", search);
        if (search.email() != null) {
            return customers.findByEmail(search.email()).stream().toList();
        }
        if (search.cardNumber() != null) {
            return customers.findByCardNumber(search.cardNumber());
        }
        throw new ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST, "email or cardNumber is required");
    }

    @PostMapping("/customers/{id}/charges")
    @Transactional(readOnly = true)
    String charge(@PathVariable("id") String id, @RequestBody Charge charge) {
        Customer customer = customers.findById(id).orElseThrow(() -> notFound(id));
        log.info("charging {} to {}", charge.amount(), customer);
        return payments.charge(customer.getCardNumber(), customer.getEmail(), charge.amount());
    }

    private static ResponseStatusException notFound(String id) {
        return new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND, "no customer " + id);
    }

    /**
     * The amount of a charge.
     *
     * @param amount in the shop's currency
     */
    record Charge(BigDecimal amount) {
    }
}
