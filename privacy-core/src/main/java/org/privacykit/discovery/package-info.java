/**
 * Discovery: what holds personal data that nobody declared. {@link org.privacykit.discovery.Discovery}
 * samples the rows of a database (through JDBC, read-only) and the records of CSV and JSON-lines
 * files, runs the PII detector over each value and the lint's name rules over each column name, and
 * reports per table and column the personal data types found, how often, whether the inventory
 * declares the column, and whether it holds privacy-kit ciphertexts. Reports never hold a sampled
 * value: a type, a count and a masked example at most.
 */
@NullMarked
package org.privacykit.discovery;

import org.jspecify.annotations.NullMarked;
