package org.privacykit.shop;

import java.math.BigDecimal;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * A stand-in for the card processor. Cards starting with 4000 are declined with an exception whose
 * message quotes the card number and the customer's e-mail address, as careless integrations do:
 * Spring logs it with its stack trace, and privacy-logback must mask it there.
 */
@Component
class PaymentGateway {
    private static final String DECLINED_PREFIX = "4000";

    String charge(String cardNumber, String email, BigDecimal amount) {
        if (cardNumber.replaceAll("[ -]", "").startsWith(DECLINED_PREFIX)) {
            throw new PaymentDeclinedException("card " + cardNumber + " of " + email + " declined for " + amount);
        }
        return "charge-" + UUID.randomUUID();
    }

    /** The processor refused a charge. */
    static final class PaymentDeclinedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PaymentDeclinedException(String message) {
            super(message);
        }
    }
}
