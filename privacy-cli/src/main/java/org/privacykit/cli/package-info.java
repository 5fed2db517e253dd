/**
 * The {@code privacy} command line: anonymize and assess CSV files, find PII in text, mask JSON.
 */
@NullMarked
package org.privacykit.cli;

import org.jspecify.annotations.NullMarked;
