package org.privacykit.detect;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.mask.Masker;
import org.privacykit.mask.Maskers;

/**
 * Finds personal data in free text (log lines, support tickets, messages) and redacts or masks it.
 *
 * <pre>{@code
 * PiiDetector detector = PiiDetector.defaults();
 * List<PiiFinding> found = detector.detect("Call me on +44 20 7946 0958");   // PHONE at 11..27
 * detector.mask("card 4111 1111 1111 1111");     // card **** **** **** 1111
 * detector.redact("mail ada@example.com");       // mail [EMAIL]
 * }</pre>
 *
 * <table>
 *   <caption>What each detector finds</caption>
 *   <tr><th>type (detector id)</th><th>finds</th><th>checks</th></tr>
 *   <tr><td>EMAIL ({@code email})</td><td>{@code local@domain.tld}, internationalized local parts and domains
 *       ({@code zoë@bücher.de}, {@code 用户@例子.广告}), punycode top-level domains ({@code xn--p1ai})</td>
 *       <td>local part up to 64, labels up to 63, a top-level domain of letters or punycode</td></tr>
 *   <tr><td>PHONE ({@code phone})</td><td>E.164 ({@code +44 20 7946 0958}), {@code 00} prefix, North American
 *       ({@code (202) 555-0143}, {@code 1-800-555-0199}), national with trunk 0 ({@code 020 7946 0958},
 *       {@code 06 12 34 56 78})</td><td>digit counts, NANP area and exchange rules; plain digit runs with a
 *       trunk 0 or {@code 00} only next to a word such as "phone"</td></tr>
 *   <tr><td>PAYMENT_CARD ({@code payment_card})</td><td>13 to 19 digits, plain or grouped by spaces or dashes</td>
 *       <td>Luhn, the issuer ranges and lengths of 30 schemes (Visa, Mastercard, Amex, Discover, JCB, Diners,
 *       UnionPay, Maestro, Dankort, Mir, RuPay, Verve, Elo, Troy, UATP...), so 13-digit epoch-millisecond
 *       timestamps are never cards; plain UATP numbers (which start with 1, as ids do) only next to a word
 *       such as "card"</td></tr>
 *   <tr><td>IBAN ({@code iban})</td><td>compact, or grouped by four with spaces or dashes; capitals or small
 *       letters</td><td>country length, mod 97</td></tr>
 *   <tr><td>IP_ADDRESS ({@code ip_address})</td><td>IPv4 (also in parentheses, before a port or
 *       {@code @iface}), IPv6 full or compressed ({@code fe80::1}), with an embedded IPv4 address, a zone
 *       ({@code %eth0}) or a prefix length</td><td>ranges and syntax; loopback, unspecified and broadcast
 *       addresses are not reported</td></tr>
 *   <tr><td>NATIONAL_ID ({@code national_id})</td><td>US SSN (dashes, spaces or dots), UK NINO (grouped as people
 *       write it, capitals or small letters), Spanish DNI and NIE, Canadian SIN and Dutch BSN (the last two
 *       next to their name)</td><td>SSA invalid ranges, NINO prefixes, DNI letter, Luhn, eleven-test</td></tr>
 *   <tr><td>PASSPORT ({@code passport})</td><td>6 to 9 letters and digits right after the word "passport"</td>
 *       <td>none exists</td></tr>
 * </table>
 *
 * <p>Detection runs in time linear in the length of the text, with no regular expressions; the
 * scanner reads the text once, never backtracks, and hands each place where a value may start to
 * the recognizers that can find it there. A pre-check (one pass over the characters, stopping once
 * every pass the chosen types need must run) first rules out the recognizers a text cannot match:
 * without 9 digits joined by at most two separators (8 after a {@code +}), a dotted quad, an
 * {@code @}, two colons among hex digits, or the letters and digits of a code, nothing else runs, so
 * an ordinary log line costs one pass. Immutable and thread-safe.
 */
public final class PiiDetector {
    private static final Set<PersonalDataType> SUPPORTED = Collections.unmodifiableSet(EnumSet.of(
            PersonalDataType.EMAIL, PersonalDataType.PHONE, PersonalDataType.PAYMENT_CARD, PersonalDataType.IBAN,
            PersonalDataType.IP_ADDRESS, PersonalDataType.NATIONAL_ID, PersonalDataType.PASSPORT));
    private static final PiiDetector DEFAULTS = new Builder().build();

    /** The pre-check bits of the passes the chosen types need. */
    private final int wanted;
    private final Set<PersonalDataType> types;
    private final int minConfidence;
    private final Map<PersonalDataType, Masker> maskers;

    private PiiDetector(Builder b) {
        EnumSet<PersonalDataType> chosen = b.types == null ? EnumSet.copyOf(SUPPORTED) : EnumSet.copyOf(b.types);
        this.wanted = PreCheck.wanted(chosen);
        this.types = Collections.unmodifiableSet(chosen);
        this.minConfidence = (int) Math.round(b.minConfidence * 1000);
        Map<PersonalDataType, Masker> m = new EnumMap<>(PersonalDataType.class);
        for (PersonalDataType type : SUPPORTED) {
            m.put(type, Maskers.of(type.defaultMask(), -1, -1, '*'));
        }
        this.maskers = m;
    }

    /**
     * Returns the detector with every type on and a confidence threshold of 0.5.
     *
     * @return the default detector
     */
    public static PiiDetector defaults() {
        return DEFAULTS;
    }

    /**
     * Starts a configured detector.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the types a detector can find: those whose {@link PersonalDataType#detectorId()} is set.
     *
     * @return EMAIL, PHONE, PAYMENT_CARD, IBAN, IP_ADDRESS, NATIONAL_ID and PASSPORT
     */
    public static Set<PersonalDataType> supportedTypes() {
        return SUPPORTED;
    }

    /**
     * Returns the types this detector looks for.
     *
     * @return an unmodifiable set
     */
    public Set<PersonalDataType> types() {
        return types;
    }

    /**
     * Finds the personal data in a text.
     *
     * @param text the text
     * @return the findings, ordered by position, never overlapping; an unmodifiable list
     */
    public List<PiiFinding> detect(CharSequence text) {
        String t = Objects.requireNonNull(text, "text").toString();
        int passes = wanted == 0 ? 0 : PreCheck.passes(t, wanted);
        if (passes == 0) {
            return List.of(); // most log lines: words and short numbers
        }
        return new TextScanner(t, types, minConfidence).scan(passes);
    }

    /**
     * Tells whether a text holds personal data.
     *
     * @param text the text
     * @return {@code true} when at least one finding reaches the threshold
     */
    public boolean containsPii(CharSequence text) {
        return !detect(text).isEmpty();
    }

    /**
     * Replaces each finding with its type in brackets: {@code [EMAIL]}, {@code [PAYMENT_CARD]}.
     *
     * @param text the text
     * @return the redacted text
     */
    public String redact(CharSequence text) {
        String t = Objects.requireNonNull(text, "text").toString();
        List<PiiFinding> findings = detect(t);
        if (findings.isEmpty()) {
            return t;
        }
        StringBuilder out = new StringBuilder(t.length());
        int at = 0;
        for (PiiFinding f : findings) {
            out.append(t, at, f.start()).append('[').append(f.type().name()).append(']');
            at = f.end();
        }
        return out.append(t, at, t.length()).toString();
    }

    /**
     * Replaces each finding with its type's default mask ({@link Maskers}): {@code j***@example.com},
     * {@code **** **** **** 1111}, {@code +44 ** **** 0958}, {@code DE** **** **** **** **30 00},
     * {@code 192.168.1.*}, {@code ***-**-6789}.
     *
     * @param text the text
     * @return the masked text
     */
    public String mask(CharSequence text) {
        String t = Objects.requireNonNull(text, "text").toString();
        List<PiiFinding> findings = detect(t);
        if (findings.isEmpty()) {
            return t;
        }
        StringBuilder out = new StringBuilder(t.length());
        int at = 0;
        for (PiiFinding f : findings) {
            out.append(t, at, f.start()).append(Objects.requireNonNull(maskers.get(f.type()), "masker").mask(f.text(t)));
            at = f.end();
        }
        return out.append(t, at, t.length()).toString();
    }

    @Override
    public String toString() {
        return "PiiDetector[" + types + ", min confidence " + minConfidence / 1000.0 + "]";
    }

    /** Builds a {@link PiiDetector}. */
    public static final class Builder {
        private @Nullable EnumSet<PersonalDataType> types; // null: every supported type
        private double minConfidence = 0.5;

        private Builder() {
        }

        /**
         * Chooses the types to look for; the default is every {@linkplain #supportedTypes() supported} type.
         *
         * @param first a type
         * @param more more types
         * @return this builder
         * @throws IllegalArgumentException when a type has no detector
         */
        public Builder types(PersonalDataType first, PersonalDataType... more) {
            EnumSet<PersonalDataType> chosen = EnumSet.of(Objects.requireNonNull(first, "first"), more);
            for (PersonalDataType type : chosen) {
                if (!SUPPORTED.contains(type)) {
                    throw new IllegalArgumentException(type + " has no detector; supported: " + SUPPORTED);
                }
            }
            this.types = chosen;
            return this;
        }

        /**
         * Sets the confidence a finding needs to be reported, from 0 to 1; the default is 0.5. At 0.4,
         * plain national phone numbers ({@code 02079460958}) and Canadian SINs without a context word
         * are reported too.
         *
         * @param minConfidence the threshold
         * @return this builder
         * @throws IllegalArgumentException when outside 0 to 1
         */
        public Builder minConfidence(double minConfidence) {
            if (!(minConfidence >= 0 && minConfidence <= 1)) {
                throw new IllegalArgumentException("minConfidence must be between 0 and 1; got " + minConfidence);
            }
            this.minConfidence = minConfidence;
            return this;
        }

        /**
         * Builds the detector.
         *
         * @return the detector
         */
        public PiiDetector build() {
            return new PiiDetector(this);
        }
    }
}
