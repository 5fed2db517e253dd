package org.privacykit.examples.spring;

import org.privacykit.examples.Customer;
import org.privacykit.examples.SampleData;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Returns customers as any controller would: the starter decides what each caller sees. */
@RestController
class CustomerController {

    @GetMapping("/customers/{id}")
    ResponseEntity<Customer> customer(@PathVariable("id") String id) {
        for (Customer customer : new Customer[] {SampleData.ada(), SampleData.alan()}) {
            if (customer.id().equals(id)) {
                return ResponseEntity.ok(customer);
            }
        }
        return ResponseEntity.notFound().build();
    }
}
