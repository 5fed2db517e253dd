package org.privacykit.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.privacykit.mask.Maskers;
import org.privacykit.pseudonym.Pseudonymizer;

class PseudonymizingPropertyWriterTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final Pseudonymizer pseudonymizer = Pseudonymizer.hmacSha256(KEY);
    private final ObjectMapper export = Fixtures.mapper(PrivacyModule.pseudonymizing(pseudonymizer));

    @Test
    void write_personalData_becomesTheFieldsPseudonym_othersClear() throws Exception {
        JsonNode json = export.readTree(export.writeValueAsString(Fixtures.ada()));

        assertThat(json.get("fullName").asText()).isEqualTo(pseudonymizer.pseudonymize("Customer.fullName", "Ada Lovelace"));
        assertThat(json.get("email").asText()).isEqualTo(pseudonymizer.pseudonymize("Customer.email", "ada.lovelace@example.com"));
        assertThat(json.get("birthDate").asText()).isEqualTo(pseudonymizer.pseudonymize("Customer.birthDate", "1985-12-10"));
        assertThat(json.get("plan").asText()).isEqualTo("gold");
        assertThat(json.get("orders").get(0).get("total").decimalValue()).isEqualByComparingTo("42.50");
        assertThat(json.get("orders").get(0).get("shippingAddress").get("city").asText()).isEqualTo("London");
    }

    @Test
    void write_sameValueTwice_givesTheSameToken_otherFieldOrKeyDoesNot() throws Exception {
        JsonNode first = export.readTree(export.writeValueAsString(Fixtures.ada()));
        JsonNode second = export.readTree(export.writeValueAsString(Fixtures.ada()));
        ObjectMapper otherKey = Fixtures.mapper(PrivacyModule.pseudonymizing(Pseudonymizer.hmacSha256(new byte[32])));
        JsonNode third = otherKey.readTree(otherKey.writeValueAsString(Fixtures.ada()));

        assertThat(first.get("email")).isEqualTo(second.get("email"));
        assertThat(third.get("email")).isNotEqualTo(first.get("email"));
    }

    @Test
    void write_subjectIds_sharePseudonymsAcrossClasses_secretsAreRedacted() throws Exception {
        JsonNode json = export.readTree(export.writeValueAsString(Fixtures.ada()));

        assertThat(json.get("id").asText()).isEqualTo(pseudonymizer.pseudonymize("SubjectId", "c-1001"));
        assertThat(json.get("apiToken").asText()).isEqualTo(Maskers.REDACTED);
        assertThat(export.writeValueAsString(Fixtures.ada())).doesNotContain("Ada", "ada.lovelace", "c-1001", "4111", "sk_live");
    }

    @Test
    void write_listElements_arePseudonymizedOneByOne() throws Exception {
        JsonNode json = export.readTree(export.writeValueAsString(new Fixtures.Contact(java.util.List.of("+1 555 0100", "+1 555 0100"))));

        assertThat(json.get("phones").get(0)).isEqualTo(json.get("phones").get(1));
        assertThat(json.get("phones").get(0).asText()).startsWith("tok_");
    }
}
