package org.privacykit.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
}
