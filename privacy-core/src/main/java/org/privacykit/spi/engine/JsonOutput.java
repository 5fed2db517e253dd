package org.privacykit.spi.engine;

import org.jspecify.annotations.Nullable;

/**
 * Where the engine writes a protected value that is more than one scalar (a container, a map with
 * personal keys): a Jackson adapter implements it over its generator for one write.
 *
 * @param <X> the exception writing throws ({@code IOException} on Jackson 2, none checked on Jackson 3)
 */
public interface JsonOutput<X extends Exception> {

    /**
     * Starts an array.
     *
     * @throws X when writing fails
     */
    void startArray() throws X;

    /**
     * Ends an array.
     *
     * @throws X when writing fails
     */
    void endArray() throws X;

    /**
     * Starts an object.
     *
     * @throws X when writing fails
     */
    void startObject() throws X;

    /**
     * Ends an object.
     *
     * @throws X when writing fails
     */
    void endObject() throws X;

    /**
     * Writes a field name of an object.
     *
     * @param name the name
     * @throws X when writing fails
     */
    void name(String name) throws X;

    /**
     * Writes a string with the generator's escaping.
     *
     * @param text the text
     * @throws X when writing fails
     */
    void string(String text) throws X;

    /**
     * Writes a JSON null.
     *
     * @throws X when writing fails
     */
    void nullValue() throws X;

    /**
     * Tells whether {@link #ascii(byte[])} may be called: the generator writes UTF-8 with JSON's own
     * escaping and no more (no custom escapes, no escaped forward slashes, every printable ASCII
     * character written as it is).
     *
     * @return {@code true} when bytes can be written as a string's content
     */
    boolean takesAscii();

    /**
     * Writes printable ASCII bytes that need no escape (no quote, apostrophe or backslash) as a string.
     *
     * @param ascii the bytes
     * @throws X when writing fails
     */
    void ascii(byte[] ascii) throws X;

    /**
     * Writes a value privacy-kit does not protect here, as the mapper writes it (its own serializers,
     * with type information for polymorphic classes).
     *
     * @param value the value, possibly {@code null}
     * @throws X when writing fails
     */
    void plain(@Nullable Object value) throws X;

    /**
     * Returns the JSON text of a value as the mapper writes it, for values that are pseudonymized or
     * masked as a whole but are not scalars.
     *
     * @param value a non-null value
     * @return its JSON
     * @throws X when writing fails
     */
    String json(Object value) throws X;
}
