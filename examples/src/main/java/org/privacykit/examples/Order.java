package org.privacykit.examples;

import java.math.BigDecimal;

/** An order, shipped to an address. */
public record Order(String orderId, BigDecimal total, Address shippingAddress) {
}
