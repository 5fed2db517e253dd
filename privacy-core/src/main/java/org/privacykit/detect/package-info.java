/**
 * PII detection in free text: {@link org.privacykit.detect.PiiDetector} finds e-mail addresses,
 * phone numbers, payment cards, IBANs, IP addresses, national identifiers and passport numbers,
 * with positions and confidence, in linear time; {@link org.privacykit.detect.Checksums} holds the
 * check-digit algorithms it uses (the library's one Luhn and one IBAN check). The recognizers, one
 * class per family, are package-private behind the facade.
 */
@NullMarked
package org.privacykit.detect;

import org.jspecify.annotations.NullMarked;
