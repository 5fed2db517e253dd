/**
 * Privacy models a release must meet ({@link org.privacykit.dataset.model.PrivacyModel}): k-anonymity,
 * distinct, entropy and recursive (c,ℓ)-diversity, t-closeness, δ-presence and k-map.
 */
@NullMarked
package org.privacykit.dataset.model;

import org.jspecify.annotations.NullMarked;
