package org.privacykit.jackson;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;

import org.privacykit.annotation.MaskStyle;
import org.privacykit.audit.AuditAction;
import org.privacykit.audit.AuditEvent;
import org.privacykit.audit.AuditSink;
import org.privacykit.mask.Channel;
import org.privacykit.mask.Disclosure;
import org.privacykit.mask.Masker;
import org.privacykit.mask.Maskers;
import org.privacykit.metadata.ClassMetadata;
import org.privacykit.metadata.Classification;
import org.privacykit.metadata.PropertyMetadata;
import org.privacykit.spi.engine.AsciiMasks;

/**
 * Writes a CONFIDENTIAL or RESTRICTED property (or an unclassified {@code @Encrypted} one) of the
 * masking mapper: masked, redacted, or revealed when the write's {@link Reveal} names one of the
 * field's purposes. The decision without a reveal is made once, when the writer is built.
 */
final class MaskingPropertyWriter extends PrivacyPropertyWriter {
    private static final long serialVersionUID = 1L;
    /** The redaction marker, quoted and encoded once. */
    private static final SerializedString REDACTED = new SerializedString(Maskers.REDACTED);

    private final transient Classification classification;
    /** Whether a purpose can reveal this field: it is classified and declares purposes. */
    private final boolean revealable;
    private final transient Disclosure withoutReveal;
    private final transient AuditSink audit;
    private final transient ElementWriter masked;

    MaskingPropertyWriter(BeanPropertyWriter base, PropertyMetadata property, ClassMetadata owner, boolean scoped,
                          AuditSink audit) {
        super(base, property, owner, scoped);
        this.classification = property.classification();
        this.revealable = classification != null && !classification.purposes().isEmpty();
        this.withoutReveal = classification == null
                ? Disclosure.MASK : Channel.API.disclosure(classification, java.util.Set.of());
        this.audit = audit;
        this.masked = new MaskedElements(classification == null ? Maskers.full() : Maskers.of(classification),
                classification != null && classification.maskStyle() == MaskStyle.DATE);
    }

    private MaskingPropertyWriter(MaskingPropertyWriter base, PropertyName name) {
        super(base, name);
        this.classification = base.classification;
        this.revealable = base.revealable;
        this.withoutReveal = base.withoutReveal;
        this.audit = base.audit;
        this.masked = base.masked;
    }

    @Override
    PrivacyPropertyWriter renamed(PropertyName name) {
        return new MaskingPropertyWriter(this, name);
    }

    @Override
    void writeField(Object bean, JsonGenerator gen, SerializerProvider prov) throws Exception {
        Reveal reveal = revealable ? (Reveal) prov.getAttribute(Reveal.ATTRIBUTE) : null;
        Disclosure disclosure = reveal == null ? withoutReveal : Channel.API.disclosure(classification, reveal.purposes());
        if (disclosure.isClear()) {
            if (disclosure == Disclosure.REVEAL) {
                audit(bean, gen, prov, reveal);
            }
            plainField(bean, gen, prov);
            return;
        }
        Object value = protectedFieldValue(bean, gen, prov);
        if (value != null) {
            writeProtected(value, disclosure, gen);
        }
    }

    @Override
    void writeElement(Object bean, JsonGenerator gen, SerializerProvider prov) throws Exception {
        Reveal reveal = revealable ? (Reveal) prov.getAttribute(Reveal.ATTRIBUTE) : null;
        Disclosure disclosure = reveal == null ? withoutReveal : Channel.API.disclosure(classification, reveal.purposes());
        if (disclosure.isClear()) {
            if (disclosure == Disclosure.REVEAL) {
                audit(bean, gen, prov, reveal);
            }
            plainElement(bean, gen, prov);
            return;
        }
        Object value = protectedElementValue(bean, gen, prov);
        if (value != null) {
            writeProtected(value, disclosure, gen);
        }
    }

    /** A redacted value is one marker, whatever its shape, so not even a list's length shows. */
    private void writeProtected(Object value, Disclosure disclosure, JsonGenerator gen) throws IOException {
        if (disclosure == Disclosure.REDACT) {
            gen.writeString(REDACTED);
        } else {
            masked.write(value, gen);
        }
    }

    private void audit(Object bean, JsonGenerator gen, SerializerProvider prov, Reveal reveal) throws Exception {
        if (get(bean) == null) {
            return; // revealing nothing is not a reveal
        }
        audit.record(AuditEvent.builder(AuditAction.REVEAL)
                .field(path(gen.getOutputContext(), getName()))
                .subject(subject(bean, prov))
                .purpose(reveal.firstAllowed(classification.purposes()))
                .actor(reveal.actor())
                .detail(classification.sensitivity().name())
                .build());
    }

    /**
     * The path of the field being written, from the output context: the root object's class, then
     * the JSON names and indexes down to the field, as in {@code Customer.orders[0].shippingAddress.street}.
     * Map keys show as {@code {}}: a key may itself be personal data, and audit events hold none.
     */
    static String path(JsonStreamContext context, String field) {
        Deque<String> parts = new ArrayDeque<>();
        parts.push("." + field);
        JsonStreamContext top = context;
        for (JsonStreamContext c = context.getParent(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else {
                parts.push(c.getCurrentValue() instanceof java.util.Map ? "{}" : "." + c.getCurrentName());
            }
            top = c;
        }
        Object root = top.inObject() ? top.getCurrentValue() : null;
        StringBuilder out = new StringBuilder(root == null || root instanceof java.util.Map
                ? "" : root.getClass().getSimpleName());
        for (String part : parts) {
            out.append(part);
        }
        return out.charAt(0) == '.' ? out.substring(1) : out.toString();
    }

    /**
     * Writes each element masked. On Jackson's own UTF-8 generator with its default escaping, a mask
     * that is printable ASCII needing no escape is written as the masker's bytes, without making a
     * {@code String}. Everything else takes Jackson's {@code writeString} with its escaping: other
     * generators (a {@code Writer}'s, a token buffer, a subclass or delegate), an application's
     * {@code CharacterEscapes}, escaped forward slashes, a lowered highest unescaped character, and
     * masks with a quote, an apostrophe (the generator's quote character may be one) or a backslash.
     */
    static final class MaskedElements extends ElementWriter {
        private final Masker masker;
        /** Whether a {@code LocalDate} is written as its year, as the date masker keeps of its ISO text. */
        private final boolean yearOfDate;

        MaskedElements(Masker masker, boolean yearOfDate) {
            this.masker = masker;
            this.yearOfDate = yearOfDate;
        }

        @Override
        void writeElement(Object element, JsonGenerator gen) throws IOException {
            boolean bytes = defaultUtf8(gen);
            if (yearOfDate && element instanceof java.time.LocalDate) {
                int year = ((java.time.LocalDate) element).getYear();
                if (year >= 1000 && year <= 9999) {
                    if (bytes) {
                        byte[] digits = {(byte) ('0' + year / 1000), (byte) ('0' + year / 100 % 10),
                            (byte) ('0' + year / 10 % 10), (byte) ('0' + year % 10)};
                        gen.writeRawUTF8String(digits, 0, 4);
                    } else {
                        gen.writeString(Integer.toString(year));
                    }
                    return;
                }
            }
            String text = ScalarText.of(element);
            if (text == null) {
                gen.writeString(Maskers.full().mask(""));
                return;
            }
            if (bytes) {
                byte[] ascii = AsciiMasks.mask(masker, text);
                if (ascii != null && writesUnescaped(ascii)) {
                    gen.writeRawUTF8String(ascii, 0, ascii.length);
                    return;
                }
            }
            String out = masker.mask(text);
            gen.writeString(out == null ? Maskers.REDACTED : out);
        }

        /**
         * Whether the generator is Jackson's UTF-8 one with no escaping beyond JSON's own for printable
         * ASCII: no custom escapes, forward slashes not escaped, every printable ASCII character allowed.
         */
        private static boolean defaultUtf8(JsonGenerator gen) {
            if (gen.getClass() != UTF8JsonGenerator.class || gen.getCharacterEscapes() != null
                    || gen.isEnabled(JsonWriteFeature.ESCAPE_FORWARD_SLASHES.mappedFeature())) {
                return false;
            }
            int highest = gen.getHighestEscapedChar();
            return highest == 0 || highest >= 0x7E;
        }

        /**
         * Whether the bytes can go between the quotes as they are: printable ASCII (whatever a
         * masker returns) without a quote, an apostrophe or a backslash.
         */
        private static boolean writesUnescaped(byte[] ascii) {
            for (byte b : ascii) {
                if (b < 0x20 || b > 0x7E || b == '"' || b == '\'' || b == '\\') {
                    return false;
                }
            }
            return true;
        }
    }
}
