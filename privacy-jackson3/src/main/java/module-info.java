/**
 * privacy-kit Jackson 3: the {@code PrivacyModule} for Jackson 3 ({@code tools.jackson}): masking,
 * purpose-based reveal, encrypting and pseudonymizing serializers, over the same engine as
 * privacy-jackson's for Jackson 2.
 *
 * <p>The module found by {@code JsonMapper.builder().findAndAddModules()} is the masking one, the
 * safe default for API output.
 */
@SuppressWarnings("module") // named after its package, as org.apache.commons.lang3 is: the digit is Jackson's line
module org.privacykit.jackson3 {
    requires transitive org.privacykit.core;
    requires transitive tools.jackson.databind;
    requires static transitive org.jspecify; // @Nullable in public signatures

    exports org.privacykit.jackson3;

    provides tools.jackson.databind.JacksonModule with org.privacykit.jackson3.PrivacyModule;
}
