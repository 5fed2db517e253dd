/**
 * Data subject rights and retention from the field declarations:
 * {@link org.privacykit.rights.SubjectRights} exports one person's personal data as JSON and erases
 * it (anonymization, or crypto-shredding through {@link org.privacykit.spi.CryptoShredder});
 * {@link org.privacykit.rights.RetentionEnforcer} anonymizes or drops fields past their retention
 * and reports what was and will be affected. Every action is an audit event.
 */
@NullMarked
package org.privacykit.rights;

import org.jspecify.annotations.NullMarked;
