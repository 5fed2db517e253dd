package org.privacykit.pseudonym;

import com.google.errorprone.annotations.CheckReturnValue;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

import org.privacykit.internal.Utf16;

/**
 * Keyed, consistent pseudonyms: HMAC-SHA256 under a key derived per domain (a field, or any context
 * the caller names), so the same value gives the same token within a domain, for every run of every
 * JVM that holds the key, and unlinkable tokens across domains (ENISA's per-domain keys). There is
 * no unkeyed mode: plain hashes of low-entropy values (phone numbers, IPv4 addresses) are reversed
 * by trying every value.
 *
 * <pre>{@code
 * Pseudonymizer pseudonyms = Pseudonymizer.hmacSha256(secret);            // 32 random bytes, kept like a key
 * String token = pseudonyms.pseudonymize("Customer.email", "ada@example.com"); // tok_5v2c...
 * Pseudonymizer.Domain emails = pseudonyms.domain("Customer.email");      // the derived key, kept for a hot path
 * }</pre>
 *
 * <p>The per-domain key is HKDF-SHA256 (RFC 5869) of the key with salt
 * {@code "privacykit/pseudonym/v1"} and the UTF-8 domain as info; the token is the HMAC-SHA256 of
 * the value's UTF-8 bytes under it, truncated to the chosen length. Immutable and thread-safe;
 * {@code toString} never shows the key.
 */
public final class Pseudonymizer {
    private static final byte[] SALT = "privacykit/pseudonym/v1".getBytes(StandardCharsets.US_ASCII);
    private static final int MIN_KEY_BYTES = 16;
    private static final int MAX_CACHED_DOMAINS = 4096;
    private static final int DIGEST_BYTES = 32;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".getBytes(StandardCharsets.US_ASCII);

    private final byte[] prk;
    private final TokenFormat format;
    private final String prefix;
    private final int length;
    /** The prefix as Latin-1 bytes (empty when not prefixed), or {@code null} when it has other characters. */
    private final byte @Nullable [] latin1Prefix;
    private final ConcurrentMap<String, Domain> domains = new ConcurrentHashMap<>();

    private Pseudonymizer(Builder b) {
        this.prk = hmac(SALT, b.key);
        this.format = b.format;
        this.prefix = b.prefix;
        this.length = b.length;
        String shown = format == TokenFormat.PREFIXED ? prefix : "";
        boolean latin1 = shown.chars().allMatch(c -> c < 0x100);
        this.latin1Prefix = latin1 ? shown.getBytes(StandardCharsets.ISO_8859_1) : null;
    }

    /**
     * Returns a pseudonymizer with the default format: {@code tok_} and 26 base32 characters (130 bits).
     *
     * @param key at least 16 bytes of secret key material; copied
     * @return the pseudonymizer
     * @throws IllegalArgumentException when the key is shorter than 128 bits
     */
    public static Pseudonymizer hmacSha256(byte[] key) {
        return builder(key).build();
    }

    /**
     * Starts a pseudonymizer with a chosen format.
     *
     * @param key at least 16 bytes of secret key material; copied
     * @return a builder
     * @throws IllegalArgumentException when the key is shorter than 128 bits
     */
    public static Builder builder(byte[] key) {
        return new Builder(key);
    }

    /**
     * Returns the pseudonym of a value in a domain.
     *
     * @param domain the domain, such as {@code "Customer.email"}; tokens of two domains are unlinkable
     * @param value the value, possibly {@code null}
     * @return the token, or {@code null} for {@code null}
     * @throws IllegalArgumentException when the value holds an unpaired surrogate (invalid UTF-16),
     *         which would make two different values share a token
     */
    @CheckReturnValue
    public @Nullable String pseudonymize(String domain, @Nullable String value) {
        return domain(domain).pseudonymize(value);
    }

    /**
     * Returns the pseudonymizer of one domain, with its derived key, for repeated use.
     *
     * @param domain the domain: not empty, no NUL character, valid UTF-16
     * @return the domain's pseudonymizer
     * @throws IllegalArgumentException when the domain is empty, holds a NUL character or an unpaired surrogate
     */
    public Domain domain(String domain) {
        Objects.requireNonNull(domain, "domain");
        Domain cached = domains.get(domain);
        if (cached != null) {
            return cached;
        }
        checkName("domain", domain);
        Domain created = new Domain(domain, deriveKey(domain));
        if (domains.size() < MAX_CACHED_DOMAINS) {
            Domain raced = domains.putIfAbsent(domain, created);
            return raced == null ? created : raced;
        }
        return created;
    }

    /**
     * Returns 32 bytes of key material derived for a domain and purpose, for callers that need a
     * keyed function of their own (for example, consistent fakes). Distinct from every pseudonym
     * key, so neither reveals the other.
     *
     * @param domain the domain: not empty, no NUL character, valid UTF-16
     * @param purpose what the key is for, such as {@code "fake"}: not empty, no NUL character, valid UTF-16
     * @return a fresh array of 32 bytes
     * @throws IllegalArgumentException when the domain or purpose is empty, holds a NUL character or an
     *         unpaired surrogate
     */
    public byte[] deriveKey(String domain, String purpose) {
        checkName("domain", Objects.requireNonNull(domain, "domain"));
        checkName("purpose", Objects.requireNonNull(purpose, "purpose"));
        return deriveKey(purpose + "\u0000" + domain);
    }

    /**
     * Domain names and purposes go into the HKDF info. A NUL would let a domain spell
     * {@code purpose NUL domain} and share a derived key with {@link #deriveKey(String, String)}; an
     * unpaired surrogate encodes as {@code ?} in UTF-8, so two names would share a key.
     */
    private static void checkName(String what, String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("the " + what + " is empty");
        }
        if (name.indexOf('\u0000') >= 0) {
            throw new IllegalArgumentException("the " + what + " holds a NUL character");
        }
        int bad = Utf16.unpairedSurrogate(name);
        if (bad >= 0) {
            throw new IllegalArgumentException("the " + what + " holds an unpaired surrogate at index " + bad
                    + " (invalid UTF-16)");
        }
    }

    private byte[] deriveKey(String info) {
        byte[] infoBytes = info.getBytes(StandardCharsets.UTF_8);
        byte[] block = Arrays.copyOf(infoBytes, infoBytes.length + 1);
        block[infoBytes.length] = 1;
        return hmac(prk, block);
    }

    /**
     * Returns the token format.
     *
     * @return the format
     */
    public TokenFormat format() {
        return format;
    }

    /**
     * Returns the token length in characters, prefix excluded.
     *
     * @return the length
     */
    public int length() {
        return length;
    }

    @Override
    public String toString() {
        return "Pseudonymizer[HMAC-SHA256, " + format + ", " + length + " chars]";
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }

    /**
     * Writes the token into a scratch buffer of at least {@code 4 + 64 + prefix} bytes and makes the
     * String from it: String keeps Latin-1 text as bytes, so the token costs one copy.
     */
    private String encode(byte[] digest, byte[] scratch) {
        if (latin1Prefix != null) {
            int n = latin1Prefix.length + length;
            byte[] out = scratch.length >= n ? scratch : new byte[n];
            System.arraycopy(latin1Prefix, 0, out, 0, latin1Prefix.length);
            encodeInto(digest, out, latin1Prefix.length);
            return new String(out, 0, n, StandardCharsets.ISO_8859_1);
        }
        byte[] token = new byte[length];
        encodeInto(digest, token, 0);
        return prefix + new String(token, StandardCharsets.ISO_8859_1);
    }

    private static int byteAt(byte[] digest, int at) {
        return at < digest.length ? digest[at] & 0xFF : 0;
    }

    private void encodeInto(byte[] digest, byte[] out, int offset) {
        if (format == TokenFormat.HEX) {
            int pairs = length >> 1;
            for (int i = 0; i < pairs; i++) {
                int b = digest[i] & 0xFF;
                out[offset + 2 * i] = HEX[b >>> 4];
                out[offset + 2 * i + 1] = HEX[b & 0xF];
            }
            if ((length & 1) == 1) {
                out[offset + length - 1] = HEX[(digest[pairs] & 0xFF) >>> 4];
            }
            return;
        }
        // base32, five bytes (forty bits) to eight characters at a time: no dependency between characters
        int written = 0;
        for (int at = 0; written < length; at += 5) {
            long bits = ((long) byteAt(digest, at) << 32) | ((long) byteAt(digest, at + 1) << 24)
                    | ((long) byteAt(digest, at + 2) << 16) | ((long) byteAt(digest, at + 3) << 8) | byteAt(digest, at + 4);
            int o = offset + written;
            if (length - written >= 8) {
                out[o] = BASE32[(int) (bits >>> 35) & 0x1F];
                out[o + 1] = BASE32[(int) (bits >>> 30) & 0x1F];
                out[o + 2] = BASE32[(int) (bits >>> 25) & 0x1F];
                out[o + 3] = BASE32[(int) (bits >>> 20) & 0x1F];
                out[o + 4] = BASE32[(int) (bits >>> 15) & 0x1F];
                out[o + 5] = BASE32[(int) (bits >>> 10) & 0x1F];
                out[o + 6] = BASE32[(int) (bits >>> 5) & 0x1F];
                out[o + 7] = BASE32[(int) bits & 0x1F];
                written += 8;
            } else {
                for (int j = 0; written < length; j++, written++) {
                    out[offset + written] = BASE32[(int) (bits >>> (35 - 5 * j)) & 0x1F];
                }
            }
        }
    }

    /** The pseudonymizer of one domain, holding its derived key. Thread-safe. */
    public final class Domain {
        private final String name;
        private final ThreadLocal<PerThread> state;

        private Domain(String name, byte[] key) {
            this.name = name;
            SecretKeySpec spec = new SecretKeySpec(key, "HmacSHA256");
            Arrays.fill(key, (byte) 0);
            this.state = ThreadLocal.withInitial(() -> new PerThread(spec));
        }

        /**
         * Returns the pseudonym of a value in this domain.
         *
         * @param value the value, possibly {@code null}
         * @return the token, or {@code null} for {@code null}
         * @throws IllegalArgumentException when the value holds an unpaired surrogate
         */
        @CheckReturnValue
        public @Nullable String pseudonymize(@Nullable String value) {
            if (value == null) {
                return null;
            }
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            if (!isAsciiWithoutQuestionMark(utf8, value.length())) {
                int bad = Utf16.unpairedSurrogate(value);
                if (bad >= 0) {
                    throw new IllegalArgumentException(name + ": the value holds an unpaired surrogate at index " + bad
                            + " (invalid UTF-16)");
                }
            }
            PerThread s = state.get();
            s.mac.update(utf8);
            try {
                s.mac.doFinal(s.digest, 0);
            } catch (ShortBufferException e) {
                throw new IllegalStateException("HMAC-SHA256 wrote more than 32 bytes", e);
            }
            return encode(s.digest, s.token);
        }

        /**
         * Whether the UTF-8 encoding of a String of {@code chars} characters proves it holds no unpaired
         * surrogate: one byte per character means ASCII or unpaired surrogates, which the encoder writes
         * as {@code '?'}; without a {@code '?'}, there is none. Cheaper than looking at every character.
         */
        private static boolean isAsciiWithoutQuestionMark(byte[] utf8, int chars) {
            if (utf8.length != chars) {
                return false;
            }
            for (byte b : utf8) {
                if (b == '?') {
                    return false;
                }
            }
            return true;
        }

        /**
         * Returns the raw HMAC-SHA256 of bytes under this domain's key, for keyed derivations.
         *
         * @param data the bytes
         * @return 32 bytes
         */
        public byte[] mac(byte[] data) {
            return state.get().mac.doFinal(data);
        }

        /**
         * Returns the domain name.
         *
         * @return the domain
         */
        public String name() {
            return name;
        }

        @Override
        public String toString() {
            return "Pseudonymizer.Domain[" + name + "]";
        }
    }

    /** One thread's MAC, and a scratch buffer for tokens, so a pseudonym allocates little besides its token. */
    private static final class PerThread {
        private final Mac mac;
        private final byte[] digest = new byte[DIGEST_BYTES];
        private final byte[] token = new byte[96];

        PerThread(SecretKeySpec spec) {
            try {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(spec);
            } catch (NoSuchAlgorithmException | InvalidKeyException e) {
                throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
            }
        }
    }

    /** Builds a {@link Pseudonymizer}. */
    public static final class Builder {
        private final byte[] key;
        private TokenFormat format = TokenFormat.PREFIXED;
        private String prefix = "tok_";
        private int length = 26;
        private boolean lengthSet;

        private Builder(byte[] key) {
            Objects.requireNonNull(key, "key");
            if (key.length < MIN_KEY_BYTES) {
                throw new IllegalArgumentException("a pseudonymization key needs at least 128 bits (16 bytes); got "
                        + key.length * 8 + " bits");
            }
            this.key = key.clone();
        }

        /**
         * Sets the token format; the default is {@link TokenFormat#PREFIXED}.
         *
         * @param format the format
         * @return this builder
         */
        public Builder format(TokenFormat format) {
            this.format = Objects.requireNonNull(format, "format");
            return this;
        }

        /**
         * Sets the prefix of {@link TokenFormat#PREFIXED} tokens; the default is {@code tok_}.
         *
         * @param prefix the prefix
         * @return this builder
         */
        public Builder prefix(String prefix) {
            Objects.requireNonNull(prefix, "prefix");
            this.prefix = prefix;
            return this;
        }

        /**
         * Sets the token length in characters, prefix excluded: 8 to 64 for hex, 8 to 51 for base32.
         * Shorter tokens collide sooner: at 16 base32 characters (80 bits), a collision is expected
         * after about 10^12 distinct values. The default is 26 base32 or 32 hex characters.
         *
         * @param length the length
         * @return this builder
         */
        public Builder length(int length) {
            if (length < 8) {
                throw new IllegalArgumentException("a token needs at least 8 characters; got " + length);
            }
            this.length = length;
            this.lengthSet = true;
            return this;
        }

        /**
         * Builds the pseudonymizer.
         *
         * @return the pseudonymizer
         * @throws IllegalArgumentException when the length does not fit the format
         */
        public Pseudonymizer build() {
            if (!lengthSet) {
                length = format == TokenFormat.HEX ? 32 : 26;
            }
            int max = format == TokenFormat.HEX ? 64 : 51;
            if (length > max) {
                throw new IllegalArgumentException(format.name().toLowerCase(Locale.ROOT) + " tokens hold at most "
                        + max + " characters of a 256-bit HMAC; got " + length);
            }
            if (format == TokenFormat.PREFIXED && prefix.isEmpty()) {
                throw new IllegalArgumentException("a prefixed token needs a non-empty prefix");
            }
            return new Pseudonymizer(this);
        }
    }
}
