/**
 * privacy-kit Jackson: the {@code PrivacyModule} for Jackson 2 (masking, purpose-based reveal,
 * encrypting and pseudonymizing serializers) and a streaming JSON masker.
 */
module org.privacykit.jackson {
    requires transitive org.privacykit.core;
    requires transitive com.fasterxml.jackson.databind;

    // exports org.privacykit.jackson; (added with its first class)
}
