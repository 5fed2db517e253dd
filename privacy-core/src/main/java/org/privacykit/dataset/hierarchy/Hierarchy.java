package org.privacykit.dataset.hierarchy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

import org.jspecify.annotations.Nullable;

/**
 * A generalization hierarchy of one attribute: level 0 is the original value, each level above
 * groups the values of the level below, and the top level is usually {@code *}.
 *
 * <pre>{@code
 * Hierarchy age = Hierarchy.intervals(5, 10, 20).build();          // 37 -> 35-39 -> 30-39 -> 20-39 -> *
 * Hierarchy born = Hierarchy.dates(DateLevel.MONTH, DateLevel.YEAR); // 1985-03-12 -> 1985-03 -> 1985 -> *
 * Hierarchy zip = Hierarchy.masking(5).build();                      // 94103 -> 9410* -> 941** -> ... -> *
 * Hierarchy country = Hierarchy.tree()
 *         .add("Poland", "Eastern Europe", "Europe", "*")
 *         .add("France", "Western Europe", "Europe", "*")
 *         .build();
 * Hierarchy education = Hierarchy.fromCsv(Path.of("hierarchy-education.csv"));  // value;level1;...;*
 * }</pre>
 *
 * <p>Every hierarchy is a tree: two values that share a node at one level share every node above
 * it, so a release that publishes one node never mixes branches ({@code {Poland, United-States}}
 * cannot happen; their class publishes {@code *} or the region they share). Immutable and
 * thread-safe.
 */
public sealed interface Hierarchy permits TreeHierarchy, IntervalHierarchy, DateHierarchy, MaskingHierarchy {

    /**
     * Returns the number of levels above the original values, the top included.
     *
     * @return at least 1
     */
    int height();

    /**
     * Tells whether the hierarchy holds a value.
     *
     * @param value an original value
     * @return {@code true} when {@link #generalize} accepts it
     */
    boolean contains(@Nullable Object value);

    /**
     * Returns a value's node at a level.
     *
     * @param value an original value the hierarchy holds
     * @param level from 0 (the value, unchanged) to {@link #height()}
     * @return the node
     * @throws IllegalArgumentException when the value is absent (the message never holds the value) or
     *         the level is out of range
     */
    Generalized generalize(@Nullable Object value, int level);

    /**
     * Returns an order of the values that keeps every node's values together (a depth-first order
     * of the tree), which local recoding splits along.
     *
     * @return the order, for values the hierarchy holds
     */
    Comparator<Object> order();

    /**
     * Starts a value tree, one path per value.
     *
     * @return a builder
     */
    static TreeBuilder tree() {
        return new TreeBuilder();
    }

    /**
     * Starts an interval hierarchy for numbers: level {@code i} groups values into intervals of
     * {@code widths[i-1]}, aligned at the origin (0 unless set); each width is a multiple of the one
     * before, and the level above the last is {@code *}. Whole-number widths on whole numbers publish
     * {@code 30-39}; other intervals publish {@code [2.5, 5)}.
     *
     * @param widths the widths, increasing, each a multiple of the previous
     * @return a builder
     * @throws IllegalArgumentException when a width is not positive or does not nest
     */
    static IntervalBuilder intervals(Number... widths) {
        return new IntervalBuilder(widths);
    }

    /**
     * Returns a hierarchy of dates ({@code LocalDate}, {@code LocalDateTime}, {@code OffsetDateTime},
     * {@code ZonedDateTime}, {@code Instant} in UTC, {@code java.util.Date} in UTC): each level a
     * calendar period, then {@code *}.
     *
     * @param levels the periods, from the finest: {@code MONTH, YEAR} gives 1985-03-12 -> 1985-03 -> 1985 -> *
     * @return the hierarchy
     * @throws IllegalArgumentException when no level is given or they are not from finest to coarsest
     */
    static Hierarchy dates(DateLevel... levels) {
        return new DateHierarchy(levels);
    }

    /**
     * Starts a masking hierarchy for codes (postcodes, identifiers): level {@code i} replaces the last
     * {@code i} characters with {@code *}, then the top is {@code *}: {@code 94103 -> 9410* -> 941** ->
     * 94*** -> 9**** -> *****  -> *}.
     *
     * @param length the longest code; longer values are absent from the hierarchy
     * @return a builder
     */
    static MaskingBuilder masking(int length) {
        return new MaskingBuilder(length);
    }

    /**
     * Reads a hierarchy in the common CSV format: one line per value, {@code value;level1;level2;...;*},
     * {@code ;}-separated, fields optionally quoted. A top label {@code *} publishes as
     * {@link Generalized#any()}.
     *
     * @param file the file, UTF-8
     * @return the hierarchy
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the line when the lines do not form a tree
     */
    static Hierarchy fromCsv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return fromCsv(in, ';');
        }
    }

    /**
     * Reads a hierarchy in the common CSV format with a chosen delimiter.
     *
     * @param in the text; not closed
     * @param delimiter the field separator
     * @return the hierarchy
     * @throws IllegalArgumentException naming the line when the lines do not form a tree, or the text
     *         is not valid CSV
     */
    static Hierarchy fromCsv(Reader in, char delimiter) {
        return TreeHierarchy.read(in, delimiter);
    }
}
