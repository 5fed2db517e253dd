package org.privacykit.logback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/** Properties of the masking that every layout and encoder of the module share. */
class LogMaskingPropertyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Gen<String> WORD = SourceDSL.strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 10);
    private static final Gen<String> ANY_TEXT = SourceDSL.strings().allPossible().ofLengthBetween(0, 60);

    /** A Visa number: 4, fourteen digits, and the Luhn check digit. */
    private static final Gen<String> CARD = SourceDSL.longs().between(0, 99_999_999_999_999L).map(n -> {
        String body = "4" + String.format("%014d", n);
        int sum = 0;
        for (int i = body.length() - 1, position = 1; i >= 0; i--, position++) {
            int d = body.charAt(i) - '0';
            if (position % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return body + (10 - sum % 10) % 10;
    });

    @Test
    void emailsAndCardsInArguments_neverReachTheOutput() {
        try (Logs logs = Logs.withEncoder("<encoder class=\"org.privacykit.logback.PrivacyPatternLayoutEncoder\">"
                + "<pattern>%msg%n</pattern></encoder>")) {
            qt().forAll(WORD, WORD, WORD, CARD).checkAssert((before, local, domain, card) -> {
                String email = local + "." + before + "@" + domain + ".com";
                logs.logger("p").info("{} wrote from {} paying with {} today", before, email, card);
                String out = logs.output();
                String last = out.substring(out.lastIndexOf(before + " wrote"));
                assertThat(last).doesNotContain(email).doesNotContain(card).contains("@" + domain + ".com")
                        .contains(card.substring(12));
            });
        }
    }

    @Test
    void anyText_givesOneLineOfValidJson_andNoProblem() {
        try (Logs logs = Logs.withEncoder("<encoder class=\"org.privacykit.logback.PrivacyJsonEncoder\">"
                + "<maskKeys>k</maskKeys></encoder>")) {
            qt().forAll(ANY_TEXT, ANY_TEXT, ANY_TEXT).checkAssert((message, argument, value) -> {
                int before = logs.output().length();
                logs.logger("p").atInfo().addKeyValue("k", value).addKeyValue(value, argument).log(message + " {}",
                        argument);
                String written = logs.output().substring(before);
                assertThat(written).endsWith("\n").hasLineCount(1);
                JsonNode line = readLine(written);
                assertThat(line.get("kv").get("k").asText()).isEqualTo("****");
                assertThat(line.get("message").isTextual()).isTrue();
            });
            assertThat(logs.problems()).isEmpty();
        }
    }

    @Test
    void anyText_throughThePatternLayout_neverFails() {
        try (Logs logs = Logs.withEncoder("<encoder class=\"org.privacykit.logback.PrivacyPatternLayoutEncoder\">"
                + "<pattern>%msg %kvp %X%n%ex</pattern><maskKeys>k</maskKeys></encoder>")) {
            qt().forAll(ANY_TEXT, ANY_TEXT).checkAssert((message, argument) -> logs.logger("p").atWarn()
                    .addKeyValue("v", argument).setCause(new IllegalStateException(argument)).log(message, argument));
            assertThat(logs.problems()).isEmpty();
            assertThat(logs.output()).isNotEmpty();
        }
    }

    private static JsonNode readLine(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not one JSON value: " + e.getMessage());
        }
    }
}
