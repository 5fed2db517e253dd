package org.privacykit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.privacykit.mask.Masker;
import org.privacykit.mask.Maskers;

/** The look-up of plain keys by their words agrees with the look-up by decoded name, for any set of keys. */
class KeyRulesTest {

    @Test
    void forPlain_agreesWithForName_forAnyKeysAndAnyCase() {
        qt().withExamples(300).forAll(lists().of(strings().ascii().ofLengthBetween(1, 24)).ofSizeBetween(0, 60),
                lists().of(strings().ascii().ofLengthBetween(0, 24)).ofSizeBetween(1, 40), integers().between(0, 3))
                .checkAssert((keys, probes, mode) -> {
                    boolean caseSensitive = mode % 2 == 1;
                    boolean allowMode = mode >= 2;
                    Map<String, Masker> masked = new HashMap<>();
                    Set<String> allowed = new HashSet<>();
                    for (int i = 0; i < keys.size(); i++) {
                        String key = KeyRules.normalize(keys.get(i), caseSensitive);
                        if (!masked.containsKey(key) && !allowed.contains(key)) {
                            if (allowMode && i % 2 == 0) {
                                allowed.add(key);
                            } else {
                                masked.put(key, Maskers.keepLast(i % 5));
                            }
                        }
                    }
                    KeyRules rules = new KeyRules(masked, allowed, allowMode, Maskers.full(), caseSensitive);
                    for (String probe : concat(keys, probes)) {
                        for (String variant : List.of(probe, probe.toUpperCase(Locale.ROOT), probe.toLowerCase(Locale.ROOT))) {
                            if (variant.indexOf('"') >= 0 || variant.indexOf('\\') >= 0 || variant.chars().anyMatch(c -> c < 0x20)) {
                                continue; // not a plain key: the scanner takes those by their raw bytes
                            }
                            byte[] b = ("xx" + variant + "yy").getBytes(StandardCharsets.US_ASCII);
                            assertThat(rules.forPlain(b, 2, 2 + variant.length())).as(variant).isEqualTo(rules.forName(variant));
                        }
                    }
                });
    }

    @Test
    void forPlain_moreShortKeysThanTheSlotTableTakes_areLookedUpByTheirBytes() {
        Map<String, Masker> masked = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            masked.put("k" + i, Maskers.keepLast(1));
        }
        KeyRules rules = new KeyRules(masked, Set.of(), false, Maskers.full(), false);
        for (int i = 0; i < 400; i++) {
            String key = (i % 2 == 0 ? "K" : "k") + i;
            byte[] b = ("{\"" + key + "\"").getBytes(StandardCharsets.US_ASCII);
            assertThat(rules.forPlain(b, 2, 2 + key.length()).explicit()).as(key).isEqualTo(i < 300);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
