/** The Jackson 3 integration: {@code PrivacyModule} and {@code Reveal}. */
package org.privacykit.jackson3;
