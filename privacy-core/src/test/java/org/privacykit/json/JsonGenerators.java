package org.privacykit.json;

import java.nio.charset.StandardCharsets;

import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * QuickTheories generators of JSON text for the differential tests: well-formed documents with
 * escapes, unicode, numbers of every form, odd white space and deep nesting, over keys that the
 * test maskers match (in other cases, escaped, or under paths); and malformed variants of them,
 * as strings and as bytes (with invalid UTF-8). Every choice is drawn from the randomness source,
 * so QuickTheories shrinks a failing document towards a small one.
 */
final class JsonGenerators {
    /** Keys the test maskers know (in several spellings), path steps, and others. */
    private static final String[] KEYS = {
        "password", "PassWord", "pass\\u0077ord", "secret", "SECRET", "token", "email", "E\\u006dail", "card",
        "a", "b", "c", "p", "q", "list", "id", "name", "customer", "Customer", "Email", "PASSWORD", "Name", "", "k\\u00e9y", "clé", "ключ", "\\ud83d\\udd11",
        "🔑", "x\\ny", "a\\\"b", "\\/", "long_key_name_beyond_sixteen_bytes", "long_key_name_beyond_sixteen_bytez",
        "secret_secret_secret_secret_secret_!",
    };
    private static final String[] WHITE = {"", "", "", " ", "\n", "\t", "\r\n", "  \n  "};
    private static final String[] ESCAPES = {
        "\\n", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\r", "\\t", "\\u0000", "\\u001f", "\\u00e9", "\\uFFFF", "\\u20AC",
        "\\ud83d\\ude00", "\\uD800", "\\uDC00", "\\ud800x", "\\u0041",
    };
    private static final String[] NUMBERS = {
        "0", "-0", "1", "-1", "42", "9007199254740993", "123456789012345678901234567890", "0.5", "-0.0", "1.10",
        "1e5", "1E+5", "1e-5", "-2.5E-300", "6.02214076e23", "0e0", "1234567", "12345678", "123456789", "0.1234567",
        "1.23456789", "1e1234567",
    };
    private static final String[] SCALARS = {"true", "false", "null"};
    /** Chars that break JSON when inserted or swapped in. */
    private static final String[] BREAKERS = {
        "{", "}", "[", "]", ",", ":", "\"", "\\", "0", "-", ".", "e", "t", "n", "x", " ", "\u0000", "\u0001", "\u007f",
        "\u00e9", "\ufeff", "\ud800", "//", "/*", "'", "NaN", "+", "01",
    };
    /** Byte sequences for byte-level mutations: invalid and valid UTF-8, and a BOM. */
    private static final int[][] BYTES = {
        {0x80}, {0xBF}, {0xC0, 0x80}, {0xC1, 0xBF}, {0xC2}, {0xC2, 0x80}, {0xE0, 0x80, 0x80}, {0xE0, 0xA0, 0x80},
        {0xED, 0xA0, 0x80}, {0xED, 0x9F, 0xBF}, {0xEF, 0xBB, 0xBF}, {0xF0, 0x8F, 0xBF, 0xBF}, {0xF0, 0x9F, 0x98, 0x80},
        {0xF4, 0x90, 0x80, 0x80}, {0xF5, 0x80, 0x80, 0x80}, {0xFE}, {0xFF}, {0x00}, {0xE2, 0x82},
    };

    private JsonGenerators() {
    }

    /** Well-formed JSON documents, nested at most {@code maxDepth} deep (with now and then a deep chain). */
    static Gen<String> documents(int maxDepth) {
        return in -> {
            StringBuilder out = new StringBuilder();
            out.append(pick(in, WHITE));
            value(in, out, 0, maxDepth, pick(in, 20) == 0);
            out.append(pick(in, WHITE));
            return out.toString();
        };
    }

    /** Documents that are mostly malformed: a well-formed one with one to three edits. */
    static Gen<String> malformed(int maxDepth) {
        Gen<String> documents = documents(maxDepth);
        return in -> {
            StringBuilder doc = new StringBuilder(documents.generate(in));
            int edits = 1 + pick(in, 2);
            for (int i = 0; i < edits; i++) {
                int at = doc.length() == 0 ? 0 : pick(in, doc.length());
                switch (pick(in, 4)) {
                    case 0: // truncate
                        doc.setLength(at);
                        break;
                    case 1: // delete one char
                        if (at < doc.length()) {
                            doc.deleteCharAt(at);
                        }
                        break;
                    case 2: // insert a breaker
                        doc.insert(at, pick(in, BREAKERS));
                        break;
                    case 3: // replace one char
                        if (at < doc.length()) {
                            doc.replace(at, at + 1, pick(in, BREAKERS));
                        }
                        break;
                    default: // duplicate a piece
                        int to = at + pick(in, Math.max(0, doc.length() - at));
                        doc.insert(at, doc.substring(at, to));
                }
            }
            return doc.toString();
        };
    }

    /** Documents as UTF-8 bytes, well-formed or with a byte-level edit (invalid UTF-8 among them). */
    static Gen<byte[]> bytes(int maxDepth) {
        Gen<String> documents = documents(maxDepth);
        Gen<String> broken = malformed(maxDepth);
        return in -> {
            int kind = pick(in, 3);
            byte[] doc = (kind == 1 ? broken : documents).generate(in).getBytes(StandardCharsets.UTF_8);
            if (kind != 2) {
                return doc;
            }
            int[] insert = BYTES[pick(in, BYTES.length - 1)];
            int at = pick(in, doc.length);
            boolean replace = pick(in, 1) == 1 && at < doc.length;
            byte[] out = new byte[doc.length + insert.length - (replace ? 1 : 0)];
            System.arraycopy(doc, 0, out, 0, at);
            for (int i = 0; i < insert.length; i++) {
                out[at + i] = (byte) insert[i];
            }
            int rest = at + (replace ? 1 : 0);
            System.arraycopy(doc, rest, out, at + insert.length, doc.length - rest);
            return out;
        };
    }

    private static void value(RandomnessSource in, StringBuilder out, int depth, int maxDepth, boolean deep) {
        int kind;
        if (deep && depth < maxDepth + 2) {
            kind = pick(in, 1); // now and then, nest past the limit
        } else if (depth >= maxDepth) {
            kind = 2 + pick(in, 3);
        } else {
            kind = pick(in, 6);
        }
        switch (kind) {
            case 0: { // object
                out.append('{').append(pick(in, WHITE));
                int n = pick(in, 4);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        out.append(',').append(pick(in, WHITE));
                    }
                    out.append('"').append(pick(in, KEYS)).append('"').append(pick(in, WHITE)).append(':')
                            .append(pick(in, WHITE));
                    value(in, out, depth + 1, maxDepth, deep);
                    out.append(pick(in, WHITE));
                }
                out.append('}');
                break;
            }
            case 1: { // array
                out.append('[').append(pick(in, WHITE));
                int n = pick(in, 4);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        out.append(',').append(pick(in, WHITE));
                    }
                    value(in, out, depth + 1, maxDepth, deep);
                    out.append(pick(in, WHITE));
                }
                out.append(']');
                break;
            }
            case 2:
            case 5:
                string(in, out);
                break;
            case 3:
                out.append(pick(in, 3) == 0 ? randomNumber(in) : pick(in, NUMBERS));
                break;
            default:
                out.append(pick(in, SCALARS));
        }
    }

    private static void string(RandomnessSource in, StringBuilder out) {
        out.append('"');
        int n = pick(in, 12);
        for (int i = 0; i < n; i++) {
            switch (pick(in, 7)) {
                case 0:
                    out.append(pick(in, ESCAPES));
                    break;
                case 1:
                    out.appendCodePoint(0xA0 + pick(in, 0x2000)); // Latin, Greek, Cyrillic, ...
                    break;
                case 2:
                    out.appendCodePoint(0x1F600 + pick(in, 0x50)); // outside the BMP
                    break;
                case 3:
                    out.append("user@example.com");
                    break;
                case 4:
                    out.append("4111 1111 1111 1111");
                    break;
                default:
                    char c = (char) (0x20 + pick(in, 0x5F)); // printable ASCII and DEL
                    out.append(c == '"' || c == '\\' ? 'z' : c);
            }
        }
        out.append('"');
    }

    private static String randomNumber(RandomnessSource in) {
        StringBuilder n = new StringBuilder();
        if (pick(in, 1) == 1) {
            n.append('-');
        }
        int digits = pick(in, 14);
        n.append(digits == 0 ? "0" : String.valueOf(1 + pick(in, 8)));
        for (int i = 1; i < digits; i++) {
            n.append((char) ('0' + pick(in, 9)));
        }
        if (pick(in, 1) == 1) {
            n.append('.');
            for (int i = 0, f = 1 + pick(in, 8); i < f; i++) {
                n.append((char) ('0' + pick(in, 9)));
            }
        }
        if (pick(in, 2) == 0) {
            n.append(pick(in, 1) == 0 ? 'e' : 'E').append(pick(in, new String[] {"", "+", "-"}));
            for (int i = 0, e = 1 + pick(in, 4); i < e; i++) {
                n.append((char) ('0' + pick(in, 9)));
            }
        }
        return n.toString();
    }

    /** A number in {@code [0, max]}. */
    static int pick(RandomnessSource in, int max) {
        return (int) in.next(Constraint.between(0, max));
    }

    private static String pick(RandomnessSource in, String[] choices) {
        return choices[pick(in, choices.length - 1)];
    }
}
