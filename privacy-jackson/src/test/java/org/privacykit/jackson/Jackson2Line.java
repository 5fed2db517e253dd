package org.privacykit.jackson;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.privacykit.audit.AuditSink;
import org.privacykit.jackson.testsuite.JacksonLine;
import org.privacykit.pseudonym.Pseudonymizer;
import org.privacykit.spi.FieldCipher;

/** Jackson 2 with privacy-jackson, as the shared contracts see it. */
final class Jackson2Line implements JacksonLine {
    /** Reads trees for the contracts' assertions, with decimals as BigDecimal. */
    private static final ObjectMapper TREES = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @Override
    public Mapper masking(AuditSink audit, Option... options) {
        return mapper(PrivacyModule.masking(audit), options);
    }

    @Override
    public Mapper encrypting(FieldCipher cipher, AuditSink audit, Option... options) {
        return mapper(PrivacyModule.encrypting(cipher, audit), options);
    }

    @Override
    public Mapper pseudonymizing(Pseudonymizer pseudonymizer) {
        return mapper(PrivacyModule.pseudonymizing(pseudonymizer));
    }

    @Override
    public Mapper plain() {
        return new Jackson2Mapper(JsonMapper.builder().addModule(new Jdk8Module()).addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build());
    }

    @Override
    public Mapper discovered() {
        return new Jackson2Mapper(JsonMapper.builder().findAndAddModules().build());
    }

    @Override
    public void buildWithTwoModesAndWrite(FieldCipher cipher, Object value) throws Exception {
        JsonMapper.builder().findAndAddModules().addModule(PrivacyModule.encrypting(cipher)).build()
                .writeValueAsString(value);
    }

    @Override
    public Class<? extends Exception> mappingException() {
        return JsonMappingException.class;
    }

    @Override
    public String moduleVersion() {
        return PrivacyModule.masking().version().toString();
    }

    private static Mapper mapper(Module module, Option... options) {
        JsonFactoryBuilder factory = new JsonFactoryBuilder();
        JsonMapper.Builder builder = null;
        boolean timestamps = false;
        for (Option option : options) {
            switch (option) {
                case ESCAPE_FORWARD_SLASHES -> factory.enable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES);
                case APOSTROPHE_QUOTES -> factory.quoteChar('\'');
                case ESCAPE_STARS_AND_DOTS -> factory.characterEscapes(new StarsAndDots());
                case DATES_AS_TIMESTAMPS -> timestamps = true;
                default -> { }
            }
        }
        JsonFactory built = factory.build();
        builder = JsonMapper.builder(built).addModule(new Jdk8Module());
        if (!timestamps) {
            builder.addModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        }
        for (Option option : options) {
            switch (option) {
                case SNAKE_CASE -> builder.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
                case CASE_INSENSITIVE -> builder.enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES);
                default -> { }
            }
        }
        return new Jackson2Mapper(builder.addModule(module).build());
    }

    /** Escapes that an application adds, as it might for {@code '<'}: here {@code '*'} and {@code '.'}. */
    private static final class StarsAndDots extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] table = standardAsciiEscapesForJSON();

        StarsAndDots() {
            table['*'] = ESCAPE_STANDARD;
            table['.'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return table;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }

    private record Jackson2Mapper(ObjectMapper mapper) implements Mapper {
        @Override
        public String write(Object value) throws Exception {
            return mapper.writeValueAsString(value);
        }

        @Override
        public String writeBytes(Object value) throws Exception {
            return new String(mapper.writeValueAsBytes(value), StandardCharsets.UTF_8);
        }

        @Override
        public String writeAs(Class<?> type, Object value) throws Exception {
            return mapper.writerFor(type).writeValueAsString(value);
        }

        @Override
        public String reveal(Object value, String actor, String... purposes) throws Exception {
            return reveal(actor, purposes).writer(mapper).writeValueAsString(value);
        }

        @Override
        public String revealBytes(Object value, String actor, String... purposes) throws Exception {
            return new String(reveal(actor, purposes).writer(mapper).writeValueAsBytes(value), StandardCharsets.UTF_8);
        }

        private static Reveal reveal(String actor, String... purposes) {
            Reveal reveal = Reveal.forPurposes(purposes);
            return actor == null ? reveal : reveal.by(actor);
        }

        @Override
        public <T> T read(String json, Type type) throws Exception {
            return mapper.readValue(json, mapper.constructType(type));
        }

        @Override
        public Object tree(String json) throws Exception {
            return TREES.readValue(json, Object.class);
        }
    }
}
