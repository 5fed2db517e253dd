package org.privacykit.jackson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.privacykit.audit.AuditSink;
import org.privacykit.pseudonym.Pseudonymizer;
import org.privacykit.spi.FieldCipher;
import org.privacykit.spi.engine.Protector;

/**
 * The Jackson module that writes personal data as privacy-kit's annotations declare. One mapper
 * takes one mode:
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
 * ObjectMapper api = JsonMapper.builder().addModule(PrivacyModule.masking()).build();
 * ObjectMapper store = JsonMapper.builder().addModule(PrivacyModule.encrypting(fieldEncryptor)).build();
 * }</pre>
 *
 * <p>Serializers are resolved once per property of each class (Jackson's
 * {@code BeanSerializerModifier}); a write does no annotation lookup. {@code findAndRegisterModules()}
 * finds the masking module through {@code META-INF/services}. Registering two modes on one mapper
 * fails with an {@link IllegalStateException}. Immutable and thread-safe.
 */
public final class PrivacyModule extends Module {
    private static final String TYPE_ID = PrivacyModule.class.getName();

    private final Protector protector;

    /**
     * Creates the masking module with audit events logged through SLF4J: the module that
     * {@code ObjectMapper.findAndRegisterModules()} finds. Code should call {@link #masking()}; this
     * constructor exists for {@link java.util.ServiceLoader}.
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

    /** Distinct per mode, so Jackson does not drop one mode as a duplicate of another. */
    @Override
    public Object getTypeId() {
        return TYPE_ID + "/" + protector.mode().label();
    }

    @Override
    public Version version() {
        return PackageVersion.VERSION;
    }

    @Override
    public void setupModule(SetupContext context) {
        if (context.getOwner() instanceof ObjectMapper mapper) {
            for (Object id : mapper.getRegisteredModuleIds()) {
                if (id instanceof String other && other.startsWith(TYPE_ID + "/") && !other.equals(getTypeId())) {
                    throw new IllegalStateException("this mapper already has " + other.substring(TYPE_ID.length() + 1)
                            + "; a mapper takes one PrivacyModule mode (" + protector.mode().label()
                            + " was added), use one mapper per mode");
                }
            }
        }
        JsonFactory json = JsonFactory.builder().build();
        context.addBeanSerializerModifier(new PrivacySerializerModifier(protector, json));
        if (protector.mode() == Protector.Mode.ENCRYPTING) {
            context.addBeanDeserializerModifier(new DecryptingDeserializerModifier(protector, json));
        }
    }

    @Override
    public String toString() {
        return "PrivacyModule[" + protector.mode().label() + "]";
    }
}
