/**
 * privacy-kit on Apache Spark 4: the declarations of annotated classes (or an explicit
 * {@link org.privacykit.spark.ColumnPolicy}) applied to the columns of a {@code Dataset}: masked,
 * pseudonymized, encrypted, decrypted and anonymized by the same engines as on the JVM side;
 * executors open their keys themselves ({@link org.privacykit.spark.ExecutorKeys}), so no key
 * travels in a closure or a plan; PII scans of text columns, risk reports and a distributed
 * Mondrian; the inventory and lint of a schema.
 */
@org.jspecify.annotations.NullMarked
package org.privacykit.spark;
