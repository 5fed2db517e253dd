package org.privacykit.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.privacykit.annotation.EncryptionMode.DETERMINISTIC;
import static org.privacykit.annotation.PersonalDataType.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.LegalBasis;
import org.privacykit.annotation.Operator;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.Sensitive;
import org.privacykit.annotation.SubjectId;
import org.privacykit.anonymize.Anonymizer;
import org.privacykit.audit.AuditAction;
import org.privacykit.audit.AuditEvent;
import org.privacykit.audit.InMemoryAuditSink;
import org.privacykit.mask.Maskers;
import org.privacykit.spi.CryptoShredder;

class SubjectRightsTest {
    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T10:15:30Z"), ZoneOffset.UTC);

    record Address(@PersonalData(value = POSTCODE, purposes = "shipping", retention = "P2Y") String postcode,
                   String city) {
    }

    record Order(String orderId, Address shippingAddress) {
    }

    record Customer(@SubjectId String id,
                    @PersonalData(value = NAME, purposes = {"support", "billing"}, legalBasis = LegalBasis.CONTRACT,
                            retention = "P6Y") String fullName,
                    @PersonalData(value = EMAIL, purposes = "billing") @Encrypted(mode = DETERMINISTIC) String email,
                    @PersonalData(HEALTH) String diagnosis,
                    @PersonalData(value = DATE_OF_BIRTH, retention = "P10Y") LocalDate birthDate,
                    @Sensitive String apiToken,
                    List<Order> orders) {
    }

    record Ticket(String ticketId, @SubjectId String customerId,
                  @PersonalData(value = FREE_TEXT, purposes = "support") String message) {
    }

    static Customer ada() {
        return new Customer("c-1", "Ada \"Countess\" Lovelace", "ada@example.com", "Type 1\ndiabetes",
                LocalDate.of(1985, 12, 10), "sk_live", List.of(new Order("o-1", new Address("SW1Y 4JH", "London"))));
    }

    static Customer alan() {
        return new Customer("c-2", "Alan Turing", "alan@example.org", "Asthma", LocalDate.of(1992, 6, 23), "sk_2",
                List.of());
    }

    private final InMemoryAuditSink audit = new InMemoryAuditSink();
    private final SubjectRights rights = SubjectRights.builder(Anonymizer.withKey(KEY)).auditSink(audit).clock(CLOCK)
            .actor("dpo").build();

    @Test
    void export_listsEveryPersonalFieldOfTheSubjectWithItsDeclaration() throws Exception {
        List<Object> data = List.of(ada(), alan(), new Ticket("t-1", "c-1", "my card 4111 was charged \u2028 twice"),
                new Ticket("t-2", "c-2", "hello"));
        AccessExport export = rights.export("c-1", data);

        assertThat(export.fields()).extracting(AccessExport.Field::path).containsExactly("Customer.fullName",
                "Customer.email", "Customer.diagnosis", "Customer.birthDate", "Customer.orders[0].shippingAddress.postcode",
                "Ticket.message");
        assertThat(export.toString()).doesNotContain("Ada").doesNotContain("c-1");

        JsonNode json = new ObjectMapper().readTree(export.toJson());
        assertThat(json.get("subjectId").asText()).isEqualTo("c-1");
        assertThat(json.get("generatedAt").asText()).isEqualTo("2026-11-29T10:15:30Z");
        assertThat(json.get("fieldCount").asInt()).isEqualTo(6);
        JsonNode name = json.get("fields").get(0);
        assertThat(name.get("type").asText()).isEqualTo("NAME");
        assertThat(name.get("category").asText()).isEqualTo("IDENTITY");
        assertThat(name.get("categoryLabel").asText()).isEqualTo("Identity data");
        assertThat(name.get("sensitivity").asText()).isEqualTo("CONFIDENTIAL");
        assertThat(name.get("purposes").toString()).isEqualTo("[\"billing\",\"support\"]");
        assertThat(name.get("legalBasis").asText()).isEqualTo("CONTRACT");
        assertThat(name.get("retention").asText()).isEqualTo("P6Y");
        assertThat(name.get("value").asText()).isEqualTo("Ada \"Countess\" Lovelace");
        assertThat(json.get("fields").get(1).get("legalBasis").isNull()).isTrue();
        assertThat(json.get("fields").get(2).get("value").asText()).isEqualTo("Type 1\ndiabetes");
        assertThat(json.get("fields").get(2).get("category").asText()).isEqualTo("HEALTH");
        assertThat(json.get("fields").get(3).get("value").asText()).isEqualTo("1985-12-10");
        assertThat(json.get("fields").get(5).get("value").asText()).contains("\u2028");
        assertThat(export.toJson()).doesNotContain("sk_live").doesNotContain("Alan");

        AuditEvent event = audit.events(AuditAction.EXPORT).get(0);
        assertThat(event.subjectId()).isEqualTo("c-1");
        assertThat(event.actor()).isEqualTo("dpo");
        assertThat(event.detail()).isEqualTo("6 personal-data fields in 4 objects").doesNotContain("Ada");
    }

    @Test
    void export_unknownSubject_isEmptyButAudited() {
        AccessExport export = rights.export("nobody", List.of(ada()));
        assertThat(export.fields()).isEmpty();
        assertThat(export.toJson()).contains("\"fields\": []");
        assertThat(audit.events(AuditAction.EXPORT)).hasSize(1);
        assertThatThrownBy(() -> rights.export(" ", List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void erase_anonymizesOnlyTheSubjectsPersonalData_andAudits() {
        List<Object> data = List.of(ada(), alan(), new Ticket("t-1", "c-1", "call me"));
        Erasure<Object> erasure = rights.erase("c-1", data);

        Customer ada = (Customer) erasure.objects().get(0);
        assertThat(ada.id()).isEqualTo("c-1");
        assertThat(ada.fullName()).isEqualTo(Maskers.REDACTED);
        assertThat(ada.email()).isEqualTo(Maskers.REDACTED);
        assertThat(ada.diagnosis()).isEqualTo(Maskers.REDACTED);
        assertThat(ada.birthDate()).isNull();
        assertThat(ada.apiToken()).as("the subject's secrets go with it").isEqualTo(Maskers.REDACTED);
        assertThat(ada.orders().get(0).shippingAddress().postcode()).isEqualTo(Maskers.REDACTED);
        assertThat(ada.orders().get(0).shippingAddress().city()).isEqualTo("London");
        assertThat(erasure.objects().get(1)).isEqualTo(alan());
        assertThat(((Ticket) erasure.objects().get(2)).message()).isEqualTo(Maskers.REDACTED);
        assertThat(erasure.fieldsErased()).isEqualTo(7);
        assertThat(erasure.cryptoShredded()).isFalse();
        assertThat(data.get(0)).isEqualTo(ada());

        AuditEvent event = audit.events(AuditAction.ERASE).get(0);
        assertThat(event.subjectId()).isEqualTo("c-1");
        assertThat(event.detail()).isEqualTo("7 protected values erased (REDACT) in 3 objects");
    }

    @Test
    void erase_withACryptoShredder_forgetsTheSubjectsKeys() {
        Set<String> forgotten = new HashSet<>();
        CryptoShredder shredder = new CryptoShredder() {
            @Override
            public void forget(String subjectId) {
                forgotten.add(subjectId);
            }

            @Override
            public boolean isForgotten(String subjectId) {
                return forgotten.contains(subjectId);
            }
        };
        SubjectRights shredding = SubjectRights.builder(Anonymizer.withKey(KEY)).auditSink(audit).clock(CLOCK)
                .cryptoShredder(shredder).erasureOperator(Operator.SUPPRESS).build();
        Erasure<Customer> erasure = shredding.erase("c-1", List.of(ada()));
        assertThat(forgotten).containsExactly("c-1");
        assertThat(erasure.cryptoShredded()).isTrue();
        assertThat(erasure.objects().get(0).fullName()).isNull();
        assertThat(audit.events(AuditAction.ERASE).get(0).detail()).startsWith("crypto-shredded; 6 protected values");
        assertThat(erasure.toString()).contains("crypto-shredded");
        assertThatThrownBy(() -> SubjectRights.builder(Anonymizer.withKey(KEY)).erasureOperator(Operator.KEEP))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
