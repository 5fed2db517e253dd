package org.privacykit.jackson.testsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.privacykit.annotation.PersonalDataType.EMAIL;
import static org.privacykit.annotation.PersonalDataType.HEALTH;
import static org.privacykit.annotation.PersonalDataType.PHONE;
import static org.privacykit.jackson.testsuite.Json.at;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.SubjectId;
import org.privacykit.audit.AuditAction;
import org.privacykit.audit.AuditSink;
import org.privacykit.audit.InMemoryAuditSink;
import org.privacykit.jackson.testsuite.JacksonLine.Mapper;
import org.privacykit.mask.Maskers;
import org.privacykit.metadata.PrivacyMetadata;
import org.privacykit.pseudonym.Pseudonymizer;
import org.privacykit.spi.FieldContext;

/**
 * No clear value on the paths the mappers open besides their output: a failing getter's message, and
 * the keys of a map whose keys are declared personal.
 */
public abstract class LeakContract {
    private static final String ZELDA = "zelda@example.com";

    private final InMemoryAuditSink audit = new InMemoryAuditSink();

    /**
     * The Jackson line under test.
     *
     * @return the line
     */
    protected abstract JacksonLine line();

    /** A record whose accessor of a personal value fails with a message that quotes the value. */
    record Account(@SubjectId String id,
                   @PersonalData(value = EMAIL, purposes = "support") @Encrypted String email) {
        @Override
        public String email() {
            throw new IllegalStateException("cannot read email " + email);
        }
    }

    @Test
    void throwingGetter_onEveryMapper_failsNamingTheFieldAndCauseType_neverTheValue() {
        Account account = new Account("a-1", ZELDA);
        List<Mapper> mappers = List.of(line().masking(audit), line().encrypting(TestFieldCipher.generate(), audit),
                line().pseudonymizing(Pseudonymizer.hmacSha256(new byte[32])));
        for (Mapper mapper : mappers) {
            assertLeaksNothing(() -> mapper.write(account));
            assertLeaksNothing(() -> mapper.writeBytes(account));
        }
        assertLeaksNothing(() -> line().masking(audit).reveal(account, "agent", "support")); // revealed: written clear
    }

    private void assertLeaksNothing(JacksonLine.Mapper.Write write) {
        assertThatThrownBy(write::run)
                .hasMessageContaining("Account.email")
                .hasMessageContaining("IllegalStateException")
                .satisfies(e -> {
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        assertThat(String.valueOf(t.getMessage())).doesNotContain("zelda");
                        assertThat(t.toString()).doesNotContain("zelda");
                        for (Throwable suppressed : t.getSuppressed()) {
                            assertThat(suppressed.toString()).doesNotContain("zelda");
                        }
                    }
                });
    }

    record Diary(@SubjectId String id, @Encrypted LocalDate since) {
    }

    @Test
    void decryptedValueThatDoesNotFitItsType_failsNamingTheField_neverTheValue() throws Exception {
        TestFieldCipher cipher = TestFieldCipher.generate();
        Mapper store = line().encrypting(cipher, audit);
        // a ciphertext of this field and subject whose plaintext is no date (the type changed since)
        String ciphertext = cipher.encrypt(FieldContext.of(PrivacyMetadata.of(Diary.class).property("since"), "d-1"),
                "\"zelda@example.com\"");
        String json = line().plain().write(Map.of("id", "d-1", "since", ciphertext));

        assertThatThrownBy(() -> store.read(json, Diary.class))
                .isInstanceOf(line().mappingException())
                .hasMessageContaining("Diary.since: the decrypted value does not fit its type")
                .satisfies(e -> {
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        assertThat(t.toString()).doesNotContain("zelda");
                    }
                });
    }

    record Inbox(@SubjectId String id,
                 Map<@PersonalData(value = EMAIL, purposes = "support") String, Integer> countsByEmail) {
    }

    private static Inbox inbox() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put(ZELDA, 3);
        counts.put("link@example.com", 1);
        return new Inbox("u-1", counts);
    }

    @Test
    void personalMapKeys_areMasked_valuesStayClear() throws Exception {
        String json = line().masking(audit).write(inbox());

        assertThat(json).isEqualTo("{\"id\":\"u-1\",\"countsByEmail\":{\"z***@example.com\":3,\"l***@example.com\":1}}");
        assertThat(line().masking(audit).writeBytes(inbox())).isEqualTo(json);
    }

    @Test
    void personalMapKeys_revealedByPurpose_areClearAndAuditedAsKeys() throws Exception {
        String json = line().masking(audit).reveal(inbox(), "agent-3", "support");

        assertThat(json).contains("\"zelda@example.com\":3");
        assertThat(audit.events(AuditAction.REVEAL)).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("Inbox.countsByEmail{key}");
            assertThat(e.subjectId()).isEqualTo("u-1");
            assertThat(e.actor()).isEqualTo("agent-3");
            assertThat(e.toString()).doesNotContain("zelda");
        });
    }

    record Records(@PersonalData(PHONE) Map<@PersonalData(EMAIL) String, String> phoneByEmail,
                   Map<@PersonalData(HEALTH) String, Integer> casesByCondition,
                   Map<@PersonalData(EMAIL) String, Fixtures.Address> addressByEmail,
                   List<Map<@PersonalData(EMAIL) String, Integer>> history) {
    }

    @Test
    void personalMapKeys_withProtectedValues_beanValues_redactedKeysAndNestedMaps() throws Exception {
        Records records = new Records(Map.of(ZELDA, "+44 20 7946 0958"), Map.of("asthma", 2),
                Map.of(ZELDA, new Fixtures.Address("1 Hyrule Road", "H1 1AA", "Hyrule")), List.of(Map.of(ZELDA, 1)));

        String json = line().masking(audit).write(records);
        Object tree = line().masking(audit).tree(json);

        assertThat(at(tree, "phoneByEmail", "z***@example.com")).isEqualTo("+44 ** **** 0958");
        assertThat(at(tree, "casesByCondition", Maskers.REDACTED)).isEqualTo(2);
        assertThat(at(tree, "addressByEmail", "z***@example.com", "street")).isEqualTo("****");
        assertThat(at(tree, "addressByEmail", "z***@example.com", "city")).isEqualTo("Hyrule");
        assertThat(at(tree, "history", 0, "z***@example.com")).isEqualTo(1);
        assertThat(json).doesNotContain("zelda", "asthma", "Hyrule Road");
    }

    @Test
    void personalMapKeys_pseudonymized_withTheirOwnDomain() throws Exception {
        Pseudonymizer pseudonymizer = Pseudonymizer.hmacSha256(new byte[32]);

        Object tree = line().pseudonymizing(pseudonymizer).tree(line().pseudonymizing(pseudonymizer).write(inbox()));

        String token = pseudonymizer.pseudonymize("Inbox.countsByEmail{key}", ZELDA);
        assertThat(at(tree, "countsByEmail", token)).isEqualTo(3);
        assertThat(Json.object(tree, "countsByEmail").keySet()).noneMatch(k -> k.contains("@"));
    }

    @Test
    void personalMapKeys_twoKeysMaskedAlike_keepEveryValue() throws Exception {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("ada@example.com", 1);
        counts.put("alan@example.com", 2);

        String json = line().masking(AuditSink.noop()).write(new Inbox("u-2", counts));

        List<Integer> values = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"a\\*\\*\\*@example.com\":(\\d)").matcher(json);
        while (m.find()) {
            values.add(Integer.parseInt(m.group(1)));
        }
        assertThat(values).containsExactly(1, 2);
    }

}
