package org.privacykit.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.privacykit.annotation.LegalBasis.CONSENT;
import static org.privacykit.annotation.LegalBasis.CONTRACT;
import static org.privacykit.annotation.LegalBasis.LEGITIMATE_INTERESTS;
import static org.privacykit.annotation.PersonalDataType.EMAIL;
import static org.privacykit.annotation.PersonalDataType.PHONE;
import static org.privacykit.annotation.PersonalDataType.POSTAL_ADDRESS;
import static org.privacykit.consent.ConsentDecision.GRANTED;
import static org.privacykit.consent.ConsentDecision.WITHDRAWN;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.SubjectId;
import org.privacykit.anonymize.Anonymizer;
import org.privacykit.audit.AuditAction;
import org.privacykit.audit.InMemoryAuditSink;
import org.privacykit.consent.ConsentRecord;
import org.privacykit.consent.ConsentStore;
import org.privacykit.consent.JdbcConsentStore;
import org.privacykit.consent.Processing;
import org.privacykit.consent.PurposeCheck;
import org.privacykit.consent.PurposeRefusedException;
import org.privacykit.mask.Masked;
import org.privacykit.rights.SubjectRights;

/** The snippets of privacy-core/README-consent.md, run: each region is what the README shows. */
class ConsentReadmeTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();

    // snippet-start declare
    record Customer(
            @SubjectId String id,
            @PersonalData(value = EMAIL, purposes = {"newsletter", "support"}, legalBasis = CONSENT) String email,
            @PersonalData(value = POSTAL_ADDRESS, purposes = "shipping", legalBasis = CONTRACT) String address,
            @PersonalData(value = PHONE, purposes = "fraud", legalBasis = LEGITIMATE_INTERESTS) String phone) {
        @Override
        public String toString() {
            return Masked.toString(this);
        }
    }
    // snippet-end declare

    static DataSource database() {
        return new org.privacykit.consent.UrlDataSource("jdbc:h2:mem:readme_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    private static void consentSnippet() {
        DataSource dataSource = database();
        InMemoryAuditSink auditSink = new InMemoryAuditSink();
        Instant now = Instant.now();
        // snippet-start consent
        ConsentStore consents = JdbcConsentStore.builder(dataSource).build();   // or ConsentStore.inMemory()
        PurposeCheck check = PurposeCheck.builder(consents).auditSink(auditSink).build();

        consents.record(ConsentRecord.of("c-1001", "newsletter", GRANTED, now, "notice-2026-11", "signup-form"));
        check.require(Processing.EXPORT, Customer.class, "email", "c-1001", "newsletter");    // allowed: consent

        consents.record(ConsentRecord.of("c-1001", "newsletter", WITHDRAWN, now, "notice-2026-11", "unsubscribe-link"));
        check.require(Processing.EXPORT, Customer.class, "email", "c-1001", "newsletter");
        // throws PurposeRefusedException: "Customer.email: EXPORT for purpose 'newsletter' refused:
        // the subject withdrew consent to the purpose", and records a PROCESSING_REFUSED audit event
        // snippet-end consent
    }

    @Test
    void theReadmeSnippetRefusesAfterTheWithdrawal() {
        assertThatThrownBy(ConsentReadmeTest::consentSnippet).isInstanceOf(PurposeRefusedException.class)
                .hasMessage("Customer.email: EXPORT for purpose 'newsletter' refused:"
                        + " the subject withdrew consent to the purpose");
    }

    @Test
    void requests() {
        InMemoryAuditSink auditSink = new InMemoryAuditSink();
        ConsentStore consents = ConsentStore.inMemory();
        Customer customer = new Customer("c-1001", "ada@example.com", "12 St James's Sq", "+44 20 7946 0000");
        List<Object> tickets = List.of();
        // snippet-start requests
        SubjectRights rights = SubjectRights.builder(Anonymizer.withKey(SECRET)).auditSink(auditSink).build();
        SubjectRequests requests = SubjectRequests.builder(rights, consents,
                        (request, code) -> code.equals("492113")          // your identity check
                                ? IdentityCheck.passed("e-mail one-time code") : IdentityCheck.failed("e-mail one-time code"))
                .auditSink(auditSink).actor("privacy-desk").build();

        SubjectRequest request = requests.receive(RequestType.ERASURE, "c-1001");   // due in one month
        request = requests.verify(request, "492113");                              // VERIFIED
        RequestReport report = requests.erase(request,
                SubjectData.of("crm", List.of(customer)).and("helpdesk", tickets));
        Customer erased = (Customer) report.copies("crm").get(0);                  // store it back
        String record = report.toJson();   // what was done where: stores, fields, counts, keys; no value
        // snippet-end requests
        assertThat(erased.email()).isEqualTo("[REDACTED]");
        assertThat(report.request().status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(record).contains("\"Customer.email\"").doesNotContain("ada@");

        PurposeCheck check = PurposeCheck.builder(consents).auditSink(auditSink).build();
        assertThatThrownBy(() -> restrict(requests, check)).isInstanceOf(PurposeRefusedException.class)
                .hasMessageEndingWith("processing of the subject's data is restricted");
        assertThat(auditSink.events(AuditAction.CONSENT_CHANGED)).hasSize(1);
    }

    private static void restrict(SubjectRequests requests, PurposeCheck check) {
        // snippet-start restrict
        requests.restrict(requests.verify(requests.receive(RequestType.RESTRICTION, "c-1001"), "492113"));
        check.require(Processing.READ, Customer.class, "address", "c-1001", "shipping");
        // throws PurposeRefusedException (RESTRICTED) whatever the field's legal basis, until
        // requests.liftRestriction(...)
        // snippet-end restrict
    }
}
