package org.privacykit.jackson3;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.ser.BeanPropertyWriter;
import tools.jackson.databind.ser.ValueSerializerModifier;

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
 * Jackson's writers untouched. A mapper takes one mode: writers of another mode's modifier are refused.
 */
final class PrivacySerializerModifier extends ValueSerializerModifier {
    private static final long serialVersionUID = 1L;

    private final transient Protector protector;

    PrivacySerializerModifier(Protector protector) {
        this.protector = protector;
    }

    @Override
    public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription.Supplier supplier,
                                                     List<BeanPropertyWriter> writers) {
        Class<?> type = supplier.getBeanClass();
        if (!PrivacyMetadata.isNavigable(type)) {
            return writers;
        }
        ClassMetadata metadata = PrivacyMetadata.of(type);
        if (metadata.properties().isEmpty()) {
            return writers;
        }
        PropertyIndex index = new PropertyIndex(metadata, supplier.get());
        List<BeanPropertyWriter> out = new ArrayList<>(writers.size());
        boolean changed = false;
        for (BeanPropertyWriter writer : writers) {
            if (writer instanceof PrivacyPropertyWriter || writer instanceof UnwrappingWriter) {
                // Jackson 3 lists no modules at set-up: the other mode's writers show it here
                throw new IllegalStateException("this mapper has two PrivacyModule modes (" + protector.mode().label()
                        + " and another); a mapper takes one PrivacyModule mode, use one mapper per mode");
            }
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
            return new MaskingPropertyWriter(writer, mask);
        }
        if (plan instanceof EncryptPlan encrypt) {
            return new EncryptingPropertyWriter(writer, encrypt);
        }
        if (plan instanceof PseudonymPlan pseudonyms) {
            return new PseudonymizingPropertyWriter(writer, pseudonyms);
        }
        return new ScopedPropertyWriter(writer, (ScopePlan) plan);
    }
}
