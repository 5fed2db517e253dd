package org.privacykit.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import org.privacykit.mask.Maskers;

/**
 * Any input either masks to one well-formed JSON value in which every value under a masked key is
 * masked, or fails with a {@link MalformedJsonException} that does not quote the input; the scanner
 * and the Jackson reference agree on every input; and the three forms (bytes, a stream read in
 * chunks, a String) give the same result. Without {@code JAZZER_FUZZ=1} only the seeds in
 * {@code JsonMaskerFuzzTestInputs} run; with it, Jazzer explores for the given duration.
 */
class JsonMaskerFuzzTest {
    private static final JsonMasker PLAIN = JsonMasker.builder()
            .maskKeys("secret", "token").maskKey("email", Maskers.email()).maskPath("$.p[*].q").build();
    private static final JsonMasker TYPED = JsonMasker.builder()
            .maskKeys("secret", "token").maskKey("email", Maskers.email()).maskPath("$.p[*].q").keepValueTypes(true).build();
    private static final JsonFactory STRICT = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(5000).build()).build();

    @FuzzTest(maxDuration = "60s")
    void mask_anyInput_givesValidMaskedJsonOrAClearError(FuzzedDataProvider data) throws IOException {
        boolean keepTypes = data.consumeBoolean();
        String input = data.consumeRemainingAsString();
        String out;
        try {
            out = (keepTypes ? TYPED : PLAIN).mask(input);
        } catch (MalformedJsonException e) {
            assertThat(e.getMessage()).startsWith("malformed JSON");
            if (input.trim().length() >= 12) {
                assertThat(e.getMessage()).doesNotContain(input.trim());
            }
            return;
        }
        try (JsonParser p = STRICT.createParser(out.startsWith("\uFEFF") ? out.substring(1) : out)) {
            assertThat(p.nextToken()).isNotNull();
            checkValue(p, false, false, keepTypes, 0);
            assertThat(p.nextToken()).as("one JSON value").isNull();
        }
    }

    @FuzzTest(maxDuration = "60s")
    void scannerAndJackson_agreeOnAnyInput(FuzzedDataProvider data) {
        int which = data.consumeInt(0, JsonMaskerDifferentialTest.MASKERS.size() - 1);
        JsonMasker masker = JsonMaskerDifferentialTest.MASKERS.get(which);
        int chunk = data.consumeInt(1, 64);
        byte[] input = data.consumeRemainingAsBytes();

        String bytes = JsonMaskerDifferentialTest.exactOutcome(() -> masker.mask(input));
        assertThat(JsonMaskerDifferentialTest.outcome(() -> masker.mask(input)))
                .isEqualTo(JsonMaskerDifferentialTest.expectedOnBytes(which, input));
        assertThat(JsonMaskerDifferentialTest.exactOutcome(() -> JsonMaskerDifferentialTest.stream(masker, input, chunk)))
                .isEqualTo(bytes);
        String text = new String(input, StandardCharsets.UTF_8);
        if (Arrays.equals(text.getBytes(StandardCharsets.UTF_8), input)
                && InputEncoding.detect(input, Math.min(input.length, 4)) == InputEncoding.UTF_8) { // the String is the same text
            assertThat(JsonMaskerDifferentialTest.exactOutcome(() -> masker.mask(text))).isEqualTo(bytes);
        }
    }

    /**
     * Walks one value of the output. {@code masked}: a masked key is above it. {@code emailKey}: its
     * key is "email" (masked with the e-mail mask, so only its type is checked). {@code path}: where
     * it stands for the rule "$.p[*].q": 0 the root, 1 the value of root.p, 2 an element of it, -1
     * anywhere else.
     */
    private static void checkValue(JsonParser p, boolean masked, boolean emailKey, boolean keepTypes, int path)
            throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName().toLowerCase(Locale.ROOT);
                p.nextToken();
                boolean keyMasked = key.equals("secret") || key.equals("token") || (path == 2 && key.equals("q"));
                checkValue(p, masked || keyMasked, !masked && !keyMasked && key.equals("email"), keepTypes,
                        path == 0 && key.equals("p") ? 1 : -1);
            }
        } else if (t == JsonToken.START_ARRAY) {
            while (p.nextToken() != JsonToken.END_ARRAY) {
                checkValue(p, masked, emailKey, keepTypes, path == 1 ? 2 : -1);
            }
        } else if (masked && t != JsonToken.VALUE_NULL) {
            boolean ok = (t == JsonToken.VALUE_STRING && p.getText().equals("****"))
                    || (keepTypes && (t == JsonToken.VALUE_NUMBER_INT && p.getIntValue() == 0 || t == JsonToken.VALUE_FALSE));
            assertThat(ok).as("a masked value leaked: %s", t).isTrue();
        } else if (emailKey && t != JsonToken.VALUE_NULL && !(keepTypes && t != JsonToken.VALUE_STRING)) {
            assertThat(t).isEqualTo(JsonToken.VALUE_STRING);
        }
    }
}
