package org.privacykit.jackson;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;

import org.privacykit.spi.engine.JsonOutput;

/** The engine's output over a Jackson 2 generator, for one protected value. */
final class GeneratorOutput implements JsonOutput<IOException> {
    private final JsonGenerator gen;
    private final SerializerProvider prov;
    private final JsonFactory json;
    private final boolean takesAscii;

    GeneratorOutput(JsonGenerator gen, SerializerProvider prov, JsonFactory json) {
        this.gen = gen;
        this.prov = prov;
        this.json = json;
        this.takesAscii = takesAscii(gen);
    }

    /**
     * Whether the generator is Jackson's UTF-8 one with no escaping beyond JSON's own for printable
     * ASCII: no custom escapes, forward slashes not escaped, every printable ASCII character allowed.
     * Every other generator (a {@code Writer}'s, a token buffer, a subclass or delegate) takes strings.
     */
    static boolean takesAscii(JsonGenerator gen) {
        if (gen.getClass() != UTF8JsonGenerator.class || gen.getCharacterEscapes() != null
                || gen.isEnabled(JsonWriteFeature.ESCAPE_FORWARD_SLASHES.mappedFeature())) {
            return false;
        }
        int highest = gen.getHighestEscapedChar();
        return highest == 0 || highest >= 0x7E;
    }

    @Override
    public void startArray() throws IOException {
        gen.writeStartArray();
    }

    @Override
    public void endArray() throws IOException {
        gen.writeEndArray();
    }

    @Override
    public void startObject() throws IOException {
        gen.writeStartObject();
    }

    @Override
    public void endObject() throws IOException {
        gen.writeEndObject();
    }

    @Override
    public void name(String name) throws IOException {
        gen.writeFieldName(name);
    }

    @Override
    public void string(String text) throws IOException {
        gen.writeString(text);
    }

    @Override
    public void nullValue() throws IOException {
        gen.writeNull();
    }

    @Override
    public boolean takesAscii() {
        return takesAscii;
    }

    @Override
    public void ascii(byte[] ascii) throws IOException {
        gen.writeRawUTF8String(ascii, 0, ascii.length);
    }

    @Override
    public void plain(Object value) throws IOException {
        prov.defaultSerializeValue(value, gen);
    }

    @Override
    public String json(Object value) throws IOException {
        return PrivacyPropertyWriter.elementJson(value, prov, json);
    }
}
