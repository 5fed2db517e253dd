package org.privacykit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void strings_roundTripThroughAConformingParser() throws Exception {
        String tricky = "quote \" backslash \\ slash / nl \n cr \r tab \t bell \u0007 nul \u0000 del \u007f"
                + " ls \u2028 ps \u2029 emoji 😀 lone \uD800 low \uDC00 end";
        String json = new JsonWriter().beginObject().name("v").value(tricky).endObject().toString();
        assertThat(json).doesNotContain("\u2028").doesNotContain("\u0000").contains("\\ud800").contains("\\udc00");
        JsonNode node = MAPPER.readTree(json);
        assertThat(node.get("v").asText()).isEqualTo(tricky);
    }

    @Test
    void anyWellFormedString_roundTrips() {
        qt().forAll(strings().allPossible().ofLengthBetween(0, 60)).checkAssert(s -> {
            String json = new JsonWriter().beginArray().value(s).endArray().toString();
            try {
                JsonNode node = MAPPER.readTree(json);
                if (wellFormed(s)) {
                    assertThat(node.get(0).asText()).isEqualTo(s);
                }
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + json, e);
            }
        });
    }

    @Test
    void values_numbersBooleansArraysAndText() throws Exception {
        String json = new JsonWriter().beginObject()
                .name("int").any(42).name("decimal").any(new BigDecimal("1E+3")).name("double").any(1.5)
                .name("nan").any(Double.NaN).name("bool").any(true).name("date").any(LocalDate.of(1985, 12, 10))
                .name("list").any(List.of("a", 1)).name("array").any(new int[] {1, 2}).name("bytes").any(new byte[] {1})
                .name("empty").beginArray().endArray().name("none").nullValue()
                .endObject().toString();
        JsonNode node = MAPPER.readTree(json);
        assertThat(node.get("int").isInt()).isTrue();
        assertThat(node.get("decimal").asText()).isEqualTo("1000");
        assertThat(node.get("double").asDouble()).isEqualTo(1.5);
        assertThat(node.get("nan").asText()).isEqualTo("NaN");
        assertThat(node.get("bool").asBoolean()).isTrue();
        assertThat(node.get("date").asText()).isEqualTo("1985-12-10");
        assertThat(node.get("list")).hasSize(2);
        assertThat(node.get("array").get(1).asInt()).isEqualTo(2);
        assertThat(node.get("bytes").asText()).isEqualTo("AQ==");
        assertThat(node.get("empty")).isEmpty();
        assertThat(node.get("none").isNull()).isTrue();
        assertThat(json).contains("\n  \"int\": 42,");
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
}
