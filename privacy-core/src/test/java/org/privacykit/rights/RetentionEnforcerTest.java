package org.privacykit.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.privacykit.annotation.PersonalDataType.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.SubjectId;
import org.privacykit.anonymize.Anonymizer;
import org.privacykit.audit.AuditAction;
import org.privacykit.audit.InMemoryAuditSink;

class RetentionEnforcerTest {
    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-29T00:00:00Z"), ZoneOffset.UTC);

    record Account(@SubjectId String id,
                   @PersonalData(value = NAME, retention = "P6Y") String name,
                   @PersonalData(value = PAYMENT_CARD, retention = "P13M") String card,
                   @PersonalData(value = PHONE, retention = "P2Y") List<String> phones,
                   @PersonalData(EMAIL) String email,
                   LocalDate openedOn) {
    }

    static Account opened(String id, LocalDate on) {
        return new Account(id, "Ada Lovelace", "4111 1111 1111 1111", List.of("+44 20 7946 0958"), "ada@example.com", on);
    }

    private final InMemoryAuditSink audit = new InMemoryAuditSink();

    private RetentionEnforcer.Builder enforcer() {
        return RetentionEnforcer.builder(Anonymizer.withKey(SubjectRightsTest.KEY)).collectedAtProperty("openedOn")
                .clock(NOW).auditSink(audit).actor("retention-job");
    }

    @Test
    void apply_anonymizesExpiredFieldsOnly_andReportsWhatIsNext() {
        List<Account> accounts = List.of(opened("a-1", LocalDate.of(2024, 12, 15)),   // card expired, phones next month
                opened("a-2", LocalDate.of(2026, 1, 1)));                              // nothing yet
        RetentionResult<Account> result = enforcer().horizon(Duration.ofDays(30)).build().apply(accounts);

        Account first = result.objects().get(0);
        assertThat(first.card()).isNotEqualTo("4111 1111 1111 1111").matches("\\d{4} \\d{4} \\d{4} \\d{4}");
        assertThat(first.name()).isEqualTo("Ada Lovelace");
        assertThat(first.phones()).containsExactly("+44 20 7946 0958");
        assertThat(first.email()).isEqualTo("ada@example.com");
        assertThat(first.id()).isEqualTo("a-1");
        assertThat(result.objects().get(1)).isEqualTo(accounts.get(1)).isNotSameAs(accounts.get(1));

        RetentionReport report = result.report();
        assertThat(report.applied()).isTrue();
        assertThat(report.expired()).extracting(RetentionReport.Item::path).containsExactly("[0]Account.card");
        assertThat(report.expired().get(0).expiresAt()).isEqualTo(Instant.parse("2026-01-15T00:00:00Z"));
        assertThat(report.expired().get(0).subjectId()).isEqualTo("a-1");
        assertThat(report.upcoming()).extracting(RetentionReport.Item::path).containsExactly("[0]Account.phones[0]");
        assertThat(report.toString()).contains("1 expired fields anonymized").doesNotContain("4111")
                .doesNotContain("a-1");

        assertThat(audit.events(AuditAction.RETENTION_APPLIED)).singleElement().satisfies(e -> {
            assertThat(e.subjectId()).isEqualTo("a-1");
            assertThat(e.field()).isEqualTo("Account");
            assertThat(e.detail()).isEqualTo("1 personal-data values past retention anonymized");
            assertThat(e.actor()).isEqualTo("retention-job");
        });
    }

    @Test
    void drop_suppressesExpiredValues() {
        RetentionResult<Account> result = enforcer().action(RetentionAction.DROP).build()
                .apply(List.of(opened("a-1", LocalDate.of(2018, 1, 1))));
        Account old = result.objects().get(0);
        assertThat(old.name()).isNull();
        assertThat(old.card()).isNull();
        assertThat(old.phones()).isEmpty();
        assertThat(old.email()).isEqualTo("ada@example.com");
        assertThat(result.report().expired()).hasSize(3);
    }

    @Test
    void preview_changesNothingAndRecordsNothing() throws Exception {
        RetentionReport report = enforcer().horizon(Duration.ofDays(400)).build()
                .preview(List.of(opened("a-1", LocalDate.of(2024, 12, 15))));
        assertThat(report.applied()).isFalse();
        assertThat(report.expired()).hasSize(1);
        assertThat(report.upcoming()).extracting(RetentionReport.Item::path).containsExactly("[0]Account.phones[0]");
        assertThat(audit.events()).isEmpty();
        JsonNode json = new ObjectMapper().readTree(report.toJson());
        assertThat(json.get("expired").get(0).get("retention").asText()).isEqualTo("P13M");
        assertThat(json.get("upcoming").get(0).get("expiresAt").asText()).isEqualTo("2026-12-15T00:00:00Z");
    }

    @Test
    void collectionTime_fromAFunction_orMissing() {
        RetentionEnforcer byFunction = RetentionEnforcer.builder(Anonymizer.withKey(SubjectRightsTest.KEY))
                .collectedAt(o -> Instant.parse("2000-01-01T00:00:00Z")).clock(NOW).auditSink(audit).build();
        assertThat(byFunction.preview(List.of(opened("a", null))).expired()).hasSize(3);
        assertThatThrownBy(() -> enforcer().build().preview(List.of(opened("a", null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("object 0 (Account) has no collection time");
        assertThatThrownBy(() -> RetentionEnforcer.builder(Anonymizer.withKey(SubjectRightsTest.KEY)).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> RetentionEnforcer.builder(Anonymizer.withKey(SubjectRightsTest.KEY))
                .collectedAtProperty("missing").clock(NOW).build().preview(List.of(opened("a", null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no property 'missing'");
        assertThat(RetentionEnforcer.toInstant(1_000L)).isEqualTo(Instant.ofEpochMilli(1000));
    }
}
