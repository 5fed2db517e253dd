package org.privacykit.jackson;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;

import org.privacykit.mask.Maskers;
import org.privacykit.metadata.ClassMetadata;
import org.privacykit.metadata.PropertyMetadata;
import org.privacykit.pseudonym.Pseudonymizer;

/**
 * Writes a personal property or a subject id of the pseudonymizing mapper as keyed pseudonyms,
 * element by element, or redacts a secret. Scalars are pseudonymized by their text; other values
 * (a nested object classified as a whole) by their JSON.
 */
final class PseudonymizingPropertyWriter extends PrivacyPropertyWriter {
    private static final long serialVersionUID = 1L;

    private final transient Pseudonymizer.Domain domain;
    private final transient JsonFactory json;

    PseudonymizingPropertyWriter(BeanPropertyWriter base, PropertyMetadata property, ClassMetadata owner,
                                 Pseudonymizer.Domain domain, JsonFactory json) {
        super(base, property, owner, false);
        this.domain = domain;
        this.json = json;
    }

    private PseudonymizingPropertyWriter(PseudonymizingPropertyWriter base, PropertyName name) {
        super(base, name);
        this.domain = base.domain;
        this.json = base.json;
    }

    @Override
    PrivacyPropertyWriter renamed(PropertyName name) {
        return new PseudonymizingPropertyWriter(this, name);
    }

    @Override
    void writeField(Object bean, JsonGenerator gen, SerializerProvider prov) throws Exception {
        Object value = protectedFieldValue(bean, gen, prov);
        if (value != null) {
            write(value, gen, prov);
        }
    }

    @Override
    void writeElement(Object bean, JsonGenerator gen, SerializerProvider prov) throws Exception {
        Object value = protectedElementValue(bean, gen, prov);
        if (value != null) {
            write(value, gen, prov);
        }
    }

    private void write(Object value, JsonGenerator gen, SerializerProvider prov) throws IOException {
        if (domain == null) {
            gen.writeString(Maskers.REDACTED);
            return;
        }
        new ElementWriter() {
            @Override
            void writeElement(Object element, JsonGenerator g) throws IOException {
                String text = ScalarText.of(element);
                if (text == null) {
                    text = elementJson(element, prov, json);
                }
                try {
                    g.writeString(domain.pseudonymize(text));
                } catch (IllegalArgumentException e) {
                    // the pseudonymizer's message names the domain and the reason (invalid UTF-16), never the value
                    throw JsonMappingException.from(g, property.qualifiedName() + ": cannot pseudonymize (" + e.getMessage() + ")", e);
                }
            }
        }.write(value, gen);
    }
}
