/**
 * Masking of JSON text without a class to bind it to ({@link org.privacykit.json.JsonMasker}): log
 * lines, HTTP bodies, messages, by key, by RFC 9535 JSONPath, or by allow-list, from a
 * {@code String}, a {@code byte[]} or a stream, in bounded memory. It needs no JSON library, so
 * every integration (both Jackson lines, Logback, the command line) shares this one copy.
 */
@NullMarked
package org.privacykit.json;

import org.jspecify.annotations.NullMarked;
