package org.privacykit.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Constant memory for any input: a stream holding a single token of 200 MB (a key, a clear value,
 * a fully masked value, a value whose masker reads it, escaped or not, a value inside a masked
 * array, a number) is masked in a child JVM whose heap is 64 MB, so a token held whole would fail
 * with {@code OutOfMemoryError}. Limits reject while reading; values of any length stream through.
 */
class JsonMaskerMemoryTest {
    private static final String HEAP = "-Xmx64m";
    private static final long SIZE = 200L * 1024 * 1024;

    private static String run(String kind) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, HEAP, "-cp", System.getProperty("java.class.path"),
                HugeTokens.class.getName(), kind, Long.toString(SIZE)));
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).doesNotContain("OutOfMemoryError");
        long heap = Long.parseLong(output.substring(output.indexOf("heap ") + 5).trim());
        assertThat(heap).as("the child's heap").isLessThanOrEqualTo(64L * 1024 * 1024);
        return output;
    }

    @Test
    void hugeKey_isRejectedAtTheKeyLimit_whileReading() throws Exception {
        assertThat(run("key")).startsWith("rejected malformed JSON at line 1, column 2: the document exceeds a limit"
                + " (a key longer than 50000 characters)");
    }

    @Test
    void hugeClearValue_streamsThrough() throws Exception {
        assertThat(run("clear")).startsWith("ok " + (SIZE + 11) + " {\"note\":\"xxxx").contains("xxxx\"}");
    }

    @Test
    void hugeFullyMaskedValue_streamsThrough() throws Exception {
        assertThat(run("full")).startsWith("ok 19 {\"password\":\"****\"}");
    }

    @Test
    void hugeValue_ofAMaskerThatReadsIt_isMaskedFully_withoutBeingHeld() throws Exception {
        assertThat(run("email")).startsWith("ok 16 {\"email\":\"****\"}");
        assertThat(run("escaped")).startsWith("ok 16 {\"email\":\"****\"}");
    }

    @Test
    void hugeValue_insideAMaskedArray_streamsThrough() throws Exception {
        assertThat(run("inherited")).startsWith("ok 33 {\"secret\":[\"****\",\"****\",\"****\"]}");
    }

    @Test
    void hugeNumber_isRejectedAtTheNumberLimit_whileReading() throws Exception {
        assertThat(run("number")).startsWith("rejected malformed JSON at line 1, column 2: the document exceeds a limit"
                + " (a number longer than 1000 characters)");
    }
}
