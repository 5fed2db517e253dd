package org.privacykit.test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.privacykit.test.PrivacyAssertions.assertKAnonymous;
import static org.privacykit.test.PrivacyAssertions.assertLintClean;
import static org.privacykit.test.PrivacyAssertions.assertLintCleanStrict;
import static org.privacykit.test.PrivacyAssertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentest4j.AssertionFailedError;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.annotation.Sensitivity;
import org.privacykit.detect.PiiDetector;
import org.privacykit.mask.Masked;

class PrivacyAssertionsTest {

    @Test
    void containsNoPersonalDataOf_passesForMaskedAndAnonymizedOutput() {
        assertThat(Masked.toString(Fixtures.ada())).containsNoPersonalDataOf(Fixtures.ada());
        assertThat(PrivacyFixtures.anonymizer().anonymize(Fixtures.ada()).toString())
                .containsNoPersonalDataOf(Fixtures.ada());
        assertThat("{\"plan\":\"gold\",\"id\":\"c-1001\"}").containsNoPersonalDataOf(Fixtures.ada());
        assertThat((String) null).containsNoPersonalDataOf(Fixtures.ada()).containsNoPii();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"name\":\"ada lovelace\"}",                 // name, other case
        "mail ADA.LOVELACE@EXAMPLE.COM",               // e-mail, upper case
        "card 4111-1111-1111-1111",                    // card, other separators
        "card 4111111111111111",                       // card, digits only
        "call 020 7946 0958",                          // phone, national form
        "call +442079460958",                          // phone, compact
        "iban GB82WEST12345698765432",                 // IBAN, compact
        "born 10/12/1985",                             // date, day/month/year
        "born 1985-12-10",                             // date, ISO
        "diag: type 1 DIABETES",                       // RESTRICTED value
        "token sk_live_9f8e7d6c5b4a",                  // a secret
        "shipping to sw1y 4jh",                        // nested object, postcode lower case
        "[{\"street\":\"12 St James's Square\"}]"      // nested object in a list
    })
    void containsNoPersonalDataOf_findsEveryForm(String text) {
        assertThatThrownBy(() -> assertThat(text).containsNoPersonalDataOf(Fixtures.ada()))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("expected no personal data, but the text holds 1 value:");
    }

    @Test
    void containsNoPersonalDataOf_describesByPathTypeAndMask_neverTheValue() {
        assertThatThrownBy(() -> assertThat("{\"email\":\"ada.lovelace@example.com\",\"card\":\"4111111111111111\","
                + "\"diagnosis\":\"Type 1 diabetes\"}").containsNoPersonalDataOf(Fixtures.ada()))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("Customer.email (EMAIL, A***@Example.com) found as written at offset 10")
                .hasMessageContaining("Customer.cardNumber (PAYMENT_CARD, **** **** **** 1111) found as digits")
                .hasMessageContaining("Customer.diagnosis (HEALTH, [REDACTED]) found as written")
                .hasMessageNotContaining("lovelace@").hasMessageNotContaining("4111 1111 1111 1111")
                .hasMessageNotContaining("diabetes");
    }

    @Test
    void allowingUpTo_letsLowerSensitivitiesAppear() {
        String apiOutput = "{\"fullName\":\"A. L.\",\"postcode\":\"SW1Y 4JH\"}";
        assertThat(apiOutput).allowingUpTo(Sensitivity.INTERNAL).containsNoPersonalDataOf(Fixtures.ada());
        assertThatThrownBy(() -> assertThat(apiOutput).containsNoPersonalDataOf(Fixtures.ada()))
                .hasMessageContaining("Customer.addresses[0].postcode (POSTCODE");
        assertThatThrownBy(() -> assertThat("Ada Lovelace").allowingUpTo(Sensitivity.INTERNAL)
                .containsNoPersonalDataOf(Fixtures.ada())).hasMessageContaining("Customer.fullName");
    }

    @Test
    void containsNoPersonalDataOf_ignoresValuesTooShortToMatchReliably() {
        record Tiny(@PersonalData(PersonalDataType.NAME) String initials, @PersonalData(PersonalDataType.OTHER) int age) {
        }
        assertThat("AB is 37").containsNoPersonalDataOf(new Tiny("AB", 37));
    }

    @Test
    void containsNoPii_usesTheDetector() {
        assertThat("order o-1 shipped, total 42.50").containsNoPii();
        assertThatThrownBy(() -> assertThat("refund to GB82 WEST 1234 5698 7654 32 for 4111 1111 1111 1111")
                .containsNoPii()).isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("found 2 values")
                .hasMessageContaining("IBAN at 10..37 (GB** **** **** **** **54 32)")
                .hasMessageContaining("PAYMENT_CARD at 42..61 (**** **** **** 1111)")
                .hasMessageNotContaining("WEST");
        assertThat("ada@example.com").containsNoPii(PiiDetector.builder().types(PersonalDataType.PHONE).build());
    }

    @Test
    void assertKAnonymous_byNameOrAnnotation() {
        List<Map<String, Object>> rows = List.of(Map.of("age", "30-39", "zip", "130**"),
                Map.of("age", "30-39", "zip", "130**"), Map.of("age", "40-49", "zip", "148**"));
        assertKAnonymous(rows.subList(0, 2), 2, "age", "zip");
        assertThatThrownBy(() -> assertKAnonymous(rows, 2, "age", "zip")).isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("not 2-anonymous: smallest equivalence class has 1 row");
        List<Fixtures.Patient> patients = List.of(new Fixtures.Patient(30, "F", "flu"),
                new Fixtures.Patient(30, "F", "cold"));
        assertKAnonymous(patients, 2);
    }

    @Test
    void assertLintClean_passesOrListsViolations() {
        record Clean(@PersonalData(PersonalDataType.EMAIL) String email) {
            @Override
            public String toString() {
                return org.privacykit.mask.Masked.toString(this);
            }
        }
        record Leaky(String email, String phoneNumber) {
        }
        assertLintClean(Clean.class);
        assertThatThrownBy(() -> assertLintClean(Leaky.class)).isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("privacy lint found 2 violations");
        assertThatThrownBy(() -> assertLintCleanStrict(Clean.class)).isInstanceOf(AssertionFailedError.class);
    }
}
