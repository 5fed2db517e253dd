/** Renders the README's performance table from JMH's JSON results ({@code benchmarks/run}). */
@org.jspecify.annotations.NullMarked
package org.privacykit.benchmarks.report;
