package org.privacykit.jackson.testsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacykit.annotation.EncryptionMode.DETERMINISTIC;
import static org.privacykit.annotation.PersonalDataType.DATE_OF_BIRTH;
import static org.privacykit.annotation.PersonalDataType.EMAIL;
import static org.privacykit.annotation.PersonalDataType.HEALTH;
import static org.privacykit.annotation.PersonalDataType.NAME;
import static org.privacykit.annotation.PersonalDataType.PAYMENT_CARD;
import static org.privacykit.annotation.PersonalDataType.PHONE;
import static org.privacykit.jackson.testsuite.Json.at;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.SubjectId;
import org.privacykit.audit.AuditSink;
import org.privacykit.jackson.testsuite.JacksonLine.Mapper;
import org.privacykit.jackson.testsuite.JacksonLine.Option;

/** Properties of the masking and encrypting modes over arbitrary annotated records. */
public abstract class PropertyContract {
    private static final Gen<String> WORDS = strings().betweenCodePoints('a', 'z').ofLengthBetween(8, 24);
    private static final Gen<String> DIGITS = strings().betweenCodePoints('0', '9').ofLengthBetween(13, 19);
    private static final Gen<String> TEXT = strings().betweenCodePoints(0x20, 0xD7FF).ofLengthBetween(0, 40);
    private static final Gen<LocalDate> DATES = integers().between(-20000, 30000).map(d -> LocalDate.ofEpochDay(d));
    /** Printable ASCII, where masks come as bytes, with every character JSON or a generator may escape. */
    private static final Gen<String> ASCII = strings().betweenCodePoints(0x20, 0x7E).ofLengthBetween(0, 30);

    /**
     * The Jackson line under test.
     *
     * @return the line
     */
    protected abstract JacksonLine line();

    record Person(
            @SubjectId String id,
            @PersonalData(NAME) String name,
            @PersonalData(EMAIL) @Encrypted(mode = DETERMINISTIC) String email,
            @PersonalData(PAYMENT_CARD) @Encrypted @Nullable String card,
            @PersonalData(HEALTH) @Encrypted @Nullable String diagnosis,
            @PersonalData(DATE_OF_BIRTH) @Encrypted @Nullable LocalDate birthDate,
            @PersonalData(PHONE) @Encrypted @Nullable List<String> phones,
            @Encrypted int pin,
            @Nullable String note) {
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

    /** People whose values are printable ASCII, so the masking writer takes its byte path whenever it may. */
    private static final Gen<Person> ASCII_PEOPLE = in -> new Person("p-" + DIGITS.generate(in), ASCII.generate(in),
            ASCII.generate(in) + "@" + ASCII.generate(in), ASCII.generate(in), ASCII.generate(in), DATES.generate(in),
            lists().of(ASCII).ofSizeBetween(0, 3).generate(in), integers().all().generate(in), ASCII.generate(in));

    @Test
    void masking_outputContainsNoClearValueOfAMaskedField() {
        Mapper api = line().masking(AuditSink.noop());
        qt().forAll(MASKABLE).checkAssert(person -> {
            String json = call(() -> api.write(person));
            assertThat(json).doesNotContain(person.name(), person.email(), person.card(), person.diagnosis(),
                    String.valueOf(person.birthDate()));
            person.phones().forEach(phone -> assertThat(json).doesNotContain(phone));
        });
    }

    @Test
    void masking_bytesOutput_isTheTextOutputEncoded_underEveryEscapingSetting() {
        // bytes take the UTF-8 generator, where ASCII masks may be written as the masker's bytes; a String
        // takes the Writer's generator and Jackson's escaping: the JSON must be the same, with the default
        // escaping, with escaped forward slashes, and with an apostrophe as quote character
        List<Mapper> mappers = List.of(line().masking(AuditSink.noop()),
                line().masking(AuditSink.noop(), Option.ESCAPE_FORWARD_SLASHES),
                line().masking(AuditSink.noop(), Option.APOSTROPHE_QUOTES));
        Gen<String> quoted = TEXT.map(t -> t + "\"\\'/" + t);
        qt().withExamples(300).forAll(ASCII_PEOPLE, ANY, quoted).checkAssert((ascii, any, odd) -> {
            Person withQuotes = new Person(any.id(), odd, odd + "@" + odd, odd, any.diagnosis(),
                    any.birthDate(), List.of(odd), any.pin(), odd);
            for (Mapper api : mappers) {
                for (Person p : List.of(ascii, any, withQuotes)) {
                    assertThat(call(() -> api.writeBytes(p))).isEqualTo(call(() -> api.write(p)));
                }
            }
        });
    }

    @Test
    void encrypting_roundTripsToAnEqualObject_andCiphertextsNeverHoldTheClearValue() {
        Mapper store = line().encrypting(TestFieldCipher.generate(), AuditSink.noop());
        qt().forAll(ANY).checkAssert(person -> {
            String json = call(() -> store.write(person));
            Object tree = call(() -> store.tree(json));
            // the clear fields (name, note) may hold any text; the property is about the ciphertexts
            assertThat((String) at(tree, "card")).doesNotContain(person.card());
            assertThat((String) at(tree, "email")).doesNotContain(person.email(), person.card());
            assertThat(call(() -> store.<Person>read(json, Person.class))).isEqualTo(person);
        });
    }

    @Test
    void encrypting_deterministicField_equalValuesGiveEqualCiphertexts() {
        Mapper store = line().encrypting(TestFieldCipher.generate(), AuditSink.noop());
        qt().forAll(WORDS).checkAssert(local -> {
            Person a = new Person("p-1", "x", local + "@example.com", null, null, null, null, 0, null);
            assertThat(at(call(() -> store.tree(store.write(a))), "email"))
                    .isEqualTo(at(call(() -> store.tree(store.write(a))), "email"));
        });
    }

    /** A call whose failure fails the property. */
    interface Call<T> {
        T get() throws Exception;
    }

    private static <T> T call(Call<T> call) {
        try {
            return call.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
