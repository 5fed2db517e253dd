package org.privacykit.logback;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.slf4j.MarkerFactory;

class PrivacyJsonEncoderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Logs json(String settings) {
        return Logs.withEncoder("<encoder class=\"org.privacykit.logback.PrivacyJsonEncoder\">" + settings + "</encoder>");
    }

    private static JsonNode line(Logs logs, int index) throws Exception {
        return JSON.readTree(logs.lines().get(index));
    }

    @Test
    void eventWithoutException_isOneLineOfJson_withEveryOtherField() throws Exception {
        try (Logs logs = json("")) {
            MDC.put("requestId", "r-7");
            try {
                logs.logger("shop.Orders").atWarn().addMarker(MarkerFactory.getMarker("AUDIT"))
                        .addKeyValue("orderId", "o-1").addKeyValue("amount", 42).addKeyValue("total",
                                new BigDecimal("42.50")).addKeyValue("gift", true).addKeyValue("note", (Object) null)
                        .log("order {} paid", "o-1");
            } finally {
                MDC.clear();
            }
            assertThat(logs.output()).endsWith("}\n").hasLineCount(1);
            JsonNode line = line(logs, 0);
            assertThat(line.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
            assertThat(line.get("level").asText()).isEqualTo("WARN");
            assertThat(line.get("thread").asText()).isEqualTo(Thread.currentThread().getName());
            assertThat(line.get("logger").asText()).isEqualTo("shop.Orders");
            assertThat(line.get("message").asText()).isEqualTo("order o-1 paid");
            assertThat(line.get("mdc").toString()).isEqualTo("{\"requestId\":\"r-7\"}");
            assertThat(logs.output())
                    .contains("\"kv\":{\"orderId\":\"o-1\",\"amount\":42,\"total\":42.50,\"gift\":true,\"note\":null}");
            assertThat(line.get("markers").toString()).isEqualTo("[\"AUDIT\"]");
            assertThat(line.has("exception")).isFalse();
        }
    }

    @Test
    void annotatedArguments_andPiiInEveryField_areMasked() throws Exception {
        try (Logs logs = json("")) {
            MDC.put("contact", "ada.lovelace@example.com");
            try {
                logs.logger("shop").atError().addKeyValue("customer", Fixtures.ada())
                        .addKeyValue("card", "4111 1111 1111 1111").addKeyValue("pan", 4111111111111111L)
                        .setCause(new IllegalStateException("declined: GB82 WEST 1234 5698 7654 32"))
                        .log("charge for {} from ada.lovelace@example.com failed", Fixtures.ada());
            } finally {
                MDC.clear();
            }
            String raw = logs.output();
            assertThat(raw).doesNotContain("Lovelace").doesNotContain("ada.lovelace").doesNotContain("4111 1111")
                    .doesNotContain("diabetes").doesNotContain("sk_live").doesNotContain("WEST 1234").doesNotContain("4111111111111111");
            JsonNode line = line(logs, 0);
            assertThat(line.get("message").asText()).startsWith("charge for Customer[id=c-1001, fullName=A. L.,")
                    .endsWith(" from a***@example.com failed");
            assertThat(line.get("mdc").get("contact").asText()).isEqualTo("a***@example.com");
            assertThat(line.get("kv").get("customer").asText()).contains("email=a***@example.com");
            assertThat(line.get("kv").get("card").asText()).isEqualTo("**** **** **** 1111");
            assertThat(line.get("kv").get("pan").asText()).as("a number holding PII is written masked")
                    .isEqualTo("************1111");
            JsonNode exception = line.get("exception");
            assertThat(exception.get("class").asText()).isEqualTo("java.lang.IllegalStateException");
            assertThat(exception.get("message").asText()).isEqualTo("declined: GB** **** **** **** **54 32");
            assertThat(exception.get("stackTrace").asText())
                    .startsWith("java.lang.IllegalStateException: declined: GB** **** **** **** **54 32")
                    .contains("\tat org.privacykit.logback.PrivacyJsonEncoderTest");
        }
    }

    @Test
    void configuredKeys_maskMdcKeyValuesAndJsonHeldInValues() throws Exception {
        try (Logs logs = json("<maskKeys>password, authorization</maskKeys><maskKey>email:EMAIL</maskKey>")) {
            MDC.put("Authorization", "Bearer eyJhbGciOi");
            try {
                logs.logger("http").atInfo().addKeyValue("password", "hunter2")
                        .addKeyValue("body", "{\"email\":\"alan@example.org\",\"password\":\"x\",\"items\":[1,2]}")
                        .log("request {}", "{\"user\":{\"email\":\"ada.lovelace@example.com\",\"password\":\"y\"}}");
            } finally {
                MDC.clear();
            }
            JsonNode line = line(logs, 0);
            assertThat(line.get("mdc").get("Authorization").asText()).isEqualTo("****");
            assertThat(line.get("kv").get("password").asText()).isEqualTo("****");
            assertThat(line.get("kv").get("body").asText())
                    .isEqualTo("{\"email\":\"a***@example.org\",\"password\":\"****\",\"items\":[1,2]}");
            assertThat(line.get("message").asText())
                    .isEqualTo("request {\"user\":{\"email\":\"a***@example.com\",\"password\":\"****\"}}");
            assertThat(logs.output()).doesNotContain("hunter2").doesNotContain("eyJhbGciOi");
        }
    }

    @Test
    void includeSwitches_leaveFieldsOut() throws Exception {
        try (Logs logs = json("<includeThreadName>false</includeThreadName><includeMdc>false</includeMdc>"
                + "<includeKeyValuePairs>false</includeKeyValuePairs><includeMarkers>false</includeMarkers>"
                + "<includeStackTrace>false</includeStackTrace>")) {
            MDC.put("a", "b");
            try {
                logs.logger("x").atInfo().addKeyValue("k", "v").addMarker(MarkerFactory.getMarker("M"))
                        .setCause(new IllegalStateException("boom")).log("m");
            } finally {
                MDC.clear();
            }
            JsonNode line = line(logs, 0);
            assertThat(line.fieldNames()).toIterable().containsExactly("timestamp", "level", "logger", "message",
                    "exception");
            assertThat(line.get("exception").fieldNames()).toIterable().containsExactly("class", "message");
        }
    }

    @Test
    void unrenderableArgument_isRedacted_andTheLineStaysValidJson() throws Exception {
        try (Logs logs = json("")) {
            logs.logger("x").atInfo().addKeyValue("proxy", new Fixtures.Broken()).log("loaded {}", new Fixtures.Broken());
            JsonNode line = line(logs, 0);
            assertThat(line.get("message").asText()).isEqualTo("loaded [REDACTED]");
            assertThat(line.get("kv").get("proxy").asText()).isEqualTo("[REDACTED]");
            assertThat(logs.problems()).singleElement().asString().contains("Fixtures$Broken")
                    .doesNotContain("ada.lovelace");
        }
    }

    @Test
    void controlCharactersAndQuotes_areEscaped() throws Exception {
        try (Logs logs = json("")) {
            logs.logger("x\"y").info("line\nbreak \"quoted\" \u0001 tab\t\u2028");
            JsonNode line = line(logs, 0);
            assertThat(line.get("message").asText()).isEqualTo("line\nbreak \"quoted\" \u0001 tab\t\u2028");
            assertThat(line.get("logger").asText()).isEqualTo("x\"y");
        }
    }

    @Test
    void unpairedSurrogates_becomeReplacementCharacters() throws Exception {
        try (Logs logs = json("")) {
            logs.logger("x").atInfo().addKeyValue("k\uD800", "v\uDC00").log("a\uD83Dz \uD83D\uDE00");
            JsonNode line = line(logs, 0);
            assertThat(line.get("message").asText()).isEqualTo("a\uFFFDz \uD83D\uDE00");
            assertThat(line.get("kv").get("k\uFFFD").asText()).isEqualTo("v\uFFFD");
            assertThat(logs.problems()).isEmpty();
        }
    }
}
