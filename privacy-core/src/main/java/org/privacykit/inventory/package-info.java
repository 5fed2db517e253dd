/**
 * Proof for the privacy office: the personal-data {@link org.privacykit.inventory.DataInventory}
 * (JSON, Markdown, HTML) and {@link org.privacykit.inventory.PrivacyLint}, which finds undeclared or
 * under-protected personal data.
 */
@NullMarked
package org.privacykit.inventory;

import org.jspecify.annotations.NullMarked;
