package org.privacykit.jackson3;

import tools.jackson.core.Version;
import tools.jackson.databind.JacksonModule;

import org.privacykit.audit.AuditSink;
import org.privacykit.pseudonym.Pseudonymizer;
import org.privacykit.spi.FieldCipher;
import org.privacykit.spi.engine.Protector;

/**
 * The Jackson 3 module that writes personal data as privacy-kit's annotations declare, over the same
 * engine and with the same behaviour as privacy-jackson's module for Jackson 2. One mapper takes one
 * mode:
 *
 * <ul>
 *   <li>{@link #masking()}, for API responses: each protected property is written clear, masked or
 *       redacted by its sensitivity (PUBLIC and INTERNAL clear, CONFIDENTIAL masked with the field's
 *       mask, RESTRICTED replaced by {@code [REDACTED]}); a write that declares a purpose with
 *       {@link Reveal} shows the fields that purpose may see, and audits each reveal;</li>
 *   <li>{@link #encrypting(FieldCipher)}, for storage: {@code @Encrypted} properties of any type are
 *       written as the ciphertext of their JSON, bound to type, field and subject, and read back to
 *       their type; other properties are written clear;</li>
 *   <li>{@link #pseudonymizing(Pseudonymizer)}, for exports to analytics: personal properties and
 *       subject ids are written as keyed pseudonyms, consistent per key and field; secrets are
 *       redacted; other properties are written clear.</li>
 * </ul>
 *
 * <pre>{@code
 * JsonMapper api = JsonMapper.builder().addModule(PrivacyModule.masking()).build();
 * JsonMapper store = JsonMapper.builder().addModule(PrivacyModule.encrypting(fieldEncryptor)).build();
 * }</pre>
 *
 * <p>Serializers are resolved once per property of each class (Jackson's
 * {@code ValueSerializerModifier}); a write does no annotation lookup.
 * {@code JsonMapper.builder().findAndAddModules()} finds the masking module through
 * {@code META-INF/services}. A mapper built with two modes fails with an {@link IllegalStateException}
 * on its first write of a class with protected properties (Jackson 3 does not show a module the
 * others at set-up). Immutable and thread-safe.
 */
public final class PrivacyModule extends JacksonModule {
    private static final String REGISTRATION_ID = PrivacyModule.class.getName();

    private final Protector protector;

    /**
     * Creates the masking module with audit events logged through SLF4J: the module that
     * {@code findAndAddModules()} finds. Code should call {@link #masking()}; this constructor exists
     * for {@link java.util.ServiceLoader}.
     */
    public PrivacyModule() {
        this(Protector.masking(AuditSink.slf4j()));
    }

    private PrivacyModule(Protector protector) {
        this.protector = protector;
    }

    /**
     * Returns the masking module for API output, with reveals audited to SLF4J
     * ({@link AuditSink#slf4j()}).
     *
     * @return the module
     */
    public static PrivacyModule masking() {
        return new PrivacyModule();
    }

    /**
     * Returns the masking module for API output, with reveals audited to a sink.
     *
     * @param audit receives one event per revealed CONFIDENTIAL or RESTRICTED value
     * @return the module
     */
    public static PrivacyModule masking(AuditSink audit) {
        return new PrivacyModule(Protector.masking(audit));
    }

    /**
     * Returns the encrypting module for storage, with reads of erased subjects audited to SLF4J.
     *
     * @param cipher encrypts and decrypts the {@code @Encrypted} properties, such as privacy-crypto's
     *        {@code FieldEncryptor}
     * @return the module
     */
    public static PrivacyModule encrypting(FieldCipher cipher) {
        return encrypting(cipher, AuditSink.slf4j());
    }

    /**
     * Returns the encrypting module for storage.
     *
     * @param cipher encrypts and decrypts the {@code @Encrypted} properties
     * @param audit receives an {@code ERASED_READ} event for each field of a forgotten subject that is read
     * @return the module
     */
    public static PrivacyModule encrypting(FieldCipher cipher, AuditSink audit) {
        return new PrivacyModule(Protector.encrypting(cipher, audit));
    }

    /**
     * Returns the pseudonymizing module for exports to analytics: each personal value becomes the
     * token of its field's domain ({@code SimpleClassName.field}), subject ids share the domain
     * {@code SubjectId} (or {@code SubjectId:role}) so exports still join on them, secrets are
     * redacted, and other properties are written clear.
     *
     * @param pseudonymizer the keyed pseudonymizer
     * @return the module
     */
    public static PrivacyModule pseudonymizing(Pseudonymizer pseudonymizer) {
        return new PrivacyModule(Protector.pseudonymizing(pseudonymizer));
    }

    @Override
    public String getModuleName() {
        return "privacy-kit-" + protector.mode().label();
    }

    /** Distinct per mode, so Jackson does not replace one mode by another. */
    @Override
    public Object getRegistrationId() {
        return REGISTRATION_ID + "/" + protector.mode().label();
    }

    @Override
    public Version version() {
        return PackageVersion.VERSION;
    }

    @Override
    public void setupModule(SetupContext context) {
        context.addSerializerModifier(new PrivacySerializerModifier(protector));
        if (protector.mode() == Protector.Mode.ENCRYPTING) {
            context.addDeserializerModifier(new DecryptingDeserializerModifier(protector));
        }
    }

    @Override
    public String toString() {
        return "PrivacyModule[" + protector.mode().label() + "]";
    }
}
