package org.privacykit.jackson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;

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
    private final transient JsonFactory json;

    MaskingPropertyWriter(BeanPropertyWriter base, MaskPlan plan, JsonFactory json) {
        super(base, plan);
        this.mask = plan;
        this.json = json;
    }

    private MaskingPropertyWriter(MaskingPropertyWriter base, PropertyName name) {
        super(base, name);
        this.mask = base.mask;
        this.json = base.json;
    }

    @Override
    PrivacyPropertyWriter renamed(PropertyName name) {
        return new MaskingPropertyWriter(this, name);
    }

    @Override
    void writeField(Object bean, JsonGenerator gen, SerializerProvider prov) throws Exception {
        RevealRequest reveal = mask.revealable() ? Reveal.requestOf(prov.getAttribute(Reveal.ATTRIBUTE)) : null;
        Disclosure disclosure = mask.disclosure(reveal);
        Disclosure keys = mask.keyDisclosure(reveal);
        if (!MaskPlan.protects(disclosure, keys)) {
            audit(bean, gen, prov, reveal, disclosure, keys);
            plainField(bean, gen, prov);
            return;
        }
        Object value = protectedFieldValue(bean, gen, prov);
        if (value != null) {
            audit(bean, gen, prov, reveal, disclosure, keys);
            write(value, disclosure, keys, gen, prov);
        }
    }

    @Override
    void writeElement(Object bean, JsonGenerator gen, SerializerProvider prov) throws Exception {
        RevealRequest reveal = mask.revealable() ? Reveal.requestOf(prov.getAttribute(Reveal.ATTRIBUTE)) : null;
        Disclosure disclosure = mask.disclosure(reveal);
        Disclosure keys = mask.keyDisclosure(reveal);
        if (!MaskPlan.protects(disclosure, keys)) {
            audit(bean, gen, prov, reveal, disclosure, keys);
            plainElement(bean, gen, prov);
            return;
        }
        Object value = protectedElementValue(bean, gen, prov);
        if (value != null) {
            audit(bean, gen, prov, reveal, disclosure, keys);
            write(value, disclosure, keys, gen, prov);
        }
    }

    private void write(Object value, Disclosure disclosure, Disclosure keys, JsonGenerator gen, SerializerProvider prov)
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
            mask.write(value, disclosure, keys, new GeneratorOutput(gen, prov, json));
        }
    }

    private void audit(Object bean, JsonGenerator gen, SerializerProvider prov, RevealRequest reveal,
                       Disclosure disclosure, Disclosure keys) throws Exception {
        if (MaskPlan.reveals(disclosure, keys) && get(bean) != null) { // revealing nothing is not a reveal
            mask.audit(reveal, disclosure, keys, path(gen.getOutputContext(), getName()), subject(bean, prov));
        }
    }

    /** The path of the field being written, from the output context (see {@link FieldPath}). */
    static String path(JsonStreamContext context, String field) {
        FieldPath path = new FieldPath(field);
        JsonStreamContext top = context;
        for (JsonStreamContext c = context.getParent(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                path.element(c.getCurrentIndex());
            } else {
                path.member(c.getCurrentValue(), c.getCurrentName());
            }
            top = c;
        }
        return path.from(top.inObject() ? top.getCurrentValue() : null);
    }
}
