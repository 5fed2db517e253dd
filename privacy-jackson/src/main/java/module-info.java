/**
 * privacy-kit Jackson: the {@code PrivacyModule} for Jackson 2 (masking, purpose-based reveal,
 * encrypting and pseudonymizing serializers) and a streaming JSON masker.
 *
 * <p>The module found by {@code ObjectMapper.findAndRegisterModules()} is the masking one, the
 * safe default for API output.
 */
module org.privacykit.jackson {
    requires static transitive org.jspecify;
    requires static transitive com.google.errorprone.annotations;
    requires transitive org.privacykit.core;
    requires transitive com.fasterxml.jackson.databind;

    exports org.privacykit.jackson;

    provides com.fasterxml.jackson.databind.Module with org.privacykit.jackson.PrivacyModule;
}
