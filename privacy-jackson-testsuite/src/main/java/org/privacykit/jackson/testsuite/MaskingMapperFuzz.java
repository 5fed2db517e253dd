package org.privacykit.jackson.testsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacykit.annotation.PersonalDataType.EMAIL;
import static org.privacykit.annotation.PersonalDataType.HEALTH;
import static org.privacykit.annotation.PersonalDataType.NAME;
import static org.privacykit.annotation.PersonalDataType.PAYMENT_CARD;
import static org.privacykit.annotation.PersonalDataType.PHONE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import org.jspecify.annotations.Nullable;

import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.Sensitive;
import org.privacykit.annotation.SubjectId;
import org.privacykit.audit.AuditSink;
import org.privacykit.mask.Masker;
import org.privacykit.mask.Maskers;

/**
 * The check both Jackson modules fuzz (their {@code MaskingMapperFuzzTest}): whatever text the
 * personal values of an object hold, the masking mapper writes each as its mask (or the redaction
 * marker) and nowhere in its output, as a String or as UTF-8 bytes, nor in the message of any
 * exception it throws, does a personal value appear, except as far as its own declared mask keeps it
 * (a name's initials, an e-mail's domain, a card's last four digits).
 */
public final class MaskingMapperFuzz {
    /** Shorter values are found in any text by chance (a letter, a digit). */
    private static final int SHORTEST_CHECKED = 4;
    private static final int MAX_TEXT = 60;
    private static final int MAX_ELEMENTS = 4;

    private MaskingMapperFuzz() {
    }

    /**
     * A customer whose personal values the fuzzer chooses.
     *
     * @param id clear
     * @param name masked to initials
     * @param email masked but for its first letter and domain
     * @param card masked but for its last four digits
     * @param phones masked element by element
     * @param diagnosis redacted
     * @param token a secret, redacted
     * @param visitsByEmail personal keys, masked
     * @param plan clear
     */
    public record Target(@SubjectId String id, @PersonalData(NAME) String name, @PersonalData(EMAIL) String email,
                         @PersonalData(PAYMENT_CARD) String card, @PersonalData(PHONE) List<String> phones,
                         @PersonalData(HEALTH) String diagnosis, @Sensitive String token,
                         Map<@PersonalData(EMAIL) String, Integer> visitsByEmail, String plan) {
    }

    /**
     * A record whose personal value cannot be read: its accessor's message quotes the value.
     *
     * @param email the value
     * @param message what the accessor's exception says before the value
     */
    public record Failing(@PersonalData(EMAIL) String email, String message) {
        @Override
        public String email() {
            throw new IllegalStateException(message + email);
        }
    }

    /**
     * Runs one fuzz input against a Jackson line's masking mapper.
     *
     * @param line the line
     * @param data the fuzzer's input
     */
    public static void check(JacksonLine line, FuzzedDataProvider data) {
        JacksonLine.Mapper mapper = line.masking(AuditSink.noop());
        Map<String, Integer> visits = new LinkedHashMap<>();
        int keys = data.consumeInt(0, MAX_ELEMENTS);
        for (int i = 0; i < keys; i++) {
            visits.put(data.consumeString(MAX_TEXT), i);
        }
        List<String> phones = new ArrayList<>();
        int phoneCount = data.consumeInt(0, MAX_ELEMENTS);
        for (int i = 0; i < phoneCount; i++) {
            phones.add(data.consumeString(MAX_TEXT));
        }
        Target target = new Target("c-1", data.consumeString(MAX_TEXT), data.consumeString(MAX_TEXT),
                data.consumeString(MAX_TEXT), phones, data.consumeString(MAX_TEXT), data.consumeString(MAX_TEXT),
                visits, "gold");
        Failing failing = new Failing(data.consumeString(MAX_TEXT), data.consumeRemainingAsString());

        List<String> secrets = new ArrayList<>(List.of(target.name(), target.email(), target.card(),
                target.diagnosis(), target.token()));
        secrets.addAll(phones);
        secrets.addAll(visits.keySet());
        List<String> shown = new ArrayList<>(List.of(Maskers.REDACTED, mask(Maskers.name(), target.name()),
                mask(Maskers.email(), target.email()), mask(Maskers.paymentCard(), target.card())));
        phones.forEach(p -> shown.add(mask(Maskers.phone(), p)));
        visits.keySet().forEach(k -> shown.add(mask(Maskers.email(), k)));

        for (boolean bytes : new boolean[] {false, true}) {
            String json;
            try {
                json = bytes ? mapper.writeBytes(target) : mapper.write(target);
            } catch (Exception e) {
                assertHoldsNone(e, secrets, shown);
                continue;
            }
            Object tree = tree(mapper, json);
            assertThat(Json.at(tree, "name")).isEqualTo(mask(Maskers.name(), target.name()));
            assertThat(Json.at(tree, "email")).isEqualTo(mask(Maskers.email(), target.email()));
            assertThat(Json.at(tree, "card")).isEqualTo(mask(Maskers.paymentCard(), target.card()));
            assertThat(Json.at(tree, "diagnosis")).isEqualTo(Maskers.REDACTED);
            assertThat(Json.at(tree, "token")).isEqualTo(Maskers.REDACTED);
            List<String> written = new ArrayList<>();
            strings(Json.object(tree, "visitsByEmail"), written);
            strings(Json.at(tree, "phones"), written);
            for (String text : List.of("name", "email", "card", "diagnosis", "token")) {
                written.add(String.valueOf(Json.at(tree, text)));
            }
            for (String secret : secrets) {
                if (checked(secret, shown)) {
                    assertThat(written).as("the output of %s", json).noneMatch(w -> w.contains(secret));
                }
            }
        }
        try {
            mapper.write(failing);
            throw new AssertionError("a failing accessor must fail the write");
        } catch (Exception e) {
            assertHoldsNone(e, List.of(failing.email), List.of());
        }
    }

    private static Object tree(JacksonLine.Mapper mapper, String json) {
        try {
            return mapper.tree(json);
        } catch (Exception e) {
            throw new AssertionError("the masking mapper wrote invalid JSON: " + json, e);
        }
    }

    private static String mask(Masker masker, String value) {
        String masked = masker.mask(value);
        return masked == null ? Maskers.REDACTED : masked;
    }

    /** Whether a value is long enough to check, and not shown by design: inside a mask the mapper must write. */
    private static boolean checked(String secret, List<String> shown) {
        return secret.length() >= SHORTEST_CHECKED && shown.stream().noneMatch(s -> s.contains(secret));
    }

    private static boolean inNames(int c) {
        return c < 0x7F && (Character.isLetterOrDigit(c) || " ._$:()[]\"'-,/<>#{}=@".indexOf(c) >= 0);
    }

    private static void strings(@Nullable Object node, List<String> out) {
        if (node instanceof String s) {
            out.add(s);
        } else if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                out.add(String.valueOf(k));
                strings(v, out);
            });
        } else if (node instanceof List<?> list) {
            list.forEach(e -> strings(e, out));
        }
    }

    /**
     * Asserts that no exception of a chain quotes a value. Only values with a character that the
     * names in messages never hold (class, field and exception names, Jackson's reference chains) are
     * looked for, or the fuzzer, which steers inputs towards the strings a check compares, would find
     * {@code "Target"} in {@code "Target.email: ..."}.
     */
    private static void assertHoldsNone(Throwable e, List<String> secrets, List<String> shown) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String text = t + " " + t.getMessage();
            for (String secret : secrets) {
                if (checked(secret, shown) && !secret.chars().allMatch(MaskingMapperFuzz::inNames)) {
                    assertThat(text).as("an exception of the masking mapper").doesNotContain(secret);
                }
            }
        }
    }
}
