package org.privacykit.jackson.testsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.groups.Tuple.tuple;
import static org.privacykit.annotation.PersonalDataType.EMAIL;
import static org.privacykit.annotation.PersonalDataType.NAME;
import static org.privacykit.annotation.PersonalDataType.POSTAL_ADDRESS;
import static org.privacykit.jackson.testsuite.Json.at;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.junit.jupiter.api.Test;

import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.SubjectId;
import org.privacykit.audit.AuditAction;
import org.privacykit.audit.AuditEvent;
import org.privacykit.audit.InMemoryAuditSink;
import org.privacykit.jackson.testsuite.JacksonLine.Mapper;
import org.privacykit.mask.Maskers;

/** The masking mapper with a reveal: what each purpose shows, and the audit trail of each reveal. */
public abstract class RevealContract {
    private final InMemoryAuditSink audit = new InMemoryAuditSink();

    /**
     * The Jackson line under test.
     *
     * @return the line
     */
    protected abstract JacksonLine line();

    private Mapper mapper() {
        return line().masking(audit);
    }

    @Test
    void reveal_supportPurpose_showsWhatSupportMaySeeAndAuditsEachReveal() throws Exception {
        Object json = mapper().tree(mapper().reveal(Fixtures.ada(), "agent-17", "support"));

        assertThat(at(json, "fullName")).isEqualTo("Ada Lovelace");
        assertThat(at(json, "email")).isEqualTo("ada.lovelace@example.com");
        assertThat(at(json, "diagnosis")).isEqualTo("Type 1 diabetes");
        assertThat(at(json, "cardNumber")).isEqualTo("**** **** **** 1111"); // billing only
        assertThat(at(json, "apiToken")).isEqualTo(Maskers.REDACTED);       // no purpose reveals a secret

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
    void reveal_throughTheUtf8Generator_isTheSame() throws Exception {
        assertThat(mapper().revealBytes(Fixtures.ada(), "agent-17", "billing"))
                .isEqualTo(mapper().reveal(Fixtures.ada(), "agent-17", "billing"));
    }

    @Test
    void reveal_auditEvents_neverHoldTheValue() throws Exception {
        mapper().reveal(Fixtures.ada(), "agent-17", "support", "billing");

        assertThat(audit.events()).isNotEmpty().allSatisfy(e -> assertThat(e.toString())
                .doesNotContain("Ada Lovelace", "ada.lovelace", "4111", "diabetes"));
    }

    @Test
    void reveal_nestedObjectWithoutSubjectId_isAuditedWithTheEnclosingSubjectAndPath() throws Exception {
        mapper().reveal(Fixtures.ada(), null, "shipping");

        assertThat(audit.events(AuditAction.REVEAL)).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("Customer.orders[0].shippingAddress.street");
            assertThat(e.subjectId()).isEqualTo("c-1001");
            assertThat(e.purpose()).isEqualTo("shipping");
            assertThat(e.actor()).isNull();
        });
    }

    @Test
    void reveal_purposeCase_isIgnored() throws Exception {
        assertThat(at(mapper().tree(mapper().reveal(Fixtures.ada(), null, "SUPPORT")), "fullName")).isEqualTo("Ada Lovelace");
    }

    @Test
    void reveal_purposeOrActorBlankOnceTrimmed_isRefused() {
        // trim() drops every character up to U+0020, isBlank() only whitespace: "\u0001" must not become ""
        for (String blank : new String[] {"", " ", "\u0001", "\u0000\t\u001f"}) {
            assertThatIllegalArgumentException().isThrownBy(() -> mapper().reveal(Fixtures.ada(), null, blank))
                    .withMessageContaining("purpose");
            assertThatIllegalArgumentException().isThrownBy(() -> mapper().reveal(Fixtures.ada(), blank, "support"))
                    .withMessageContaining("actor");
        }
        assertThat(audit.events()).isEmpty();
    }

    @Test
    void reveal_unrelatedPurpose_revealsNothingAndAuditsNothing() throws Exception {
        assertThat(at(mapper().tree(mapper().reveal(Fixtures.ada(), null, "marketing")), "fullName")).isEqualTo("A. L.");
        assertThat(audit.events()).isEmpty();
    }

    @Test
    void reveal_nullValue_isNotAudited() throws Exception {
        mapper().reveal(Fixtures.empty("c-2"), null, "support");

        assertThat(audit.events()).isEmpty();
    }

    record Name(@PersonalData(value = NAME, purposes = "hr") String first) {
    }

    record Employee(@SubjectId String id, @JsonUnwrapped Name name,
                    @PersonalData(value = EMAIL, purposes = "hr") String email) {
    }

    @Test
    void reveal_unwrappedObject_keepsTheSubjectOfItsOwner() throws Exception {
        String json = mapper().reveal(new Employee("e-7", new Name("Grace"), "grace@navy.mil"), null, "hr");

        assertThat(json).isEqualTo("{\"id\":\"e-7\",\"first\":\"Grace\",\"email\":\"grace@navy.mil\"}");
        assertThat(audit.events()).extracting(AuditEvent::field, AuditEvent::subjectId)
                // the unwrapped object's own fields are named by their class: Jackson's context holds it then
                .containsExactly(tuple("Name.first", "e-7"), tuple("Employee.email", "e-7"));
    }

    record Household(@SubjectId("owner") String ownerId, @SubjectId("partner") String partnerId,
                     @PersonalData(value = POSTAL_ADDRESS, purposes = "shipping", subject = "partner") String partnerAddress) {
    }

    @Test
    void reveal_subjectRoles_auditTheFieldsOwnSubject() throws Exception {
        mapper().reveal(new Household("p-1", "p-2", "1 Main St, Springfield"), null, "shipping");

        assertThat(audit.events()).singleElement().extracting(AuditEvent::subjectId).isEqualTo("p-2");
    }
}
