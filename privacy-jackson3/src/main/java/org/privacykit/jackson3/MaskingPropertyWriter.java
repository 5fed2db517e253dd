package org.privacykit.jackson3;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.PropertyName;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.BeanPropertyWriter;

import org.privacykit.mask.Disclosure;
import org.privacykit.mask.Maskers;
import org.privacykit.spi.engine.FieldPath;
import org.privacykit.spi.engine.MaskPlan;
import org.privacykit.spi.engine.RevealRequest;

/**
 * Writes a property of the masking mapper as its {@link MaskPlan} decides: masked, redacted, or
 * revealed when the write's {@link Reveal} names one of the field's purposes (audited), with personal
 * map keys decided on their own. On Jackson's own UTF-8 generator with its default escaping, a mask
 * the built-in maskers make as printable ASCII is written as bytes, without making a {@code String};
 * every other generator and mask takes Jackson's {@code writeString} with its escaping.
 */
final class MaskingPropertyWriter extends PrivacyPropertyWriter {
    private static final long serialVersionUID = 1L;
    /** The redaction marker, quoted and encoded once. */
    private static final SerializedString REDACTED = new SerializedString(Maskers.REDACTED);

    private final transient MaskPlan mask;

    MaskingPropertyWriter(BeanPropertyWriter base, MaskPlan plan) {
        super(base, plan);
        this.mask = plan;
    }

    private MaskingPropertyWriter(MaskingPropertyWriter base, PropertyName name) {
        super(base, name);
        this.mask = base.mask;
    }

    @Override
    PrivacyPropertyWriter renamed(PropertyName name) {
        return new MaskingPropertyWriter(this, name);
    }

    @Override
    void writeProperty(Object bean, JsonGenerator gen, SerializationContext ctxt) throws Exception {
        @Nullable RevealRequest reveal = mask.revealable() ? Reveal.requestOf(ctxt.getAttribute(Reveal.ATTRIBUTE)) : null;
        Disclosure disclosure = mask.disclosure(reveal);
        Disclosure keys = mask.keyDisclosure(reveal);
        if (!MaskPlan.protects(disclosure, keys)) {
            audit(bean, gen, ctxt, reveal, disclosure, keys);
            plainProperty(bean, gen, ctxt);
            return;
        }
        Object value = protectedPropertyValue(bean, gen, ctxt);
        if (value != null) {
            audit(bean, gen, ctxt, reveal, disclosure, keys);
            write(value, disclosure, keys, gen, ctxt);
        }
    }

    @Override
    void writeElement(Object bean, JsonGenerator gen, SerializationContext ctxt) throws Exception {
        @Nullable RevealRequest reveal = mask.revealable() ? Reveal.requestOf(ctxt.getAttribute(Reveal.ATTRIBUTE)) : null;
        Disclosure disclosure = mask.disclosure(reveal);
        Disclosure keys = mask.keyDisclosure(reveal);
        if (!MaskPlan.protects(disclosure, keys)) {
            audit(bean, gen, ctxt, reveal, disclosure, keys);
            plainElement(bean, gen, ctxt);
            return;
        }
        Object value = protectedElementValue(bean, gen, ctxt);
        if (value != null) {
            audit(bean, gen, ctxt, reveal, disclosure, keys);
            write(value, disclosure, keys, gen, ctxt);
        }
    }

    private void write(Object value, Disclosure disclosure, @Nullable Disclosure keys, JsonGenerator gen, SerializationContext ctxt)
            throws Exception {
        if (disclosure == Disclosure.REDACT) {
            gen.writeString(REDACTED);
        } else if (value instanceof String && keys == null) {
            // the common case, without an output object: one scalar masked
            byte[] ascii = GeneratorOutput.takesAscii(gen) ? mask.asciiMask(value) : null;
            if (ascii != null) {
                gen.writeRawUTF8String(ascii, 0, ascii.length);
            } else {
                gen.writeString(mask.textMask(value));
            }
        } else {
            mask.write(value, disclosure, keys, new GeneratorOutput(gen, ctxt));
        }
    }

    private void audit(Object bean, JsonGenerator gen, SerializationContext ctxt, @Nullable RevealRequest reveal,
                       Disclosure disclosure, @Nullable Disclosure keys) throws Exception {
        if (MaskPlan.reveals(disclosure, keys) && get(bean) != null) { // revealing nothing is not a reveal
            mask.audit(reveal, disclosure, keys, path(gen.streamWriteContext(), getName()), subject(bean, ctxt));
        }
    }

    /** The path of the field being written, from the output context (see {@link FieldPath}). */
    static String path(TokenStreamContext context, String field) {
        FieldPath path = new FieldPath(field);
        TokenStreamContext top = context;
        for (TokenStreamContext c = context.getParent(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                path.element(c.getCurrentIndex());
            } else {
                path.member(c.currentValue(), c.currentName());
            }
            top = c;
        }
        return path.from(top.inObject() ? top.currentValue() : null);
    }
}
