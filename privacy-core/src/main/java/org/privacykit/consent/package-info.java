/**
 * Purpose limitation, enforced: a {@link org.privacykit.consent.ConsentStore} records what each data
 * subject consented to, withdrew, objected to or had restricted, and a
 * {@link org.privacykit.consent.PurposeCheck} allows processing a field for a purpose only when the
 * field declares the purpose and the subject's legal basis for it holds.
 */
@org.jspecify.annotations.NullMarked
package org.privacykit.consent;
