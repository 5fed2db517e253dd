package org.privacykit.crypto;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.privacykit.metadata.AtRest;
import org.privacykit.metadata.ClassMetadata;
import org.privacykit.metadata.EncryptionPath;
import org.privacykit.metadata.PrivacyMetadata;
import org.privacykit.metadata.PropertyMetadata;
import org.privacykit.metadata.RedactedException;
import org.privacykit.spi.FieldContext;
import org.privacykit.spi.FieldCryptoException;
import org.privacykit.spi.engine.GraphCopy;

/**
 * {@link FieldEncryptor}'s object methods: every {@code @Encrypted} value reachable from an object
 * (its own properties, nested objects, elements of collections and arrays, map values,
 * {@code Optional}s) encrypted, decrypted or re-encrypted in a copy, each bound to its field and to
 * the data subject of the innermost enclosing object that declares one (the rule of
 * {@code PrivacyMetadata.walk} and of the Jackson encrypting mapper). An {@code @Encrypted}
 * property that a same-typed copy cannot hold as ciphertext ({@link EncryptionPath#OBJECT_COPY}
 * says which) fails the call before anything is written, naming the field and the fix. Objects and
 * containers in which nothing changes are shared with the original, and parts of the graph whose
 * classes cannot hold {@code @Encrypted} values are not walked. One per call; not thread-safe.
 */
final class ObjectEncryption implements GraphCopy.Policy<FieldCryptoException> {
    /** What is done to each ciphertext or plaintext. */
    enum Operation { ENCRYPT, DECRYPT, REENCRYPT }

    /**
     * Why a copy of a class cannot hold one of its {@code @Encrypted} properties encrypted (the first
     * {@link EncryptionPath#OBJECT_COPY} refuses, getters without a field included), or {@code null};
     * decided once per class.
     */
    private static final ClassValue<Refusal> REFUSAL = new ClassValue<>() {
        @Override
        protected Refusal computeValue(Class<?> type) {
            for (PropertyMetadata p : PrivacyMetadata.of(type).properties()) {
                AtRest decision = p.isEncrypted() ? EncryptionPath.OBJECT_COPY.decide(p) : null;
                if (decision != null && !decision.encrypted()) {
                    return new Refusal(p.qualifiedName(), decision.reason() + "; FieldEncryptor.encrypt(object)"
                            + " cannot encrypt it. Fix: " + decision.fix());
                }
            }
            return null;
        }
    };

    /** A property a copy cannot hold encrypted, and why. */
    private record Refusal(String field, String reason) {
    }

    /** Whether values of a declared class may hold {@code @Encrypted} properties, so the walk must look inside. */
    private static final ClassValue<Boolean> MAY_HOLD_ENCRYPTED = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return mayHoldEncrypted(type, new HashSet<>());
        }
    };

    private final FieldEncryptor fields;
    private final Operation operation;
    private final Set<String> rewrapped = new HashSet<>();
    private int changed;

    ObjectEncryption(FieldEncryptor fields, Operation operation) {
        this.fields = fields;
        this.operation = operation;
    }

    /** How many values the walk changed. */
    int changed() {
        return changed;
    }

    @Override
    public boolean copiesUnchanged() {
        return false;
    }

    @Override
    public GraphCopy.Mapping<FieldCryptoException> property(PropertyMetadata p, Object value,
                                                            GraphCopy.Site<FieldCryptoException> site)
            throws FieldCryptoException {
        Refusal refusal = REFUSAL.get(p.owner());
        if (refusal != null) {
            throw new FieldCryptoException(refusal.field(), refusal.reason());
        }
        if (!p.isEncrypted()) {
            return value == null || !MAY_HOLD_ENCRYPTED.get(p.elementClass()) ? GraphCopy.Mapping.replace(value)
                    : GraphCopy.Mapping.copy();
        }
        if (value == null) {
            return GraphCopy.Mapping.replace(null);
        }
        // a @SubjectId is bound to its field only: it cannot be bound to itself
        String subject = p.isSubjectId() ? null
                : site.subjectId(p.classification() == null ? "" : p.classification().subjectRole());
        FieldContext context = FieldContext.of(p, subject);
        return GraphCopy.Mapping.transform((v, direct) -> value(p, context, v), null);
    }

    private Object value(PropertyMetadata p, FieldContext context, Object v) throws FieldCryptoException {
        if (v instanceof Optional || v instanceof Collection || v instanceof Map
                || (v.getClass().isArray() && !v.getClass().getComponentType().isPrimitive())) {
            return GraphCopy.DESCEND;
        }
        if (!(v instanceof CharSequence)) {
            throw new FieldCryptoException(p.qualifiedName(), "holds a " + v.getClass().getSimpleName() + " at run"
                    + " time; a copy can hold only text as ciphertext. Fix: keep text in this property, or store it"
                    + " through the Jackson encrypting mapper");
        }
        String text = v.toString();
        String out = switch (operation) {
            case ENCRYPT -> fields.encrypt(context, text);
            case DECRYPT -> fields.decrypt(context, text);
            case REENCRYPT -> {
                if (context.subjectId() != null && rewrapped.add(context.subjectId())) {
                    fields.rewrapSubjectKey(context.subjectId());
                }
                yield fields.reencrypt(context, text);
            }
        };
        if (out != v) {
            changed++;
        }
        return out;
    }

    @Override
    public String subjectId(PropertyMetadata idProperty, Object value) throws FieldCryptoException {
        if (value == null) {
            return null;
        }
        if (operation != Operation.ENCRYPT && idProperty.isEncrypted() && value instanceof String ciphertext) {
            // an encrypted object holds its subject id as ciphertext, bound to the field only
            return fields.decrypt(FieldContext.of(idProperty, null), ciphertext);
        }
        return value.toString();
    }

    @Override
    public RuntimeException rejected(Class<?> type, PropertyMetadata component, Throwable cause) {
        String thrown = RedactedException.typeOf(cause);
        String what = operation == Operation.DECRYPT ? "the decrypted value" : "the ciphertext";
        if (component == null) {
            return new IllegalStateException(type.getSimpleName() + ": the constructor rejects " + what + "s of the copy"
                    + " (it threw " + thrown + "); a copy holds them in the properties themselves, so move the check"
                    + " out of the constructor, or store the object through the Jackson encrypting mapper",
                    RedactedException.of(cause));
        }
        return new IllegalStateException(component.qualifiedName() + ": the constructor of " + type.getSimpleName()
                + " rejects " + what + " of " + component.name() + " (it threw " + thrown + "); a copy holds it in the"
                + " property itself, so move the check out of the constructor, or store the object through the"
                + " Jackson encrypting mapper", RedactedException.of(cause));
    }

    /**
     * Whether a declared class may hold {@code @Encrypted} values: an application class that declares
     * or reaches one, or a type whose values are only known at run time ({@code Object}, interfaces,
     * classes that can be extended). JDK value types (text, numbers, dates) never do.
     */
    private static boolean mayHoldEncrypted(Class<?> type, Set<Class<?>> visiting) {
        if (type.isPrimitive() || type.isEnum() || type.isArray()) {
            return false;
        }
        if (!PrivacyMetadata.isNavigable(type)) {
            // JDK types: only the open ones (Object, interfaces such as Collection, abstract classes) may hold one
            return type.isInterface() || java.lang.reflect.Modifier.isAbstract(type.getModifiers())
                    || type == Object.class;
        }
        if (!java.lang.reflect.Modifier.isFinal(type.getModifiers()) && !type.isRecord()) {
            return true; // a subclass may declare one
        }
        if (!visiting.add(type)) {
            return false; // a cycle adds nothing new
        }
        ClassMetadata metadata = PrivacyMetadata.of(type);
        for (PropertyMetadata p : metadata.properties()) {
            if (p.isEncrypted() || mayHoldEncrypted(p.elementClass(), visiting)) {
                return true;
            }
        }
        return false;
    }
}
