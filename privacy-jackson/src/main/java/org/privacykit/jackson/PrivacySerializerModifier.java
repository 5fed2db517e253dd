package org.privacykit.jackson;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;

import org.privacykit.metadata.ClassMetadata;
import org.privacykit.metadata.PrivacyMetadata;
import org.privacykit.metadata.PropertyMetadata;
import org.privacykit.spi.engine.EncryptPlan;
import org.privacykit.spi.engine.MaskPlan;
import org.privacykit.spi.engine.PropertyPlan;
import org.privacykit.spi.engine.Protector;
import org.privacykit.spi.engine.PseudonymPlan;
import org.privacykit.spi.engine.ScopePlan;

/**
 * Replaces the property writers of each class once, when Jackson builds its serializer: each property
 * the engine plans for gets the writer of its plan. Classes without privacy declarations keep
 * Jackson's writers untouched.
 */
final class PrivacySerializerModifier extends BeanSerializerModifier {
    private static final long serialVersionUID = 1L;

    private final transient Protector protector;
    private final transient JsonFactory json;

    PrivacySerializerModifier(Protector protector, JsonFactory json) {
        this.protector = protector;
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
            boolean scoped = protector.scopesSubjects(metadata) && PropertyIndex.mayHoldProtectedData(writer.getType());
            PropertyPlan plan = protector.plan(property, metadata, scoped);
            BeanPropertyWriter replaced = plan == null ? writer : writerOf(writer, plan);
            if (writer.isUnwrapping()) {
                if (plan != null && !(plan instanceof ScopePlan)) {
                    throw new IllegalStateException(plan.qualifiedName(writer.getName())
                            + ": a protected property cannot be @JsonUnwrapped; classify the fields of the nested type instead");
                }
                replaced = new UnwrappingWriter(writer, scoped ? metadata : null);
            }
            changed |= replaced != writer;
            out.add(replaced);
        }
        return changed ? out : writers;
    }

    private BeanPropertyWriter writerOf(BeanPropertyWriter writer, PropertyPlan plan) {
        if (plan instanceof MaskPlan mask) {
            return new MaskingPropertyWriter(writer, mask, json);
        }
        if (plan instanceof EncryptPlan encrypt) {
            return new EncryptingPropertyWriter(writer, encrypt, json);
        }
        if (plan instanceof PseudonymPlan pseudonyms) {
            return new PseudonymizingPropertyWriter(writer, pseudonyms, json);
        }
        return new ScopedPropertyWriter(writer, (ScopePlan) plan);
    }
}
