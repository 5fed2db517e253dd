/**
 * Reading datasets from CSV files and JDBC result sets, and writing releases back, streaming.
 */
@NullMarked
package org.privacykit.dataset.io;

import org.jspecify.annotations.NullMarked;
