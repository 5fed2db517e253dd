package org.privacykit.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/**
 * Any line either reads as one JSON object, as Jackson agrees, or is refused with a message that
 * names a column and never quotes the line; nothing else escapes the reader.
 */
class JsonLinesFuzzTest {
    private static final ObjectMapper JACKSON = new ObjectMapper();

    @FuzzTest(maxDuration = "60s")
    void read_anyLine_readsOrIsRefusedClearly(FuzzedDataProvider data) {
        String line = data.consumeRemainingAsString();
        List<String> leaves = new ArrayList<>();
        try {
            JsonLines.read(line, (path, value) -> leaves.add(path));
        } catch (JsonLines.MalformedRecordException e) {
            assertThat(e.getMessage()).startsWith("column ");
            if (line.strip().length() >= 12) {
                assertThat(e.getMessage()).doesNotContain(line.strip());
            }
            return;
        }
        JsonNode node;
        try {
            node = JACKSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("JsonLines read a line Jackson refuses", e);
        }
        assertThat(node.isObject()).isTrue();
    }

    @Test
    void escapes_takeAsciiHexDigitsOnly() {
        // found by fuzzing: Character.digit accepts U+06F8 (Extended Arabic-Indic eight), JSON does not
        for (String line : List.of("{\"a\":\"\\u0\u06f800\"}", "{\"a\":\"\\u\uff10\uff10\uff10\uff10\"}")) {
            assertThatThrownBy(() -> JsonLines.read(line, (path, value) -> { }))
                    .isInstanceOf(JsonLines.MalformedRecordException.class)
                    .hasMessageContaining("malformed \\u escape");
        }
        List<String> values = new ArrayList<>();
        JsonLines.read("{\"a\":\"\\u00e9\\u00C9\"}", (path, value) -> values.add(value));
        assertThat(values).containsExactly("\u00e9\u00c9");
    }
}
