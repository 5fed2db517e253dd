package org.privacykit.jackson.testsuite;

import java.lang.reflect.Type;

import org.jspecify.annotations.Nullable;

import org.privacykit.audit.AuditSink;
import org.privacykit.pseudonym.Pseudonymizer;
import org.privacykit.spi.FieldCipher;

/**
 * One Jackson line (Jackson 2 with privacy-jackson, Jackson 3 with privacy-jackson3) as the shared
 * contracts see it: mappers of each mode, built as an application builds them, behind one small
 * interface. Each Jackson module implements it in its tests and runs every contract against it.
 */
public interface JacksonLine {

    /**
     * A masking mapper, with {@code java.time} and {@code Optional} support and ISO dates.
     *
     * @param audit receives reveals
     * @param options how the mapper is configured beyond that
     * @return the mapper
     */
    Mapper masking(AuditSink audit, Option... options);

    /**
     * An encrypting mapper.
     *
     * @param cipher the field cipher
     * @param audit receives erased reads
     * @param options how the mapper is configured
     * @return the mapper
     */
    Mapper encrypting(FieldCipher cipher, AuditSink audit, Option... options);

    /**
     * A pseudonymizing mapper.
     *
     * @param pseudonymizer the pseudonymizer
     * @return the mapper
     */
    Mapper pseudonymizing(Pseudonymizer pseudonymizer);

    /**
     * A mapper without privacy-kit, for building test input (moved and tampered ciphertexts).
     *
     * @return the mapper
     */
    Mapper plain();

    /**
     * A mapper built as {@code findAndAddModules()} builds it.
     *
     * @return the mapper
     */
    Mapper discovered();

    /**
     * Builds a mapper with the discovered masking module and an encrypting one, and writes a value
     * with it: a mapper takes one mode, so one of the two must fail.
     *
     * @param cipher the encrypting module's cipher
     * @param value what to write
     * @throws Exception what building or writing throws
     */
    void buildWithTwoModesAndWrite(FieldCipher cipher, Object value) throws Exception;

    /**
     * The exception type the line's mappers fail with, for what privacy-kit refuses.
     *
     * @return Jackson 2's {@code JsonMappingException} or Jackson 3's {@code DatabindException}
     */
    Class<? extends Exception> mappingException();

    /**
     * The version the line's {@code PrivacyModule} reports, as {@code major.minor.patch[-qualifier]}.
     *
     * @return the version text
     */
    String moduleVersion();

    /** Mapper settings some contracts need. */
    enum Option {
        /** Property names in snake case. */
        SNAKE_CASE,
        /** Property names matched without regard to case when reading. */
        CASE_INSENSITIVE,
        /** Character escapes that escape {@code '*'} and {@code '.'} (as an application may escape {@code '<'}). */
        ESCAPE_STARS_AND_DOTS,
        /** Forward slashes escaped. */
        ESCAPE_FORWARD_SLASHES,
        /** An apostrophe as the quote character. */
        APOSTROPHE_QUOTES,
        /** Dates written as timestamps (numbers), Jackson's default in its 2.x line. */
        DATES_AS_TIMESTAMPS
    }

    /** A configured mapper of the line. */
    interface Mapper {

        /** A write a contract expects to fail. */
        @FunctionalInterface
        interface Write {
            /**
             * Writes.
             *
             * @return the output
             * @throws Exception what the mapper throws
             */
            Object run() throws Exception;
        }

        /**
         * {@code writeValueAsString}.
         *
         * @param value the value
         * @return its JSON
         * @throws Exception when writing fails
         */
        String write(Object value) throws Exception;

        /**
         * {@code writeValueAsBytes}, decoded as UTF-8: the UTF-8 generator's output.
         *
         * @param value the value
         * @return its JSON
         * @throws Exception when writing fails
         */
        String writeBytes(Object value) throws Exception;

        /**
         * {@code writerFor(type).writeValueAsString(value)}.
         *
         * @param type the declared type
         * @param value the value
         * @return its JSON
         * @throws Exception when writing fails
         */
        String writeAs(Class<?> type, Object value) throws Exception;

        /**
         * Writes with {@code Reveal.forPurposes(purposes).by(actor)}.
         *
         * @param value the value
         * @param actor who reveals, or {@code null}
         * @param purposes the purposes
         * @return its JSON
         * @throws Exception when writing fails
         */
        String reveal(Object value, @Nullable String actor, String... purposes) throws Exception;

        /**
         * The same as {@link #reveal} through the UTF-8 generator.
         *
         * @param value the value
         * @param actor who reveals, or {@code null}
         * @param purposes the purposes
         * @return its JSON
         * @throws Exception when writing fails
         */
        String revealBytes(Object value, @Nullable String actor, String... purposes) throws Exception;

        /**
         * {@code readValue(json, type)}.
         *
         * @param json the JSON
         * @param type the type, a class or a generic type
         * @param <T> the type
         * @return the value
         * @throws Exception when reading fails
         */
        <T> T read(String json, Type type) throws Exception;

        /**
         * Reads JSON as plain Java values: {@code Map} (insertion-ordered), {@code List}, {@code String},
         * numbers ({@code BigDecimal} for decimals), {@code Boolean}, {@code null}.
         *
         * @param json the JSON
         * @return the tree
         * @throws Exception when the JSON is malformed
         */
        @Nullable Object tree(String json) throws Exception;
    }
}
