package org.privacykit.json;

import java.util.List;

/**
 * A JSONPath query (RFC 9535) of the kind a streaming masker can evaluate: the segments after the
 * root {@code $}, each a child segment ({@code .name}, {@code [...]}) or a descendant segment
 * ({@code ..name}, {@code ..[...]}), with name, wildcard, index and slice selectors. Built by
 * {@link JsonPathParser}, which refuses what cannot be evaluated while the document streams by.
 *
 * @param text the query as written
 * @param segments the segments after {@code $}; empty for {@code $} itself
 */
record JsonPath(String text, List<Segment> segments) {

    JsonPath {
        segments = List.copyOf(segments);
    }

    /**
     * Parses a query.
     *
     * @param text the query, such as {@code $.orders[*].card} or {@code $..email}
     * @return the query
     * @throws IllegalArgumentException when the text is not an RFC 9535 query, or uses a selector a
     *         stream cannot evaluate, or can select nothing; the message says which and where
     */
    static JsonPath parse(String text) {
        return new JsonPathParser(text).parse();
    }

    /**
     * One segment: selectors applied to the children of the nodes reached so far ({@code descendant}:
     * to the children of those nodes and of all their descendants).
     *
     * @param descendant whether it is a descendant segment ({@code ..})
     * @param selectors its selectors, at least one
     */
    record Segment(boolean descendant, List<Selector> selectors) {
        Segment {
            selectors = List.copyOf(selectors);
        }
    }

    /** A selector of a segment. */
    sealed interface Selector permits Name, Wildcard, Index, Slice {
    }

    /**
     * Selects the member of an object with this name.
     *
     * @param name the member name, unescaped
     */
    record Name(String name) implements Selector {
    }

    /** Selects every member of an object and every element of an array. */
    record Wildcard() implements Selector {
    }

    /**
     * Selects the element of an array at this index, counted from 0.
     *
     * @param index a non-negative index
     */
    record Index(int index) implements Selector {
    }

    /**
     * Selects the elements of an array from {@code start} (included) to {@code end} (excluded) every
     * {@code step}.
     *
     * @param start the first index, non-negative
     * @param end the index after the last, or {@link Integer#MAX_VALUE} for the end of the array
     * @param step the step, at least 1
     */
    record Slice(int start, int end, int step) implements Selector {
        /** Whether the slice selects index {@code i}. */
        boolean selects(int i) {
            return i >= start && i < end && (step == 1 || (i - start) % step == 0);
        }
    }
}
