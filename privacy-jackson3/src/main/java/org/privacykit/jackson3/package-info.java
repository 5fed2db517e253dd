/** The Jackson 3 integration: {@code PrivacyModule} and {@code Reveal}. */
@NullMarked
package org.privacykit.jackson3;

import org.jspecify.annotations.NullMarked;
