/** The Jackson integration: {@code PrivacyModule} and the streaming JSON masker. */
package org.privacykit.jackson;
