package org.privacykit.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.privacykit.annotation.PersonalDataType.EMAIL;
import static org.privacykit.annotation.PersonalDataType.NAME;
import static org.privacykit.annotation.PersonalDataType.POSTAL_ADDRESS;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.SubjectId;
import org.privacykit.audit.AuditAction;
import org.privacykit.audit.AuditEvent;
import org.privacykit.audit.InMemoryAuditSink;
import org.privacykit.mask.Maskers;

class RevealTest {
    private final InMemoryAuditSink audit = new InMemoryAuditSink();
    private final ObjectMapper mapper = Fixtures.mapper(PrivacyModule.masking(audit));

    @Test
    void reveal_supportPurpose_showsWhatSupportMaySeeAndAuditsEachReveal() throws Exception {
        String json = Reveal.forPurposes("support").by("agent-17").writer(mapper).writeValueAsString(Fixtures.ada());
        JsonNode node = mapper.readTree(json);

        assertThat(node.get("fullName").asText()).isEqualTo("Ada Lovelace");
        assertThat(node.get("email").asText()).isEqualTo("ada.lovelace@example.com");
        assertThat(node.get("diagnosis").asText()).isEqualTo("Type 1 diabetes");
        assertThat(node.get("cardNumber").asText()).isEqualTo("**** **** **** 1111"); // billing only
        assertThat(node.get("apiToken").asText()).isEqualTo(Maskers.REDACTED);       // no purpose reveals a secret

        List<AuditEvent> events = audit.events(AuditAction.REVEAL);
        assertThat(events).extracting(AuditEvent::field)
                .containsExactly("Customer.fullName", "Customer.email", "Customer.diagnosis");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.subjectId()).isEqualTo("c-1001");
            assertThat(e.purpose()).isEqualTo("support");
            assertThat(e.actor()).isEqualTo("agent-17");
        });
        assertThat(events.get(2).detail()).isEqualTo("RESTRICTED");
    }

    @Test
    void reveal_auditEvents_neverHoldTheValue() throws Exception {
        Reveal.forPurposes("support", "billing").by("agent-17").writer(mapper).writeValueAsString(Fixtures.ada());

        assertThat(audit.events()).isNotEmpty().allSatisfy(e -> assertThat(e.toString())
                .doesNotContain("Ada Lovelace", "ada.lovelace", "4111", "diabetes"));
    }

    @Test
    void reveal_nestedObjectWithoutSubjectId_isAuditedWithTheEnclosingSubjectAndPath() throws Exception {
        Reveal.forPurposes("shipping").writer(mapper).writeValueAsString(Fixtures.ada());

        assertThat(audit.events(AuditAction.REVEAL)).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("Customer.orders[0].shippingAddress.street");
            assertThat(e.subjectId()).isEqualTo("c-1001");
            assertThat(e.purpose()).isEqualTo("shipping");
            assertThat(e.actor()).isNull();
        });
    }

    @Test
    void reveal_purposeCase_isIgnored() throws Exception {
        String json = Reveal.forPurposes("SUPPORT").writer(mapper).writeValueAsString(Fixtures.ada());

        assertThat(mapper.readTree(json).get("fullName").asText()).isEqualTo("Ada Lovelace");
    }

    @Test
    void reveal_unrelatedPurpose_revealsNothingAndAuditsNothing() throws Exception {
        String json = Reveal.forPurposes("marketing").writer(mapper).writeValueAsString(Fixtures.ada());

        assertThat(mapper.readTree(json).get("fullName").asText()).isEqualTo("A. L.");
        assertThat(audit.events()).isEmpty();
    }

    @Test
    void reveal_nullValue_isNotAudited() throws Exception {
        Fixtures.Customer empty = new Fixtures.Customer("c-2", null, null, null, null, null, null, null, null);

        Reveal.forPurposes("support").writer(mapper).writeValueAsString(empty);

        assertThat(audit.events()).isEmpty();
    }

    record Name(@PersonalData(value = NAME, purposes = "hr") String first) {
    }

    record Employee(@SubjectId String id, @JsonUnwrapped Name name,
                    @PersonalData(value = EMAIL, purposes = "hr") String email) {
    }

    @Test
    void reveal_unwrappedObject_keepsTheSubjectOfItsOwner() throws Exception {
        String json = Reveal.forPurposes("hr").writer(mapper).writeValueAsString(
                new Employee("e-7", new Name("Grace"), "grace@navy.mil"));

        assertThat(json).isEqualTo("{\"id\":\"e-7\",\"first\":\"Grace\",\"email\":\"grace@navy.mil\"}");
        assertThat(audit.events()).extracting(AuditEvent::field, AuditEvent::subjectId)
                // the unwrapped object's own fields are named by their class: Jackson's context holds it then
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Name.first", "e-7"),
                        org.assertj.core.groups.Tuple.tuple("Employee.email", "e-7"));
    }

    record Household(@SubjectId("owner") String ownerId, @SubjectId("partner") String partnerId,
                     @PersonalData(value = POSTAL_ADDRESS, purposes = "shipping", subject = "partner") String partnerAddress) {
    }

    @Test
    void reveal_subjectRoles_auditTheFieldsOwnSubject() throws Exception {
        Reveal.forPurposes("shipping").writer(mapper).writeValueAsString(new Household("p-1", "p-2", "1 Main St, Springfield"));

        assertThat(audit.events()).singleElement().extracting(AuditEvent::subjectId).isEqualTo("p-2");
    }

    @Test
    void forPurposes_blankOrNone_isRefused() {
        assertThatThrownBy(Reveal::forPurposes).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Reveal.forPurposes(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Reveal.forPurposes("support").by(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reveal_isImmutableAndPrintsPurposesAndActor() {
        Reveal support = Reveal.forPurposes("Support", "support");
        Reveal byAlice = support.by("alice");

        assertThat(support.actor()).isNull();
        assertThat(byAlice.purposes()).containsExactly("support");
        assertThat(byAlice).hasToString("Reveal[purposes=[support], actor=alice]");
    }
}
