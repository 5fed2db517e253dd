package org.privacykit.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacykit.annotation.EncryptionMode.DETERMINISTIC;
import static org.privacykit.annotation.PersonalDataType.EMAIL;
import static org.privacykit.annotation.PersonalDataType.HEALTH;
import static org.privacykit.annotation.PersonalDataType.NAME;
import static org.privacykit.annotation.PersonalDataType.PHONE;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.SubjectId;

/** Properties of the three modes over arbitrary annotated records. */
class PrivacyModulePropertyTest {
    private static final Gen<String> WORDS = strings().betweenCodePoints('a', 'z').ofLengthBetween(8, 24);
    private static final Gen<String> DIGITS = strings().betweenCodePoints('0', '9').ofLengthBetween(13, 19);
    private static final Gen<String> TEXT = strings().betweenCodePoints(0x20, 0xD7FF).ofLengthBetween(0, 40);
    private static final Gen<LocalDate> DATES = integers().between(-20000, 30000).map(d -> LocalDate.ofEpochDay(d));

    record Person(
            @SubjectId String id,
            @PersonalData(NAME) String name,
            @PersonalData(EMAIL) @Encrypted(mode = DETERMINISTIC) String email,
            @PersonalData(org.privacykit.annotation.PersonalDataType.PAYMENT_CARD) @Encrypted String card,
            @PersonalData(HEALTH) @Encrypted String diagnosis,
            @PersonalData(org.privacykit.annotation.PersonalDataType.DATE_OF_BIRTH) @Encrypted LocalDate birthDate,
            @PersonalData(PHONE) @Encrypted List<String> phones,
            @Encrypted int pin,
            String note) {
    }

    /** People whose personal values are letters and digits, so no mask can hold one by chance. */
    private static final Gen<Person> MASKABLE = in -> new Person("p-1", WORDS.generate(in),
            WORDS.generate(in) + "@example.com", DIGITS.generate(in), WORDS.generate(in), DATES.generate(in),
            lists().of(DIGITS).ofSizeBetween(0, 3).generate(in), 7, "n");

    /** People with any text (no unpaired surrogates), any dates, numbers and lists. */
    private static final Gen<Person> ANY = in -> {
        String secret = WORDS.generate(in);
        return new Person("c-" + DIGITS.generate(in), TEXT.generate(in), secret + "@example.com", secret, TEXT.generate(in),
                DATES.generate(in), lists().of(TEXT).ofSizeBetween(0, 4).generate(in), integers().all().generate(in),
                "a clear note");
    };

    @Test
    void masking_outputContainsNoClearValueOfAMaskedField() {
        ObjectMapper api = Fixtures.mapper(PrivacyModule.masking());
        qt().forAll(MASKABLE).checkAssert(person -> {
            String json = write(api, person);
            assertThat(json).doesNotContain(person.name(), person.email(), person.card(), person.diagnosis(),
                    person.birthDate().toString());
            person.phones().forEach(phone -> assertThat(json).doesNotContain(phone));
        });
    }

    /** Printable ASCII, where masks come as bytes, with every character JSON or a generator may escape. */
    private static final Gen<String> ASCII = strings().betweenCodePoints(0x20, 0x7E).ofLengthBetween(0, 30);

    /** People whose values are printable ASCII, so the masking writer takes its byte path whenever it may. */
    private static final Gen<Person> ASCII_PEOPLE = in -> new Person("p-" + DIGITS.generate(in), ASCII.generate(in),
            ASCII.generate(in) + "@" + ASCII.generate(in), ASCII.generate(in), ASCII.generate(in), DATES.generate(in),
            lists().of(ASCII).ofSizeBetween(0, 3).generate(in), integers().all().generate(in), ASCII.generate(in));

    @Test
    void masking_bytesOutput_isTheTextOutputEncoded_underEveryEscapingSetting() {
        // writeValueAsBytes takes the UTF-8 generator, where ASCII masks may be written as the masker's bytes;
        // writeValueAsString takes the Writer's generator and Jackson's escaping: the JSON must be the same,
        // with the default escaping, with escaped forward slashes, and with an apostrophe as quote character
        List<ObjectMapper> mappers = List.of(
                Fixtures.mapper(PrivacyModule.masking()),
                escaping(new com.fasterxml.jackson.core.JsonFactoryBuilder()
                        .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_FORWARD_SLASHES).build()),
                escaping(new com.fasterxml.jackson.core.JsonFactoryBuilder().quoteChar('\'').build()));
        Gen<String> quoted = TEXT.map(t -> t + "\"\\'/" + t);
        qt().withExamples(300).forAll(ASCII_PEOPLE, ANY, quoted).checkAssert((ascii, any, odd) -> {
            Person withQuotes = new Person(any.id(), odd, odd + "@" + odd, odd, any.diagnosis(),
                    any.birthDate(), List.of(odd), any.pin(), odd);
            for (ObjectMapper api : mappers) {
                for (Person p : List.of(ascii, any, withQuotes)) {
                    try {
                        assertThat(new String(api.writeValueAsBytes(p), java.nio.charset.StandardCharsets.UTF_8))
                                .isEqualTo(api.writeValueAsString(p));
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }
            }
        });
    }

    private static ObjectMapper escaping(com.fasterxml.jackson.core.JsonFactory factory) {
        return com.fasterxml.jackson.databind.json.JsonMapper.builder(factory)
                .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .addModule(PrivacyModule.masking())
                .build();
    }

    @Test
    void encrypting_roundTripsToAnEqualObject_andCiphertextsNeverHoldTheClearValue() {
        ObjectMapper store = Fixtures.mapper(PrivacyModule.encrypting(TestFieldCipher.generate()));
        qt().forAll(ANY).checkAssert(person -> {
            String json = write(store, person);
            // the clear fields (name, note) may hold any text; the property is about the ciphertexts
            assertThat(field(store, json, "card")).doesNotContain(person.card());
            assertThat(field(store, json, "email")).doesNotContain(person.email(), person.card());
            assertThat(read(store, json)).isEqualTo(person);
        });
    }

    @Test
    void encrypting_deterministicField_equalValuesGiveEqualCiphertexts() {
        ObjectMapper store = Fixtures.mapper(PrivacyModule.encrypting(TestFieldCipher.generate()));
        qt().forAll(WORDS).checkAssert(local -> {
            Person a = new Person("p-1", "x", local + "@example.com", null, null, null, null, 0, null);
            assertThat(field(store, write(store, a), "email")).isEqualTo(field(store, write(store, a), "email"));
        });
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Person read(ObjectMapper mapper, String json) {
        try {
            return mapper.readValue(json, Person.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String field(ObjectMapper mapper, String json, String name) {
        try {
            return mapper.readTree(json).get(name).asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
