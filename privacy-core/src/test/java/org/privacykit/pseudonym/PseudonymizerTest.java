package org.privacykit.pseudonym;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class PseudonymizerTest {
    /** 00 01 02 ... 1f. */
    private static final byte[] KEY = new byte[32];

    static {
        for (int i = 0; i < KEY.length; i++) {
            KEY[i] = (byte) i;
        }
    }

    // Known answers computed outside the JVM (Python's hmac and hashlib) from the construction the
    // Javadoc documents: PRK = HMAC(salt "privacykit/pseudonym/v1", key); domain key =
    // HMAC(PRK, UTF-8 domain || 0x01); token = HMAC(domain key, UTF-8 value), encoded and truncated.
    // They pin the token format: a change here breaks every stored pseudonym.

    @Test
    void pseudonymize_knownAnswer_defaultPrefixedBase32() {
        assertThat(Pseudonymizer.hmacSha256(KEY).pseudonymize("Customer.email", "ada@example.com"))
                .isEqualTo("tok_grxlzjyephoncrwzljldiykt2m");
    }

    @Test
    void pseudonymize_knownAnswer_hex() {
        Pseudonymizer hex = Pseudonymizer.builder(KEY).format(TokenFormat.HEX).build();
        assertThat(hex.pseudonymize("Customer.email", "ada@example.com"))
                .isEqualTo("346ebca70479dcd146d95a56346153d3");
        Pseudonymizer full = Pseudonymizer.builder(KEY).format(TokenFormat.HEX).length(64).build();
        assertThat(full.pseudonymize("Customer.email", "ada@example.com"))
                .isEqualTo("346ebca70479dcd146d95a56346153d33c84e21f4e464e77ef9c345636289865");
    }

    @Test
    void pseudonymize_knownAnswer_nonAsciiValueIsUtf8() {
        assertThat(Pseudonymizer.builder(KEY).format(TokenFormat.BASE32).build()
                .pseudonymize("Customer.email", "Zoë 😀")).isEqualTo("am7mrt4p5fpcyckddkrjmaqdtc");
    }

    @Test
    void deriveKey_knownAnswer() {
        assertThat(hex(Pseudonymizer.hmacSha256(KEY).deriveKey("Customer.email", "fake")))
                .isEqualTo("2f8e6d973bb1d7f93148548d30302ff336f11b7783428cdae62eb2166bf9f7c6");
    }

    @Test
    void pseudonymize_matchesTheDocumentedConstructionOnRawMac() throws Exception {
        byte[] prk = rawHmac("privacykit/pseudonym/v1".getBytes(StandardCharsets.US_ASCII), KEY);
        byte[] info = "Order.note".getBytes(StandardCharsets.UTF_8);
        byte[] block = new byte[info.length + 1];
        System.arraycopy(info, 0, block, 0, info.length);
        block[info.length] = 1;
        byte[] domainKey = rawHmac(prk, block);
        byte[] digest = rawHmac(domainKey, "some value".getBytes(StandardCharsets.UTF_8));

        Pseudonymizer hex = Pseudonymizer.builder(KEY).format(TokenFormat.HEX).length(64).build();
        assertThat(hex.pseudonymize("Order.note", "some value")).isEqualTo(hex(digest));
    }

    @Test
    void pseudonymize_sameKeyDomainAndValue_sameTokenAcrossInstances() {
        Pseudonymizer a = Pseudonymizer.hmacSha256(KEY);
        Pseudonymizer b = Pseudonymizer.hmacSha256(KEY.clone());
        qt().forAll(strings().allPossible().ofLengthBetween(0, 40).assuming(PseudonymizerTest::wellFormed))
                .checkAssert(v -> assertThat(a.pseudonymize("d", v)).isEqualTo(b.pseudonymize("d", v)));
    }

    @Test
    void pseudonymize_twoDomains_unlinkableTokens() {
        Pseudonymizer p = Pseudonymizer.hmacSha256(KEY);
        assertThat(p.pseudonymize("Ticket.replyTo", "ada@example.com"))
                .isEqualTo("tok_nk65n5iysnldwvbqljwvkg25bf")
                .isNotEqualTo(p.pseudonymize("Customer.email", "ada@example.com"));
        qt().forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 30))
                .checkAssert(v -> assertThat(p.pseudonymize("a", v)).isNotEqualTo(p.pseudonymize("b", v)));
    }

    @Test
    void pseudonymize_otherKey_otherToken() {
        byte[] other = KEY.clone();
        other[31] ^= 1;
        assertThat(Pseudonymizer.hmacSha256(other).pseudonymize("Customer.email", "ada@example.com"))
                .isNotEqualTo("tok_grxlzjyephoncrwzljldiykt2m");
    }

    @Test
    void pseudonymize_distinctValues_distinctTokens() {
        Pseudonymizer p = Pseudonymizer.hmacSha256(KEY);
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            tokens.add(p.pseudonymize("Customer.phone", "+44 7700 9" + String.format("%05d", i)));
        }
        assertThat(tokens).hasSize(20_000);
    }

    @Test
    void pseudonymize_null_givesNull() {
        assertThat(Pseudonymizer.hmacSha256(KEY).pseudonymize("d", null)).isNull();
    }

    @Test
    void formats_haveTheirAlphabetAndLength() {
        qt().forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 30)).checkAssert(v -> {
            assertThat(Pseudonymizer.builder(KEY).format(TokenFormat.HEX).build().pseudonymize("d", v))
                    .matches("[0-9a-f]{32}");
            assertThat(Pseudonymizer.builder(KEY).format(TokenFormat.BASE32).build().pseudonymize("d", v))
                    .matches("[a-z2-7]{26}");
            assertThat(Pseudonymizer.hmacSha256(KEY).pseudonymize("d", v)).matches("tok_[a-z2-7]{26}");
            assertThat(Pseudonymizer.builder(KEY).prefix("cust_").length(12).build().pseudonymize("d", v))
                    .matches("cust_[a-z2-7]{12}");
            assertThat(Pseudonymizer.builder(KEY).prefix("ключ_").length(12).build().pseudonymize("d", v))
                    .matches("ключ_[a-z2-7]{12}");
            assertThat(Pseudonymizer.builder(KEY).format(TokenFormat.HEX).prefix("ignored_").build().pseudonymize("d", v))
                    .matches("[0-9a-f]{32}");
        });
    }

    @Test
    void length_chosen_isAPrefixOfTheLongerToken() {
        for (int length = 8; length <= 51; length++) {
            Pseudonymizer p = Pseudonymizer.builder(KEY).format(TokenFormat.BASE32).length(length).build();
            assertThat(p.length()).isEqualTo(length);
            assertThat(p.pseudonymize("Customer.email", "ada@example.com"))
                    .hasSize(length)
                    .isEqualTo(base32Of51().substring(0, length));
        }
        for (int length = 8; length <= 64; length++) {
            Pseudonymizer p = Pseudonymizer.builder(KEY).format(TokenFormat.HEX).length(length).build();
            assertThat(p.pseudonymize("Customer.email", "ada@example.com"))
                    .isEqualTo("346ebca70479dcd146d95a56346153d33c84e21f4e464e77ef9c345636289865"
                            .substring(0, length));
        }
    }

    private static String base32Of51() {
        return Pseudonymizer.builder(KEY).format(TokenFormat.BASE32).length(51).build()
                .pseudonymize("Customer.email", "ada@example.com");
    }

    @Test
    void length_outOfRange_isRefused() {
        assertThatThrownBy(() -> Pseudonymizer.builder(KEY).length(7))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 8");
        assertThatThrownBy(() -> Pseudonymizer.builder(KEY).format(TokenFormat.HEX).length(65).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 64");
        assertThatThrownBy(() -> Pseudonymizer.builder(KEY).format(TokenFormat.BASE32).length(52).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 51");
        assertThatThrownBy(() -> Pseudonymizer.builder(KEY).prefix("").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-empty prefix");
    }

    @Test
    void key_under128Bits_isRefused() {
        assertThatThrownBy(() -> Pseudonymizer.hmacSha256(new byte[15]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 128 bits").hasMessageContaining("got 120 bits");
        assertThatThrownBy(() -> Pseudonymizer.builder(new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pseudonymizer.hmacSha256(null)).isInstanceOf(NullPointerException.class);
        assertThat(Pseudonymizer.hmacSha256(new byte[16]).pseudonymize("d", "v")).isNotNull();
    }

    @Test
    void key_isCopied_laterChangesHaveNoEffect() {
        byte[] key = KEY.clone();
        Pseudonymizer p = Pseudonymizer.hmacSha256(key);
        key[0] = 99;
        assertThat(p.pseudonymize("Customer.email", "ada@example.com")).isEqualTo("tok_grxlzjyephoncrwzljldiykt2m");
    }

    @Test
    void pseudonymize_unpairedSurrogate_isRefusedNamingTheDomain() {
        Pseudonymizer p = Pseudonymizer.hmacSha256(KEY);
        assertThatThrownBy(() -> p.pseudonymize("Customer.name", "ab\uD800c"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Customer.name").hasMessageContaining("index 2")
                .hasMessageNotContaining("ab");
        assertThatThrownBy(() -> p.pseudonymize("Customer.name", "\uDC00"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.pseudonymize("Customer.name", "x\uD83D"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(p.pseudonymize("Customer.name", "\uD83D\uDE00")).isNotNull();
    }

    @Test
    void pseudonymize_questionMarksAndSurrogates_areToldApart() {
        Pseudonymizer p = Pseudonymizer.hmacSha256(KEY);
        // an unpaired surrogate is encoded as '?', one byte: the same length as a valid ASCII value
        assertThatThrownBy(() -> p.pseudonymize("Customer.name", "a?\uD800"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 2");
        assertThatThrownBy(() -> p.pseudonymize("Customer.name", "\uDC00bc"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 0");
        // a real '?' is a value like any other, and its pseudonym is the documented HMAC
        Pseudonymizer hex = Pseudonymizer.builder(KEY).format(TokenFormat.HEX).length(64).build();
        for (String value : List.of("a?c", "???", "why?", "?", "é?")) {
            assertThat(hex.pseudonymize("Order.note", value))
                    .isEqualTo(hex(hex.domain("Order.note").mac(value.getBytes(StandardCharsets.UTF_8))));
        }
        assertThat(hex.pseudonymize("Order.note", "a?c")).isNotEqualTo(hex.pseudonymize("Order.note", "abc"));
    }

    @Test
    void domain_invalidNames_areRefused() {
        Pseudonymizer p = Pseudonymizer.hmacSha256(KEY);
        assertThatThrownBy(() -> p.domain("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("domain is empty");
        assertThatThrownBy(() -> p.domain("a\u0000b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NUL");
        assertThatThrownBy(() -> p.domain("a\uD800")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unpaired surrogate");
        assertThatThrownBy(() -> p.deriveKey("d", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("purpose is empty");
    }

    @Test
    void deriveKey_cannotBeReachedThroughADomainName() {
        // Before the NUL check, domain "fake\0Customer.email" had the same key as deriveKey("Customer.email", "fake").
        Pseudonymizer p = Pseudonymizer.builder(KEY).format(TokenFormat.HEX).length(64).build();
        assertThatThrownBy(() -> p.domain("fake\u0000Customer.email")).isInstanceOf(IllegalArgumentException.class);
        byte[] derived = p.deriveKey("Customer.email", "fake");
        assertThat(derived).hasSize(32).isNotEqualTo(p.deriveKey("Customer.email", "noise"))
                .isNotEqualTo(p.deriveKey("Customer.phone", "fake"));
        derived[0] ^= 1;
        assertThat(p.deriveKey("Customer.email", "fake")[0]).isNotEqualTo(derived[0]);
    }

    @Test
    void domain_isCachedAndEquivalentToTheOneShotCall() {
        Pseudonymizer p = Pseudonymizer.hmacSha256(KEY);
        Pseudonymizer.Domain emails = p.domain("Customer.email");
        assertThat(p.domain("Customer.email")).isSameAs(emails);
        assertThat(emails.name()).isEqualTo("Customer.email");
        assertThat(emails.pseudonymize("ada@example.com")).isEqualTo(p.pseudonymize("Customer.email", "ada@example.com"));
        assertThat(emails.mac(new byte[0])).hasSize(32);
    }

    @Test
    void domains_beyondTheCache_stillGiveTheSameTokens() {
        Pseudonymizer p = Pseudonymizer.hmacSha256(KEY);
        for (int i = 0; i < 4200; i++) {
            p.domain("d" + i);
        }
        assertThat(p.pseudonymize("Customer.email", "ada@example.com")).isEqualTo("tok_grxlzjyephoncrwzljldiykt2m");
        assertThat(p.pseudonymize("d4199", "x")).isEqualTo(p.pseudonymize("d4199", "x"));
    }

    @Test
    void toString_neverShowsTheKey() {
        Pseudonymizer p = Pseudonymizer.hmacSha256(KEY);
        assertThat(p.toString()).isEqualTo("Pseudonymizer[HMAC-SHA256, PREFIXED, 26 chars]").doesNotContain(hex(KEY));
        assertThat(p.domain("Customer.email").toString()).isEqualTo("Pseudonymizer.Domain[Customer.email]");
    }

    @Test
    void pseudonymize_manyThreads_agreeWithOneThread() throws Exception {
        Pseudonymizer p = Pseudonymizer.hmacSha256(KEY);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            values.add("user" + i + "@example.com");
        }
        List<String> expected = new ArrayList<>();
        for (String v : values) {
            expected.add(p.pseudonymize("Customer.email", v));
        }
        Pseudonymizer shared = Pseudonymizer.hmacSha256(KEY);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                final int offset = t;
                Callable<List<String>> task = () -> {
                    List<String> out = new ArrayList<>();
                    for (int i = 0; i < values.size(); i++) {
                        int index = (i + offset * 250) % values.size();
                        String token = i % 2 == 0
                                ? shared.pseudonymize("Customer.email", values.get(index))
                                : shared.domain("Customer.email").pseudonymize(values.get(index));
                        out.add(index + "=" + token);
                    }
                    return out;
                };
                results.add(pool.submit(task));
            }
            for (Future<List<String>> result : results) {
                for (String entry : result.get()) {
                    int eq = entry.indexOf('=');
                    int index = Integer.parseInt(entry.substring(0, eq));
                    assertThat(entry.substring(eq + 1)).isEqualTo(expected.get(index));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] rawHmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%02x", b & 0xFF));
        }
        return out.toString();
    }
}
