package org.privacykit.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.privacykit.mask.Masker;
import org.jspecify.annotations.Nullable;

/**
 * The key rules of a {@link JsonMasker}: which mask, if any, the values under a key get. Keys
 * match without regard to case (lower-cased with {@link Locale#ROOT}) unless the masker was built
 * case-sensitive. A key is looked up by the raw bytes it has in the UTF-8 input, so that a key
 * seen before costs a hash of its bytes and an exact compare, with no String made for it. Both
 * caches are bounded; a key past their bounds is simply looked up again.
 */
final class KeyRules {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int MAX_CACHED_NAMES = 4096;
    private static final int SLOTS = 2048;
    private static final int PROBES = 4;
    /** Keys longer than this (in raw bytes) are decoded each time rather than cached. */
    private static final int MAX_CACHED_KEY_BYTES = 256;
    /** Lengths below this are tracked bit by bit in {@link #maskedLengths}. */
    private static final int LENGTH_BITS = 64;
    /** Keys of at most this many ASCII bytes are held as two words. */
    private static final int SHORT = 16;
    private static final byte[] NO_BYTES = new byte[0];
    /** The largest table of short keys tried before giving the short keys up to the raw look-up. */
    private static final int MAX_SLOTS = 1 << 14;
    /** More short keys than this are looked up by their raw bytes: a table without collisions would be too large. */
    private static final int MAX_SLOTTED = 256;
    private static final long HIGHS = 0x8080808080808080L;

    /**
     * The decision for the values under one key: how to mask them ({@code null}: clear), and
     * whether an explicit rule decided it, which then reaches inside objects and arrays.
     */
    record Rule(@Nullable Masker masker, boolean explicit) {
    }

    /**
     * A key as raw bytes, with its rule and its name as path names compare it (normalized). Every
     * field is final, so an entry read from the cache by another thread is seen whole.
     */
    static final class RawKey {
        final int hash;
        final int length;
        final long head;
        final long tail;
        /** The raw bytes of keys longer than 16 bytes (shorter ones are held whole by head and tail; empty). */
        final byte[] raw;
        final Rule rule;
        /** The decoded key, normalized as path names are. */
        final String name;

        RawKey(int hash, int length, long head, long tail, byte[] raw, Rule rule, String name) {
            this.hash = hash;
            this.length = length;
            this.head = head;
            this.tail = tail;
            this.raw = raw;
            this.rule = rule;
            this.name = name;
        }
    }

    private final Map<String, Masker> keyMaskers;
    private final Set<String> allowedKeys;
    private final boolean allowMode;
    private final boolean caseSensitive;
    private final Rule clear;
    private final Rule byDefault;
    /** Bit n set: some masked key is n chars long (n below {@link #LENGTH_BITS}). */
    private final long maskedLengths;
    private final ConcurrentHashMap<String, Rule> byName = new ConcurrentHashMap<>();
    private final RawKey[] byRaw = new RawKey[SLOTS];
    /**
     * The keys with a rule of their own that are ASCII and at most {@link #SHORT} bytes, in an
     * open-addressed table without collisions: the slot of a key is a hash of its first and last
     * eight bytes (lower-cased unless case-sensitive) and its length, with a multiplier chosen when
     * the rules are built so that no two of these keys share a slot. A plain key of the input is
     * then one hash and one compare, with no loop and no cache.
     */
    /** Per slot: the key's first and last eight bytes. */
    private final long[] slotWords;
    /** Per slot: the key's length, or -1 for an empty slot. */
    private final int[] slotLengths;
    private final Rule[] slotRules;
    private final long slotMultiplier;
    private final int slotShift;
    /** Whether the short keys found slots; if not (never seen), they are looked up by their raw bytes. */
    private final boolean slotted;
    /** Bit n set: some key with a rule of its own is n ASCII bytes long (n at most {@link #SHORT}). */
    private final int shortLengths;
    /** The rule of a key that has none of its own: clear, or in allow-list mode the default mask. */
    private final Rule unlisted;

    /**
     * @param keyMaskers the masked keys, already normalized, with their masks
     * @param allowedKeys the allowed keys, already normalized
     */
    KeyRules(Map<String, Masker> keyMaskers, Set<String> allowedKeys, boolean allowMode, Masker defaultMasker,
            boolean caseSensitive) {
        this.keyMaskers = Map.copyOf(keyMaskers);
        this.allowedKeys = Set.copyOf(allowedKeys);
        this.allowMode = allowMode;
        this.caseSensitive = caseSensitive;
        this.clear = new Rule(null, false);
        this.byDefault = new Rule(defaultMasker, false);
        long lengths = 0;
        for (String key : this.keyMaskers.keySet()) {
            lengths |= key.length() < LENGTH_BITS ? 1L << key.length() : 0;
        }
        this.maskedLengths = lengths;
        this.unlisted = allowMode ? byDefault : clear;
        List<Object[]> entries = new ArrayList<>();
        this.keyMaskers.forEach((key, masker) -> addShort(entries, key, new Rule(masker, true)));
        this.allowedKeys.forEach(key -> addShort(entries, key, clear));
        int size = Integer.highestOneBit(Math.max(4, entries.size() * 4 - 1)) * 2;
        long multiplier = 0x9E3779B97F4A7C15L;
        int[] taken = null;
        for (int attempt = 0; taken == null && size <= MAX_SLOTS && entries.size() <= MAX_SLOTTED; attempt++) {
            // a multiplier under which no two keys share a slot: a few tries at most, then a larger table
            taken = new int[size];
            for (int e = 0; e < entries.size(); e++) {
                long[] words = (long[]) entries.get(e)[0];
                int slot = slot(words[0], words[1], (int) entries.get(e)[2], multiplier, Long.numberOfLeadingZeros(size) + 1);
                if (taken[slot] != 0) {
                    taken = null;
                    break;
                }
                taken[slot] = e + 1;
            }
            if (taken == null) {
                multiplier = multiplier * 0x5851F42D4C957F2DL + 0x14057B7EF767814FL | 1;
                size = attempt % 8 == 7 ? size * 2 : size;
            }
        }
        int bits = 0;
        this.slotted = taken != null;
        if (taken == null) {
            size = 2; // never found: every short key goes the raw way (correct, only slower)
            taken = new int[size];
            entries.clear();
        }
        for (Object[] entry : entries) {
            bits |= 1 << (int) entry[2];
        }
        this.shortLengths = bits;
        this.slotMultiplier = multiplier;
        this.slotShift = Long.numberOfLeadingZeros(size) + 1;
        this.slotWords = new long[2 * size];
        this.slotLengths = new int[size];
        this.slotRules = new Rule[size];
        Arrays.fill(slotLengths, -1);
        for (int slot = 0; slot < size; slot++) {
            if (taken[slot] != 0) {
                Object[] entry = entries.get(taken[slot] - 1);
                long[] words = (long[]) entry[0];
                slotWords[2 * slot] = words[0];
                slotWords[2 * slot + 1] = words[1];
                slotRules[slot] = (Rule) entry[1];
                slotLengths[slot] = (int) entry[2];
            }
        }
    }

    /** The slot of a short key: the top bits of its words (and length) each times a multiplier (two multiplies side by side). */
    private static int slot(long head, long tail, int length, long multiplier, int shift) {
        return (int) ((head * multiplier + (tail ^ length) * 0xC2B2AE3D27D4EB4FL) >>> shift);
    }

    private void addShort(List<Object[]> entries, String key, Rule rule) {
        int n = key.length();
        if (n > SHORT || !key.chars().allMatch(c -> c < 0x80)) {
            return; // a plain key of the input, ASCII and short, can never equal it
        }
        byte[] b = key.getBytes(StandardCharsets.US_ASCII);
        entries.add(new Object[] {words(b, 0, n), rule, n});
    }

    /** The first and last eight bytes of {@code b[from, to)} (zero-padded when shorter), lower-cased unless case-sensitive. */
    private long[] words(byte[] b, int from, int to) {
        byte[] padded = new byte[Math.max(8, to - from)];
        System.arraycopy(b, from, padded, 0, to - from);
        int n = to - from;
        long head = (long) LONGS.get(padded, 0);
        long tail = n >= 8 ? (long) LONGS.get(padded, n - 8) : head;
        return caseSensitive ? new long[] {head, tail} : new long[] {lower(head), lower(tail)};
    }

    /**
     * The rule of a plain key of the input, {@code b[from, to)}: ASCII, without escapes. Short keys
     * are compared as words with the short keys that have a rule; a longer one is looked up by its
     * raw bytes, unless no key with a rule has its length.
     */
    Rule forPlain(byte[] b, int from, int to) {
        int n = to - from;
        if (n > SHORT) {
            return forLongPlain(b, from, to);
        }
        if ((shortLengths & (1 << n)) == 0) {
            return slotted ? unlisted : forRaw(b, from, to).rule;
        }
        long head;
        long tail;
        if (n >= 8) {
            head = (long) LONGS.get(b, from);
            tail = (long) LONGS.get(b, to - 8);
            if (!caseSensitive) {
                head = lower(head);
                tail = lower(tail);
            }
        } else {
            head = to >= 8 ? (long) LONGS.get(b, to - 8) >>> ((8 - n) << 3) : bytesAtStart(b, from, to);
            if (!caseSensitive) {
                head = lower(head);
            }
            tail = head;
        }
        int slot = slot(head, tail, n, slotMultiplier, slotShift);
        return slotLengths[slot] == n && slotWords[2 * slot] == head && slotWords[2 * slot + 1] == tail
                ? slotRules[slot] : unlisted;
    }

    /** A plain key of more than {@link #SHORT} bytes: looked up by its raw bytes, unless no key with a rule has its length. */
    private Rule forLongPlain(byte[] b, int from, int to) {
        int n = to - from;
        return allowMode || n >= LENGTH_BITS || (maskedLengths & (1L << n)) != 0 ? forRaw(b, from, to).rule : clear;
    }

    /** The bytes {@code b[from, to)}, fewer than eight at the very start of the input, as a little-endian word. */
    private static long bytesAtStart(byte[] b, int from, int to) {
        long word = 0;
        for (int k = to - 1; k >= from; k--) {
            word = (word << 8) | (b[k] & 0xFF);
        }
        return word;
    }

    /** ASCII letters of eight bytes (each below 0x80) to lower case. */
    private static long lower(long w) {
        long atLeastA = w + 0x3F3F3F3F3F3F3F3FL; // a byte >= 'A' gets its high bit
        long pastZ = w + 0x2525252525252525L; // a byte > 'Z' gets its high bit
        return w | ((atLeastA & ~pastZ & HIGHS) >>> 2); // 'A'..'Z' gain 0x20
    }

    /** Normalizes a key as the rules hold it. */
    static String normalize(String key, boolean caseSensitive) {
        return caseSensitive ? key : key.toLowerCase(Locale.ROOT);
    }

    /** Whether some key can have a rule other than clear: if not, keys need no look-up. */
    boolean any() {
        return allowMode || !keyMaskers.isEmpty();
    }

    int maskedKeys() {
        return keyMaskers.size();
    }

    int allowedKeys() {
        return allowedKeys.size();
    }

    /** The rule for a decoded key. */
    Rule forName(String key) {
        Rule rule = byName.get(key);
        if (rule == null) {
            String normalized = normalize(key, caseSensitive);
            Masker masker = keyMaskers.get(normalized);
            if (masker != null) {
                rule = new Rule(masker, true);
            } else if (allowMode && !allowedKeys.contains(normalized)) {
                rule = byDefault;
            } else {
                rule = clear;
            }
            if (byName.size() < MAX_CACHED_NAMES) {
                byName.put(key, rule);
            }
        }
        return rule;
    }

    /**
     * The rule and name of a key given as its raw bytes {@code b[from, to)} between the quotes,
     * already validated by the scanner (escapes are decoded only on a cache miss).
     */
    RawKey forRaw(byte[] b, int from, int to) {
        int length = to - from;
        long head;
        long tail;
        if (length >= 8) {
            head = (long) LONGS.get(b, from);
            tail = (long) LONGS.get(b, to - 8);
        } else if (length == 0) {
            head = 0;
            tail = 0;
        } else if (to >= 8) {
            tail = (long) LONGS.get(b, to - 8) >>> ((8 - length) << 3);
            head = tail;
        } else {
            tail = 0;
            for (int i = to - 1; i >= from; i--) {
                tail = (tail << 8) | (b[i] & 0xFF);
            }
            head = tail;
        }
        long mixed = head * 0x9E3779B97F4A7C15L + tail * 0xC2B2AE3D27D4EB4FL + length;
        int hash = (int) (mixed ^ (mixed >>> 29));
        RawKey[] table = byRaw;
        for (int probe = 0; probe < PROBES; probe++) {
            RawKey key = table[(hash + probe) & (SLOTS - 1)];
            if (key == null) {
                break;
            }
            if (key.hash == hash && key.length == length && key.head == head && key.tail == tail
                    && (length <= 16 || Arrays.equals(key.raw, 8, length - 8, b, from + 8, to - 8))) {
                return key;
            }
        }
        String name = JsonText.decode(b, from, to);
        byte[] raw = length > 16 ? Arrays.copyOfRange(b, from, to) : NO_BYTES;
        RawKey key = new RawKey(hash, length, head, tail, raw, forName(name), normalize(name, caseSensitive));
        if (length <= MAX_CACHED_KEY_BYTES) {
            int slot = hash & (SLOTS - 1);
            for (int probe = 0; probe < PROBES; probe++) {
                if (table[(hash + probe) & (SLOTS - 1)] == null) {
                    slot = (hash + probe) & (SLOTS - 1);
                    break;
                }
            }
            // a racy write is harmless: the worst case is an entry lost and looked up again
            table[slot] = key;
        }
        return key;
    }
}
