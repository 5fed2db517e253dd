/**
 * Masking: a {@link org.privacykit.mask.Masker} per mask style ({@link org.privacykit.mask.Maskers}),
 * the decision of how a field is shown on a {@link org.privacykit.mask.Channel}, and masked
 * {@code toString} for logs and exceptions ({@link org.privacykit.mask.Masked}).
 */
@NullMarked
package org.privacykit.mask;

import org.jspecify.annotations.NullMarked;
