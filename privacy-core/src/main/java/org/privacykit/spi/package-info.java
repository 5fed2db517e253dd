/**
 * The service provider interfaces other modules implement: {@link org.privacykit.spi.FieldCipher}
 * (field encryption, from privacy-crypto) with its {@link org.privacykit.spi.FieldContext} and
 * exceptions, and {@link org.privacykit.spi.CryptoShredder} (erasure by key deletion).
 */
@NullMarked
package org.privacykit.spi;

import org.jspecify.annotations.NullMarked;
