/**
 * privacy-kit crypto: field-level encryption with managed, rotatable keys; deterministic and
 * format-preserving modes; crypto-shredding and blind indexes. Uses BouncyCastle's lightweight API
 * only: no JCA provider is registered, and no BouncyCastle type appears in the API.
 */
module org.privacykit.crypto {
    requires static transitive org.jspecify;
    requires static transitive com.google.errorprone.annotations;
    requires transitive org.privacykit.core;
    requires org.bouncycastle.provider;

    exports org.privacykit.crypto;
}
