package org.privacykit.jackson;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;

import org.privacykit.annotation.Sensitivity;
import org.privacykit.audit.AuditSink;
import org.privacykit.metadata.ClassMetadata;
import org.privacykit.metadata.PrivacyMetadata;
import org.privacykit.metadata.PropertyMetadata;
import org.privacykit.pseudonym.Pseudonymizer;
import org.privacykit.spi.FieldCipher;

/**
 * Replaces the property writers of each class once, when Jackson builds its serializer: protected
 * properties get the writer of the module's mode, and properties that hold nested objects of a class
 * with a {@code @SubjectId} get a scoped writer. Classes without privacy declarations keep Jackson's
 * writers untouched.
 */
final class PrivacySerializerModifier extends BeanSerializerModifier {
    private static final long serialVersionUID = 1L;

    private final PrivacyModule.Mode mode;
    private final transient AuditSink audit;
    private final transient FieldCipher cipher;
    private final transient Pseudonymizer pseudonymizer;
    private final transient JsonFactory json;

    PrivacySerializerModifier(PrivacyModule.Mode mode, AuditSink audit, FieldCipher cipher,
                              Pseudonymizer pseudonymizer, JsonFactory json) {
        this.mode = mode;
        this.audit = audit;
        this.cipher = cipher;
        this.pseudonymizer = pseudonymizer;
        this.json = json;
    }

    @Override
    public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription description,
                                                     List<BeanPropertyWriter> writers) {
        Class<?> type = description.getBeanClass();
        if (!PrivacyMetadata.isNavigable(type)) {
            return writers;
        }
        ClassMetadata metadata = PrivacyMetadata.of(type);
        if (metadata.properties().isEmpty()) {
            return writers;
        }
        PropertyIndex index = new PropertyIndex(metadata, description);
        List<BeanPropertyWriter> out = new ArrayList<>(writers.size());
        boolean changed = false;
        for (BeanPropertyWriter writer : writers) {
            PropertyMetadata property = index.find(writer.getName(), writer.getMember());
            boolean scoped = mode != PrivacyModule.Mode.PSEUDONYMIZING && metadata.hasSubjectId()
                    && PropertyIndex.mayHoldProtectedData(writer.getType());
            BeanPropertyWriter replaced = replace(writer, property, metadata, scoped);
            if (writer.isUnwrapping()) {
                if (replaced == writer || replaced instanceof ScopedPropertyWriter) {
                    replaced = new UnwrappingWriter(writer, scoped ? metadata : null);
                } else {
                    throw new IllegalStateException((property == null ? type.getSimpleName() + "." + writer.getName()
                            : property.qualifiedName()) + ": a protected property cannot be @JsonUnwrapped;"
                            + " classify the fields of the nested type instead");
                }
            }
            changed |= replaced != writer;
            out.add(replaced);
        }
        return changed ? out : writers;
    }

    private BeanPropertyWriter replace(BeanPropertyWriter writer, PropertyMetadata property, ClassMetadata owner,
                                       boolean scoped) {
        switch (mode) {
            case MASKING:
                if (property != null && (property.isProtected()
                        ? property.classification().sensitivity().compareTo(Sensitivity.INTERNAL) > 0
                        : property.isEncrypted())) {
                    return new MaskingPropertyWriter(writer, property, owner, scoped, audit);
                }
                break;
            case ENCRYPTING:
                if (property != null && property.isEncrypted()) {
                    return new EncryptingPropertyWriter(writer, property, owner, scoped, cipher, json);
                }
                break;
            default:
                if (property != null) {
                    if (property.isSubjectId()) {
                        String role = property.subjectIdRole();
                        return new PseudonymizingPropertyWriter(writer, property, owner,
                                pseudonymizer.domain(role.isEmpty() ? "SubjectId" : "SubjectId:" + role), json);
                    }
                    if (property.isProtected() && property.classification().isPersonalData()) {
                        return new PseudonymizingPropertyWriter(writer, property, owner,
                                pseudonymizer.domain(property.qualifiedName()), json);
                    }
                    if (property.isProtected() || property.isEncrypted()) {
                        return new PseudonymizingPropertyWriter(writer, property, owner, null, json);
                    }
                }
                return writer;
        }
        return scoped ? new ScopedPropertyWriter(writer, property, owner) : writer;
    }
}
