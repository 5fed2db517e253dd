package org.privacykit.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.privacykit.consent.ConsentDecision.GRANTED;
import static org.privacykit.consent.ConsentDecision.OBJECTED;
import static org.privacykit.consent.ConsentDecision.RESTRICTED;
import static org.privacykit.consent.ConsentDecision.RESTRICTION_LIFTED;
import static org.privacykit.consent.ConsentDecision.WITHDRAWN;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.privacykit.audit.AuditAction;
import org.privacykit.audit.AuditEvent;
import org.privacykit.audit.InMemoryAuditSink;
import org.privacykit.consent.ConsentFixtures.Customer;

class PurposeCheckTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private final ConsentStore store = ConsentStore.inMemory();
    private final InMemoryAuditSink audit = new InMemoryAuditSink();
    private final PurposeCheck check = PurposeCheck.builder(store).auditSink(audit)
            .clock(Clock.fixed(T0, ZoneOffset.UTC)).actor("crm").build();

    private void decide(String purpose, ConsentDecision decision) {
        store.record(ConsentRecord.of("c-1", purpose, decision, T0, "2026-11", "test"));
    }

    private PurposeVerdict verdict(String property, String purpose) {
        try {
            return check.require(Processing.REVEAL, Customer.class, property, "c-1", purpose);
        } catch (PurposeRefusedException e) {
            return e.verdict();
        }
    }

    @Test
    void consentBasis_withoutConsent_refused() {
        assertThat(verdict("email", "marketing")).isEqualTo(PurposeVerdict.NO_CONSENT);
    }

    @Test
    void consentBasis_granted_allowed_withdrawn_refusedOnTheNextCall() {
        decide("marketing", GRANTED);
        assertThat(verdict("email", "marketing")).isEqualTo(PurposeVerdict.ALLOWED_BY_CONSENT);
        decide("marketing", WITHDRAWN);
        assertThat(verdict("email", "marketing")).isEqualTo(PurposeVerdict.CONSENT_WITHDRAWN);
        decide("marketing", GRANTED);
        assertThat(verdict("email", "MARKETING ")).isEqualTo(PurposeVerdict.ALLOWED_BY_CONSENT);
    }

    @Test
    void consentForOnePurpose_doesNotAllowAnother() {
        decide("marketing", GRANTED);
        assertThat(verdict("email", "support")).isEqualTo(PurposeVerdict.NO_CONSENT);
    }

    @Test
    void undeclaredPurpose_refusedWhateverTheConsent() {
        decide("billing", GRANTED);
        assertThat(verdict("email", "billing")).isEqualTo(PurposeVerdict.PURPOSE_NOT_DECLARED);
        assertThat(verdict("address", "marketing")).isEqualTo(PurposeVerdict.PURPOSE_NOT_DECLARED);
    }

    @Test
    void noBasisDeclared_needsConsent() {
        assertThat(verdict("birthDate", "analytics")).isEqualTo(PurposeVerdict.NO_CONSENT);
        decide("analytics", GRANTED);
        assertThat(verdict("birthDate", "analytics")).isEqualTo(PurposeVerdict.ALLOWED_BY_CONSENT);
    }

    @Test
    void contractBasis_allowedWithoutConsent_andDespiteObjection() {
        assertThat(verdict("address", "shipping")).isEqualTo(PurposeVerdict.ALLOWED_BY_DECLARED_BASIS);
        decide("shipping", OBJECTED);
        assertThat(verdict("address", "shipping")).isEqualTo(PurposeVerdict.ALLOWED_BY_DECLARED_BASIS);
    }

    @Test
    void legitimateInterests_allowedUntilObjection_thenConsentLiftsIt() {
        assertThat(verdict("phone", "fraud")).isEqualTo(PurposeVerdict.ALLOWED_BY_DECLARED_BASIS);
        decide(ConsentRecord.ALL_PURPOSES, OBJECTED);
        assertThat(verdict("phone", "fraud")).isEqualTo(PurposeVerdict.OBJECTED);
        assertThat(verdict("phone", "marketing")).isEqualTo(PurposeVerdict.OBJECTED);
        decide("fraud", GRANTED);
        assertThat(verdict("phone", "fraud")).isEqualTo(PurposeVerdict.ALLOWED_BY_DECLARED_BASIS);
        assertThat(verdict("phone", "marketing")).isEqualTo(PurposeVerdict.OBJECTED);
    }

    @Test
    void objectionToAConsentPurpose_refusesItAsObjected() {
        decide("marketing", GRANTED);
        decide("marketing", OBJECTED);
        assertThat(verdict("email", "marketing")).isEqualTo(PurposeVerdict.OBJECTED);
    }

    @Test
    void withdrawalOfAll_endsEveryConsent() {
        decide("marketing", GRANTED);
        decide("support", GRANTED);
        decide(ConsentRecord.ALL_PURPOSES, WITHDRAWN);
        assertThat(verdict("email", "marketing")).isEqualTo(PurposeVerdict.CONSENT_WITHDRAWN);
        assertThat(verdict("email", "support")).isEqualTo(PurposeVerdict.CONSENT_WITHDRAWN);
    }

    @Test
    void restriction_refusesEveryBasis_untilLifted() {
        decide("marketing", GRANTED);
        decide(ConsentRecord.ALL_PURPOSES, RESTRICTED);
        assertThat(verdict("email", "marketing")).isEqualTo(PurposeVerdict.RESTRICTED);
        assertThat(verdict("address", "shipping")).isEqualTo(PurposeVerdict.RESTRICTED);
        assertThat(verdict("phone", "fraud")).isEqualTo(PurposeVerdict.RESTRICTED);
        decide(ConsentRecord.ALL_PURPOSES, RESTRICTION_LIFTED);
        assertThat(verdict("email", "marketing")).isEqualTo(PurposeVerdict.ALLOWED_BY_CONSENT);
        assertThat(verdict("address", "shipping")).isEqualTo(PurposeVerdict.ALLOWED_BY_DECLARED_BASIS);
    }

    @Test
    void unknownSubject_refused() {
        assertThatThrownBy(() -> check.require(Processing.EXPORT, Customer.class, "address", null, "shipping"))
                .isInstanceOf(PurposeRefusedException.class)
                .extracting(e -> ((PurposeRefusedException) e).verdict()).isEqualTo(PurposeVerdict.SUBJECT_UNKNOWN);
    }

    @Test
    void refusal_isADistinctException_andAnAuditEvent_withoutValues() {
        assertThatThrownBy(() -> check.require(Processing.PSEUDONYMIZE, Customer.class, "email", "c-1", "Marketing"))
                .isInstanceOf(PurposeRefusedException.class)
                .hasMessage("Customer.email: PSEUDONYMIZE for purpose 'marketing' refused:"
                        + " the basis is consent and the subject has not consented to the purpose")
                .satisfies(e -> {
                    PurposeRefusedException r = (PurposeRefusedException) e;
                    assertThat(r.field()).isEqualTo("Customer.email");
                    assertThat(r.processing()).isEqualTo(Processing.PSEUDONYMIZE);
                    assertThat(r.purpose()).isEqualTo("marketing");
                });
        assertThat(audit.events(AuditAction.PROCESSING_REFUSED)).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("Customer.email");
            assertThat(e.subjectId()).isEqualTo("c-1");
            assertThat(e.purpose()).isEqualTo("marketing");
            assertThat(e.actor()).isEqualTo("crm");
            assertThat(e.detail()).isEqualTo("PSEUDONYMIZE NO_CONSENT");
            assertThat(e.time()).isEqualTo(T0);
        });
    }

    @Test
    void allowed_recordsNothing_evaluateNeverRecords() {
        decide("marketing", GRANTED);
        check.require(Processing.REVEAL, Customer.class, "email", "c-1", "marketing");
        assertThat(check.evaluate(org.privacykit.metadata.PrivacyMetadata.of(Customer.class).property("email"), "c-1",
                "support")).isEqualTo(PurposeVerdict.NO_CONSENT);
        assertThat(audit.events()).isEmpty();
    }

    @Test
    void by_namesAnotherActor() {
        assertThatThrownBy(() -> check.by("job-42").require(Processing.READ, Customer.class, "email", "c-1", "support"))
                .isInstanceOf(PurposeRefusedException.class);
        assertThat(audit.events()).extracting(AuditEvent::actor).containsExactly("job-42");
    }

    @Test
    void unprotectedOrMissingProperty_isAnIllegalArgument() {
        assertThatThrownBy(() -> check.require(Processing.READ, Customer.class, "id", "c-1", "support"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Customer.id is not protected");
        assertThatThrownBy(() -> check.require(Processing.READ, Customer.class, "nope", "c-1", "support"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no property 'nope'");
        assertThatThrownBy(() -> check.require(Processing.READ, Customer.class, "email", "c-1", " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("purpose must not be blank");
    }
}
