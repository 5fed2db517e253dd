package org.privacykit.dataset.hierarchy;

/** A calendar period that a date hierarchy groups dates into, from the finest to the coarsest. */
public enum DateLevel {
    /** A calendar month: {@code 1985-03}. */
    MONTH,
    /** A calendar quarter: {@code 1985-Q1}. */
    QUARTER,
    /** A calendar year: {@code 1985}. */
    YEAR,
    /** Ten years from a year ending in 0: {@code 1980-1989}. */
    DECADE
}
