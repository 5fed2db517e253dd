package org.privacykit.jackson3;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonFactoryBuilder;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

import org.privacykit.audit.AuditSink;
import org.privacykit.jackson.testsuite.JacksonLine;
import org.privacykit.pseudonym.Pseudonymizer;
import org.privacykit.spi.FieldCipher;

/** Jackson 3 with privacy-jackson3, as the shared contracts see it. */
final class Jackson3Line implements JacksonLine {
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
        return new Jackson3Mapper(JsonMapper.builder().build());
    }

    @Override
    public Mapper discovered() {
        return new Jackson3Mapper(JsonMapper.builder().findAndAddModules().build());
    }

    @Override
    public void buildWithTwoModesAndWrite(FieldCipher cipher, Object value) {
        JsonMapper.builder().findAndAddModules().addModule(PrivacyModule.encrypting(cipher)).build()
                .writeValueAsString(value);
    }

    @Override
    public Class<? extends Exception> mappingException() {
        return DatabindException.class;
    }

    @Override
    public String moduleVersion() {
        return PrivacyModule.masking().version().toString();
    }

    private static Mapper mapper(JacksonModule module, Option... options) {
        JsonFactoryBuilder factory = JsonFactory.builder();
        for (Option option : options) {
            switch (option) {
                case ESCAPE_FORWARD_SLASHES -> factory.enable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES);
                case APOSTROPHE_QUOTES -> factory.quoteChar('\'');
                case ESCAPE_STARS_AND_DOTS -> factory.characterEscapes(new StarsAndDots());
                default -> { }
            }
        }
        JsonMapper.Builder builder = JsonMapper.builder(factory.build());
        for (Option option : options) {
            switch (option) {
                case SNAKE_CASE -> builder.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
                case CASE_INSENSITIVE -> builder.enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES);
                case DATES_AS_TIMESTAMPS -> builder.enable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS);
                default -> { }
            }
        }
        return new Jackson3Mapper(builder.addModule(module).build());
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

    private record Jackson3Mapper(ObjectMapper mapper) implements Mapper {
        @Override
        public String write(Object value) {
            return mapper.writeValueAsString(value);
        }

        @Override
        public String writeBytes(Object value) {
            return new String(mapper.writeValueAsBytes(value), StandardCharsets.UTF_8);
        }

        @Override
        public String writeAs(Class<?> type, Object value) {
            return mapper.writerFor(type).writeValueAsString(value);
        }

        @Override
        public String reveal(Object value, String actor, String... purposes) {
            return reveal(actor, purposes).writer(mapper).writeValueAsString(value);
        }

        @Override
        public String revealBytes(Object value, String actor, String... purposes) {
            return new String(reveal(actor, purposes).writer(mapper).writeValueAsBytes(value), StandardCharsets.UTF_8);
        }

        private static Reveal reveal(String actor, String... purposes) {
            Reveal reveal = Reveal.forPurposes(purposes);
            return actor == null ? reveal : reveal.by(actor);
        }

        @Override
        public <T> T read(String json, Type type) {
            return mapper.readValue(json, mapper.constructType(type));
        }

        @Override
        public Object tree(String json) {
            return TREES.readValue(json, Object.class);
        }
    }
}
