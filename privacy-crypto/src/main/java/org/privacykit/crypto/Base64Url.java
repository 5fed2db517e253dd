package org.privacykit.crypto;

import java.nio.charset.StandardCharsets;

/**
 * Base64url without padding (RFC 4648 section 5), strict: decoding rejects padding, characters
 * outside the alphabet, impossible lengths and non-zero trailing bits, so every byte string has
 * exactly one text form and a flipped character never decodes to the same bytes.
 */
final class Base64Url {
    private static final byte[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".getBytes(StandardCharsets.US_ASCII);
    /** The value of each byte, -1 outside the alphabet (bytes 0x80 to 0xFF included). */
    private static final byte[] DECODE = new byte[256];

    static {
        java.util.Arrays.fill(DECODE, (byte) -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            DECODE[ALPHABET[i]] = (byte) i;
        }
    }

    private Base64Url() {
    }

    /** Length of the text form of {@code n} bytes. */
    static int encodedLength(int n) {
        return (n / 3) * 4 + (n % 3 == 0 ? 0 : n % 3 + 1);
    }

    /** Encodes into Latin-1 bytes, which become the {@code String} in one copy. */
    static String encode(byte[] in, int off, int len) {
        byte[] out = new byte[encodedLength(len)];
        int o = 0;
        int end = off + len - len % 3;
        int i = off;
        while (i < end) {
            int bits = (in[i++] & 0xff) << 16 | (in[i++] & 0xff) << 8 | (in[i++] & 0xff);
            out[o++] = ALPHABET[bits >>> 18];
            out[o++] = ALPHABET[(bits >>> 12) & 63];
            out[o++] = ALPHABET[(bits >>> 6) & 63];
            out[o++] = ALPHABET[bits & 63];
        }
        int rest = len % 3;
        if (rest == 1) {
            int bits = in[i] & 0xff;
            out[o++] = ALPHABET[bits >>> 2];
            out[o] = ALPHABET[(bits << 4) & 63];
        } else if (rest == 2) {
            int bits = (in[i] & 0xff) << 8 | (in[i + 1] & 0xff);
            out[o++] = ALPHABET[bits >>> 10];
            out[o++] = ALPHABET[(bits >>> 4) & 63];
            out[o] = ALPHABET[(bits << 2) & 63];
        }
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    static String encode(byte[] in) {
        return encode(in, 0, in.length);
    }

    /**
     * Decodes strict base64url. The text is read as Latin-1 bytes (one copy for the JDK's compact
     * strings): a character above U+00FF becomes {@code '?'} (a surrogate pair one {@code '?'}) and
     * one from U+0080 becomes a byte outside the alphabet, so all are refused like any other
     * character outside it.
     *
     * @return the bytes, or {@code null} when the text is not canonical base64url
     */
    static byte[] decode(CharSequence text) {
        byte[] t = text.toString().getBytes(StandardCharsets.ISO_8859_1);
        int len = t.length;
        int rest = len & 3;
        if (rest == 1) {
            return null;
        }
        byte[] out = new byte[(len >> 2) * 3 + (rest == 0 ? 0 : rest - 1)];
        int o = 0;
        int full = len - rest;
        int i = 0;
        while (i < full) {
            int a = DECODE[t[i++] & 0xff];
            int b = DECODE[t[i++] & 0xff];
            int c = DECODE[t[i++] & 0xff];
            int d = DECODE[t[i++] & 0xff];
            if ((a | b | c | d) < 0) {
                return null;
            }
            int bits = a << 18 | b << 12 | c << 6 | d;
            out[o++] = (byte) (bits >>> 16);
            out[o++] = (byte) (bits >>> 8);
            out[o++] = (byte) bits;
        }
        if (rest == 2) {
            int a = DECODE[t[i] & 0xff];
            int b = DECODE[t[i + 1] & 0xff];
            if ((a | b) < 0 || (b & 15) != 0) {
                return null;
            }
            out[o] = (byte) (a << 2 | b >>> 4);
        } else if (rest == 3) {
            int a = DECODE[t[i] & 0xff];
            int b = DECODE[t[i + 1] & 0xff];
            int c = DECODE[t[i + 2] & 0xff];
            if ((a | b | c) < 0 || (c & 3) != 0) {
                return null;
            }
            int bits = a << 12 | b << 6 | c;
            out[o++] = (byte) (bits >>> 10);
            out[o] = (byte) (bits >>> 2);
        }
        return out;
    }
}
