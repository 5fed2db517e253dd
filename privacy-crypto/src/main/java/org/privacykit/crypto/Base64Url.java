package org.privacykit.crypto;

/**
 * Base64url without padding (RFC 4648 section 5), strict: decoding rejects padding, characters
 * outside the alphabet, impossible lengths and non-zero trailing bits, so every byte string has
 * exactly one text form and a flipped character never decodes to the same bytes.
 */
final class Base64Url {
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();
    private static final byte[] DECODE = new byte[128];

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

    static String encode(byte[] in, int off, int len) {
        char[] out = new char[encodedLength(len)];
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
        return new String(out);
    }

    static String encode(byte[] in) {
        return encode(in, 0, in.length);
    }

    /**
     * Decodes strict base64url.
     *
     * @return the bytes, or {@code null} when the text is not canonical base64url
     */
    static byte[] decode(CharSequence text) {
        int len = text.length();
        int rest = len & 3;
        if (rest == 1) {
            return null;
        }
        byte[] out = new byte[(len >> 2) * 3 + (rest == 0 ? 0 : rest - 1)];
        int o = 0;
        int full = len - rest;
        int i = 0;
        while (i < full) {
            int a = value(text.charAt(i++));
            int b = value(text.charAt(i++));
            int c = value(text.charAt(i++));
            int d = value(text.charAt(i++));
            if ((a | b | c | d) < 0) {
                return null;
            }
            int bits = a << 18 | b << 12 | c << 6 | d;
            out[o++] = (byte) (bits >>> 16);
            out[o++] = (byte) (bits >>> 8);
            out[o++] = (byte) bits;
        }
        if (rest == 2) {
            int a = value(text.charAt(i));
            int b = value(text.charAt(i + 1));
            if ((a | b) < 0 || (b & 15) != 0) {
                return null;
            }
            out[o] = (byte) (a << 2 | b >>> 4);
        } else if (rest == 3) {
            int a = value(text.charAt(i));
            int b = value(text.charAt(i + 1));
            int c = value(text.charAt(i + 2));
            if ((a | b | c) < 0 || (c & 3) != 0) {
                return null;
            }
            int bits = a << 12 | b << 6 | c;
            out[o++] = (byte) (bits >>> 10);
            out[o] = (byte) (bits >>> 2);
        }
        return out;
    }

    private static int value(char c) {
        return c < 128 ? DECODE[c] : -1;
    }
}
