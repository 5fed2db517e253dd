package org.privacykit.jackson3;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.core.json.UTF8JsonGenerator;
import tools.jackson.databind.SerializationContext;

import org.privacykit.spi.engine.JsonOutput;

/** The engine's output over a Jackson 3 generator, for one protected value. */
final class GeneratorOutput implements JsonOutput<RuntimeException> {
    /** The highest character a generator may leave unescaped so that every printable ASCII byte goes out as it is. */
    private static final int LAST_PRINTABLE_ASCII = 0x7E;

    private final JsonGenerator gen;
    private final SerializationContext ctxt;
    private final boolean takesAscii;

    GeneratorOutput(JsonGenerator gen, SerializationContext ctxt) {
        this.gen = gen;
        this.ctxt = ctxt;
        this.takesAscii = takesAscii(gen);
    }

    /**
     * Whether the generator is Jackson's UTF-8 one with no escaping beyond JSON's own for printable
     * ASCII: no custom escapes, forward slashes not escaped, every printable ASCII character allowed.
     * Every other generator (a {@code Writer}'s, a token buffer, a subclass or delegate) takes strings.
     */
    static boolean takesAscii(JsonGenerator gen) {
        if (gen.getClass() != UTF8JsonGenerator.class || gen.getCharacterEscapes() != null
                || ((UTF8JsonGenerator) gen).isEnabled(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)) {
            return false;
        }
        int highest = gen.getHighestNonEscapedChar();
        return highest == 0 || highest >= LAST_PRINTABLE_ASCII;
    }

    @Override
    public void startArray() {
        gen.writeStartArray();
    }

    @Override
    public void endArray() {
        gen.writeEndArray();
    }

    @Override
    public void startObject() {
        gen.writeStartObject();
    }

    @Override
    public void endObject() {
        gen.writeEndObject();
    }

    @Override
    public void name(String name) {
        gen.writeName(name);
    }

    @Override
    public void string(String text) {
        gen.writeString(text);
    }

    @Override
    public void nullValue() {
        gen.writeNull();
    }

    @Override
    public boolean takesAscii() {
        return takesAscii;
    }

    @Override
    public void ascii(byte[] ascii) {
        gen.writeRawUTF8String(ascii, 0, ascii.length);
    }

    @Override
    public void plain(@Nullable Object value) {
        ctxt.writeValue(gen, value);
    }

    @Override
    public String json(Object value) {
        return PrivacyPropertyWriter.elementJson(value, ctxt);
    }
}
