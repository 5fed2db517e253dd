/**
 * Reading datasets from CSV files and JDBC result sets, and writing releases back, streaming.
 */
package org.privacykit.dataset.io;
