package org.privacykit.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.privacykit.annotation.PersonalDataType.EMAIL;
import static org.privacykit.annotation.PersonalDataType.FREE_TEXT;
import static org.privacykit.annotation.PersonalDataType.PHONE;
import static org.privacykit.annotation.PersonalDataType.POSTAL_ADDRESS;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.privacykit.annotation.LegalBasis;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.Sensitive;
import org.privacykit.annotation.SubjectId;
import org.privacykit.anonymize.Anonymizer;
import org.privacykit.audit.AuditAction;
import org.privacykit.audit.AuditEvent;
import org.privacykit.audit.InMemoryAuditSink;
import org.privacykit.consent.ConsentDecision;
import org.privacykit.consent.ConsentRecord;
import org.privacykit.consent.ConsentStore;
import org.privacykit.consent.Processing;
import org.privacykit.consent.PurposeCheck;
import org.privacykit.consent.PurposeRefusedException;
import org.privacykit.consent.PurposeVerdict;
import org.privacykit.mask.Masked;
import org.privacykit.rights.SubjectRights;
import org.privacykit.spi.CryptoShredder;

class SubjectRequestsTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    private static final Instant RECEIVED = Instant.parse("2027-01-31T09:00:00Z");

    record Customer(@SubjectId String id,
                    @PersonalData(value = EMAIL, purposes = {"marketing", "support"}, legalBasis = LegalBasis.CONSENT)
                    String email,
                    @PersonalData(value = POSTAL_ADDRESS, purposes = "shipping", legalBasis = LegalBasis.CONTRACT,
                            retention = "P6Y") String address,
                    @PersonalData(value = PHONE, purposes = "fraud", legalBasis = LegalBasis.LEGITIMATE_INTERESTS)
                    String phone,
                    @Sensitive String apiToken) {
        @Override
        public String toString() {
            return Masked.toString(this);
        }
    }

    record Ticket(String ticketId, @SubjectId String customerId,
                  @PersonalData(value = FREE_TEXT, purposes = "support", legalBasis = LegalBasis.CONTRACT)
                  String message) {
        @Override
        public String toString() {
            return Masked.toString(this);
        }
    }

    static Customer ada() {
        return new Customer("c-1", "ada@example.com", "12, St James's Sq, London", "+44 20 7946 0000", "sk_live_ada");
    }

    static Customer alan() {
        return new Customer("c-2", "alan@example.org", "Wilmslow", "+44 161 496 0000", "sk_live_alan");
    }

    static SubjectData data() {
        return SubjectData.of("crm", List.of(ada(), alan()))
                .and("helpdesk", List.of(new Ticket("t-1", "c-1", "My card, 4111 1111 1111 1111, was charged twice"),
                        new Ticket("t-2", "c-2", "Hello")));
    }

    private final MutableClock clock = new MutableClock(RECEIVED);
    private final InMemoryAuditSink audit = new InMemoryAuditSink();
    private final List<String> forgotten = new ArrayList<>();
    private final ConsentStore consents = ConsentStore.inMemory();
    private final AtomicReference<Object> evidenceSeen = new AtomicReference<>();
    private final SubjectRights rights = SubjectRights.builder(Anonymizer.withKey(KEY)).auditSink(audit).clock(clock)
            .cryptoShredder(new CryptoShredder() {
                @Override
                public void forget(String subjectId) {
                    forgotten.add(subjectId);
                }

                @Override
                public boolean isForgotten(String subjectId) {
                    return forgotten.contains(subjectId);
                }
            }).build();
    private final SubjectRequests requests = SubjectRequests.builder(rights, consents, (request, evidence) -> {
        evidenceSeen.set(evidence);
        return "123456".equals(evidence) ? IdentityCheck.passed("email one-time code")
                : IdentityCheck.failed("email one-time code");
    }).auditSink(audit).clock(clock).actor("privacy-team").noticeVersion("2026-11").build();

    private SubjectRequest verified(RequestType type) {
        return requests.verify(requests.receive(type, "c-1"), "123456");
    }

    @Test
    void receive_setsTheOneMonthDeadline_lastDayOfAShorterMonth() {
        SubjectRequest r = requests.receive(RequestType.ACCESS, " c-1 ");
        assertThat(r.subjectId()).isEqualTo("c-1");
        assertThat(r.status()).isEqualTo(RequestStatus.RECEIVED);
        assertThat(r.receivedAt()).isEqualTo(RECEIVED);
        assertThat(r.deadline()).isEqualTo(Instant.parse("2027-02-28T09:00:00Z"));
        assertThat(r.isOverdue(Instant.parse("2027-02-28T09:00:00Z"))).isFalse();
        assertThat(r.isOverdue(Instant.parse("2027-02-28T09:00:01Z"))).isTrue();
        assertThat(r.trail()).singleElement().satisfies(s -> assertThat(s.what())
                .isEqualTo("ACCESS (Art. 15) received, due 2027-02-28T09:00:00Z"));
        assertThat(audit.events(AuditAction.SUBJECT_REQUEST)).singleElement()
                .satisfies(e -> assertThat(e.subjectId()).isEqualTo("c-1"));
    }

    @Test
    void nothingIsDone_beforeTheIdentityIsVerified() {
        SubjectRequest r = requests.receive(RequestType.ERASURE, "c-1");
        assertThatThrownBy(() -> requests.erase(r, data())).isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith("is RECEIVED: verify the requester's identity first");
        SubjectRequest failed = requests.verify(r, "000000");
        assertThat(failed.status()).isEqualTo(RequestStatus.RECEIVED);
        assertThat(failed.trail()).last().extracting(RequestStep::what)
                .isEqualTo("identity not established by email one-time code");
        assertThatThrownBy(() -> requests.erase(failed, data())).isInstanceOf(IllegalStateException.class);
        SubjectRequest ok = requests.verify(failed, "123456");
        assertThat(ok.status()).isEqualTo(RequestStatus.VERIFIED);
        assertThat(evidenceSeen.get()).isEqualTo("123456");
        assertThat(forgotten).isEmpty();
        assertThat(audit.events()).extracting(AuditEvent::toString).noneMatch(s -> s.contains("123456"));
    }

    @Test
    void aRequestIsCarriedOutOnce_andOnlyAsItsType() {
        SubjectRequest r = verified(RequestType.ACCESS);
        assertThatThrownBy(() -> requests.erase(r, data())).isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith("is a ACCESS request, not ERASURE");
        RequestReport report = requests.access(r, data());
        assertThatThrownBy(() -> requests.access(report.request(), data())).isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith("is COMPLETED: cannot carry it out");
    }

    @Test
    void access_exportsEveryFieldOfTheSubject_inEveryStore_asJsonAndCsv() throws Exception {
        RequestReport report = requests.access(verified(RequestType.ACCESS), data());
        SubjectExport export = report.export().orElseThrow();
        assertThat(export.entries()).extracting(e -> e.store() + " " + e.field().path()).containsExactly(
                "crm Customer.email", "crm Customer.address", "crm Customer.phone", "helpdesk Ticket.message");
        assertThat(export.omittedFields()).isZero();
        JsonNode json = new ObjectMapper().readTree(export.toJson());
        assertThat(json.get("subjectId").asText()).isEqualTo("c-1");
        assertThat(json.get("fields").get(3).get("value").asText()).isEqualTo("My card, 4111 1111 1111 1111, was charged twice");
        assertThat(json.toString()).doesNotContain("alan");
        String csv = export.toCsv();
        assertThat(csv.split("\r\n")).containsExactly(
                "store,path,type,category,sensitivity,purposes,legalBasis,retention,value",
                "crm,Customer.email,EMAIL,CONTACT,CONFIDENTIAL,marketing;support,CONSENT,,ada@example.com",
                "crm,Customer.address,POSTAL_ADDRESS,CONTACT,CONFIDENTIAL,shipping,CONTRACT,P6Y,\"12, St James's Sq, London\"",
                "crm,Customer.phone,PHONE,CONTACT,CONFIDENTIAL,fraud,LEGITIMATE_INTERESTS,,+44 20 7946 0000",
                "helpdesk,Ticket.message,FREE_TEXT,"
                        + json.get("fields").get(3).get("category").asText() + ","
                        + json.get("fields").get(3).get("sensitivity").asText()
                        + ",support,CONTRACT,,\"My card, 4111 1111 1111 1111, was charged twice\"");
        assertThat(report.done()).containsExactly(new Done("crm", "Customer.email", Done.Action.EXPORTED, 1),
                new Done("crm", "Customer.address", Done.Action.EXPORTED, 1),
                new Done("crm", "Customer.phone", Done.Action.EXPORTED, 1),
                new Done("helpdesk", "Ticket.message", Done.Action.EXPORTED, 1));
        assertThat(report.request().status()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(report.request().closedInTime()).isTrue();
        assertThat(export.toString()).doesNotContain("ada");
        assertThat(audit.events(AuditAction.EXPORT)).hasSize(2);
    }

    @Test
    void csv_quotesQuotesAndLineBreaks() {
        Customer odd = new Customer("c-1", "a\"b@example.com", "line1\nline2", "x\r\ny", "t");
        String csv = requests.portability(verified(RequestType.PORTABILITY), SubjectData.of("crm", List.of(odd)))
                .export().orElseThrow().toCsv();
        assertThat(csv).contains(",\"a\"\"b@example.com\"\r\n").contains(",\"line1\nline2\"\r\n");
    }

    @Test
    void portability_leavesOutWhatIsNeitherConsentNorContract() throws Exception {
        RequestReport report = requests.portability(verified(RequestType.PORTABILITY), data());
        SubjectExport export = report.export().orElseThrow();
        assertThat(export.entries()).extracting(e -> e.field().path())
                .containsExactly("Customer.email", "Customer.address", "Ticket.message");
        assertThat(export.omittedFields()).isEqualTo(1);
        assertThat(new ObjectMapper().readTree(export.toJson()).get("omittedFields").asInt()).isEqualTo(1);
        assertThat(report.request().trail()).last().extracting(RequestStep::what)
                .isEqualTo("completed: 3 values exported, 1 not portable (basis neither consent nor contract)");
    }

    @Test
    void erase_erasesTheSubjectInEveryStore_destroysKeys_andReportsWhere() throws Exception {
        RequestReport report = requests.erase(verified(RequestType.ERASURE), data());
        List<Object> crm = report.copies("crm");
        Customer erasedAda = (Customer) crm.get(0);
        assertThat(erasedAda.id()).isEqualTo("c-1");
        assertThat(List.of(erasedAda.email(), erasedAda.address(), erasedAda.phone(), erasedAda.apiToken()))
                .containsOnly("[REDACTED]");
        assertThat(crm.get(1)).isEqualTo(alan());
        Ticket ticket = (Ticket) report.copies("helpdesk").get(0);
        assertThat(ticket.message()).isEqualTo("[REDACTED]");
        assertThat(report.copies("helpdesk").get(1)).isEqualTo(new Ticket("t-2", "c-2", "Hello"));
        assertThat(forgotten).containsExactly("c-1");
        assertThat(report.done()).containsExactly(new Done("crm", "Customer.email", Done.Action.ERASED, 1),
                new Done("crm", "Customer.address", Done.Action.ERASED, 1),
                new Done("crm", "Customer.phone", Done.Action.ERASED, 1),
                new Done("crm", "Customer.apiToken", Done.Action.ERASED, 1),
                new Done("helpdesk", "Ticket.message", Done.Action.ERASED, 1),
                new Done(SubjectRequests.KEYS, "subject keys", Done.Action.KEYS_DESTROYED, 1));
        JsonNode json = new ObjectMapper().readTree(report.toJson());
        assertThat(json.get("type").asText()).isEqualTo("ERASURE");
        assertThat(json.get("article").asText()).isEqualTo("Art. 17");
        assertThat(json.get("done")).hasSize(6);
        assertThat(report.toJson()).doesNotContain("ada@", "London", "4111");
        assertThat(audit.events(AuditAction.ERASE)).hasSize(1);
        assertThat(audit.events()).extracting(AuditEvent::toString).noneMatch(s -> s.contains("ada@") || s.contains("4111"));
    }

    @Test
    void rectify_correctsTheSubjectsNamedFields_only() {
        Map<String, Object> corrections = Map.of("Customer.email", "ada@lovelace.example", "Ticket.message", "Charged once");
        RequestReport report = requests.rectify(verified(RequestType.RECTIFICATION), data(), corrections);
        Customer ada = (Customer) report.copies("crm").get(0);
        assertThat(ada).isEqualTo(new Customer("c-1", "ada@lovelace.example", ada().address(), ada().phone(),
                ada().apiToken()));
        assertThat(report.copies("crm").get(1)).isEqualTo(alan());
        assertThat(((Ticket) report.copies("helpdesk").get(0)).message()).isEqualTo("Charged once");
        assertThat(((Ticket) report.copies("helpdesk").get(1)).message()).isEqualTo("Hello");
        assertThat(report.done()).containsExactly(new Done("crm", "Customer.email", Done.Action.RECTIFIED, 1),
                new Done("helpdesk", "Ticket.message", Done.Action.RECTIFIED, 1));
        assertThat(audit.events(AuditAction.RECTIFY)).extracting(AuditEvent::field)
                .containsExactly("Customer.email", "Ticket.message");
        assertThat(audit.events()).extracting(AuditEvent::toString).noneMatch(s -> s.contains("lovelace"));
    }

    @Test
    void rectify_refusesAnUnknownField_orAValueOfTheWrongType_changingNothing() {
        SubjectRequest r = verified(RequestType.RECTIFICATION);
        assertThatThrownBy(() -> requests.rectify(r, data(), Map.of("Customer.emial", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("corrections: no protected field of the subject matches [Customer.emial]");
        assertThatThrownBy(() -> requests.rectify(r, data(), Map.of("Customer.email", 42)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrections: Customer.email takes a String, the correction is a Integer");
        Map<String, Object> clear = new HashMap<>();
        clear.put("Customer.phone", null);
        Customer ada = (Customer) requests.rectify(r, data(), clear).copies("crm").get(0);
        assertThat(ada.phone()).isNull();
        assertThat(audit.events(AuditAction.RECTIFY)).hasSize(1);
    }

    @Test
    void restriction_stopsProcessingThroughThePurposeCheck_untilLifted() {
        PurposeCheck check = PurposeCheck.builder(consents).auditSink(audit).build();
        assertThat(check.require(Processing.REVEAL, Customer.class, "address", "c-1", "shipping"))
                .isEqualTo(PurposeVerdict.ALLOWED_BY_DECLARED_BASIS);
        RequestReport report = requests.restrict(verified(RequestType.RESTRICTION));
        assertThat(report.done()).containsExactly(new Done(SubjectRequests.CONSENT, "*", Done.Action.RESTRICTED, 1));
        assertThatThrownBy(() -> check.require(Processing.REVEAL, Customer.class, "address", "c-1", "shipping"))
                .isInstanceOf(PurposeRefusedException.class).hasMessageEndingWith("processing of the subject's data is restricted");
        assertThat(check.require(Processing.REVEAL, Customer.class, "address", "c-2", "shipping")).isNotNull();
        assertThat(consents.history("c-1")).singleElement().satisfies(c -> {
            assertThat(c.decision()).isEqualTo(ConsentDecision.RESTRICTED);
            assertThat(c.noticeVersion()).isEqualTo("2026-11");
            assertThat(c.source()).isEqualTo("request " + report.request().id());
        });
        RequestReport lifted = requests.liftRestriction(report.request(), "accuracy verified");
        assertThat(lifted.request().trail()).last().extracting(RequestStep::what)
                .isEqualTo("restriction lifted: accuracy verified");
        assertThat(check.require(Processing.REVEAL, Customer.class, "address", "c-1", "shipping"))
                .isEqualTo(PurposeVerdict.ALLOWED_BY_DECLARED_BASIS);
        assertThat(audit.events(AuditAction.CONSENT_CHANGED)).hasSize(2);
    }

    @Test
    void objection_stopsTheObjectedPurposes_notContractProcessing() {
        PurposeCheck check = PurposeCheck.builder(consents).auditSink(audit).build();
        consents.record(ConsentRecord.of("c-1", "marketing", ConsentDecision.GRANTED, RECEIVED, "2026-11", "form"));
        RequestReport report = requests.object(verified(RequestType.OBJECTION), "Fraud", "marketing");
        assertThat(report.done()).extracting(Done::target).containsExactly("fraud", "marketing");
        assertThat(check.evaluate(org.privacykit.metadata.PrivacyMetadata.of(Customer.class).property("phone"), "c-1",
                "fraud")).isEqualTo(PurposeVerdict.OBJECTED);
        assertThat(check.evaluate(org.privacykit.metadata.PrivacyMetadata.of(Customer.class).property("email"), "c-1",
                "marketing")).isEqualTo(PurposeVerdict.OBJECTED);
        assertThat(check.evaluate(org.privacykit.metadata.PrivacyMetadata.of(Customer.class).property("address"), "c-1",
                "shipping")).isEqualTo(PurposeVerdict.ALLOWED_BY_DECLARED_BASIS);
    }

    @Test
    void extend_onceWithinTheFirstMonth_byTwoMonths() {
        SubjectRequest r = requests.receive(RequestType.ERASURE, "c-1");
        assertThatThrownBy(() -> requests.extend(r, " ")).isInstanceOf(IllegalArgumentException.class);
        clock.set(Instant.parse("2027-02-20T00:00:00Z"));
        SubjectRequest extended = requests.extend(r, "1,200 stores to search");
        assertThat(extended.deadline()).isEqualTo(Instant.parse("2027-04-30T09:00:00Z"));
        assertThat(extended.extensionReason()).isEqualTo("1,200 stores to search");
        assertThatThrownBy(() -> requests.extend(extended, "again")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already extended");
        SubjectRequest late = requests.receive(RequestType.ACCESS, "c-1");
        clock.set(Instant.parse("2027-04-01T00:00:00Z"));
        assertThatThrownBy(() -> requests.extend(late, "busy")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("past its deadline");
        assertThat(late.isOverdue(clock.instant())).isTrue();
        assertThat(extended.isOverdue(clock.instant())).isFalse();
    }

    @Test
    void lateCompletion_isVisible() {
        SubjectRequest r = verified(RequestType.ACCESS);
        clock.set(Instant.parse("2027-03-15T00:00:00Z"));
        RequestReport report = requests.access(r, data());
        assertThat(report.request().closedInTime()).isFalse();
        assertThat(report.request().trail()).last().extracting(RequestStep::what).asString().endsWith("(late)");
    }

    @Test
    void refuse_closesTheRequestWithItsReason() {
        SubjectRequest r = requests.refuse(requests.receive(RequestType.ACCESS, "c-1"), "identical request answered last week");
        assertThat(r.status()).isEqualTo(RequestStatus.REFUSED);
        assertThat(r.isOpen()).isFalse();
        assertThatThrownBy(() -> requests.refuse(r, "again")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void storedRequest_canBeRebuilt_andIsValidated() {
        SubjectRequest r = verified(RequestType.ACCESS);
        SubjectRequest rebuilt = new SubjectRequest(r.id(), r.type(), r.subjectId(), r.receivedAt(), r.deadline(),
                r.extensionReason(), r.status(), r.closedAt(), r.trail());
        assertThat(requests.access(rebuilt, data()).request().status()).isEqualTo(RequestStatus.COMPLETED);
        assertThatThrownBy(() -> new SubjectRequest(r.id(), r.type(), r.subjectId(), r.receivedAt(), r.deadline(), null,
                RequestStatus.COMPLETED, null, r.trail())).isInstanceOf(IllegalArgumentException.class);
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
