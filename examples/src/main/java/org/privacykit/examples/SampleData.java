package org.privacykit.examples;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The demo's customers, orders and tickets. Invented people; the card and IBAN numbers are test numbers. */
public final class SampleData {
    private SampleData() {
    }

    /** @return Ada, with two orders */
    public static Customer ada() {
        return new Customer("c-1001", "Ada Lovelace", "ada.lovelace@example.com", "4111 1111 1111 1111",
                "Type 1 diabetes", LocalDate.of(1985, 12, 10), "sk_live_9f8e7d6c5b4a",
                "gold", List.of(
                        new Order("o-1", new BigDecimal("42.50"),
                                new Address("12 St James's Square", "SW1Y 4JH", "London", "GB")),
                        new Order("o-2", new BigDecimal("17.00"),
                                new Address("12 St James's Square", "SW1Y 4JH", "London", "GB"))));
    }

    /** @return Alan, with no orders */
    public static Customer alan() {
        return new Customer("c-1002", "Alan Turing", "alan.turing@example.org", "5555 5555 5555 4444",
                "Asthma", LocalDate.of(1992, 6, 23), "sk_live_1a2b3c4d5e6f", "basic", List.of());
    }

    /** @return a ticket from Ada whose text mentions her phone and card */
    public static SupportTicket adasTicket() {
        return new SupportTicket("t-77", "c-1001", "ada.lovelace@example.com",
                "Please call me on +44 20 7946 0958, my card 4111 1111 1111 1111 was charged twice.",
                Instant.parse("2026-11-20T09:30:00Z"));
    }
}
