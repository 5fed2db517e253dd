package org.privacykit.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.privacykit.annotation.EncryptionMode.DETERMINISTIC;
import static org.privacykit.annotation.PersonalDataType.*;

import java.net.InetAddress;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.privacykit.annotation.Anonymize;
import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.LegalBasis;
import org.privacykit.annotation.NotPersonalData;
import org.privacykit.annotation.Operator;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.Sensitive;
import org.privacykit.annotation.SubjectId;

class PrivacyLintTest {

    record Clean(@SubjectId String id,
                 @PersonalData(value = EMAIL, purposes = "billing", legalBasis = LegalBasis.CONTRACT,
                         retention = "P1Y") String email,
                 @PersonalData(value = HEALTH, purposes = "care", legalBasis = LegalBasis.CONSENT,
                         retention = "P1Y") @Encrypted String diagnosis,
                 @NotPersonalData("the shop's support line") String supportPhone,
                 String plan) {
    }

    static class Sloppy {
        String email;
        String phoneNumber;
        String ssn;
        LocalDate dateOfBirth;
        InetAddress remote;
        String shippingAddress;
        String firstName;
        String password;
        boolean emailVerified;
        String description;
        @PersonalData(HEALTH)
        String diagnosis;
        @PersonalData(DATE_OF_BIRTH)
        @Encrypted(mode = DETERMINISTIC)
        LocalDate birthDate;
        @PersonalData(POSTCODE)
        @Anonymize(Operator.PSEUDONYMIZE)
        String postcode;
        @Encrypted
        String note;
    }

    record Wrapper(List<Sloppy> items) {
    }

    static class User {
        String name;
    }

    static class Product {
        String name;
    }

    @Test
    void check_cleanClass_isClean() {
        LintReport report = PrivacyLint.check(Clean.class);

        assertThat(report.isClean()).isTrue();
        report.assertClean();
        assertThat(report).hasToString("privacy lint: clean");
    }

    @Test
    void check_unclassifiedLookingPersonal_byNameAndType() {
        LintReport report = PrivacyLint.check(Sloppy.class);

        assertThat(report.violations(LintRule.UNCLASSIFIED_PERSONAL_FIELD))
                .extracting(LintViolation::path, LintViolation::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("email", "looks like EMAIL by its name or type but is not classified."),
                        org.assertj.core.groups.Tuple.tuple("phoneNumber", "looks like PHONE by its name or type but is not classified."),
                        org.assertj.core.groups.Tuple.tuple("ssn", "looks like NATIONAL_ID by its name or type but is not classified."),
                        org.assertj.core.groups.Tuple.tuple("dateOfBirth", "looks like DATE_OF_BIRTH by its name or type but is not classified."),
                        org.assertj.core.groups.Tuple.tuple("remote", "looks like IP_ADDRESS by its name or type but is not classified."),
                        org.assertj.core.groups.Tuple.tuple("shippingAddress", "looks like POSTAL_ADDRESS by its name or type but is not classified."),
                        org.assertj.core.groups.Tuple.tuple("firstName", "looks like NAME by its name or type but is not classified."),
                        org.assertj.core.groups.Tuple.tuple("password", "looks like a secret by its name or type but is not classified."));
        assertThat(report.violations(LintRule.UNCLASSIFIED_PERSONAL_FIELD).get(0).fix())
                .startsWith("annotate with @PersonalData(EMAIL)");
    }

    @Test
    void check_protectionRules() {
        LintReport report = PrivacyLint.check(Sloppy.class);

        assertThat(report.violations(LintRule.RESTRICTED_NOT_ENCRYPTED)).extracting(LintViolation::path)
                .containsExactly("diagnosis");
        assertThat(report.violations(LintRule.DETERMINISTIC_LOW_ENTROPY)).extracting(LintViolation::path)
                .containsExactly("birthDate");
        assertThat(report.violations(LintRule.PSEUDONYM_LOW_ENTROPY)).extracting(LintViolation::path)
                .containsExactly("postcode");
        assertThat(report.violations(LintRule.ENCRYPTED_UNCLASSIFIED)).extracting(LintViolation::path)
                .containsExactly("note");
        assertThat(report.violations(LintRule.MISSING_PURPOSE)).isEmpty();
    }

    @Test
    void check_nestedTypes_reportedWithTheirPath() {
        LintReport report = PrivacyLint.check(Wrapper.class);

        assertThat(report.violations(LintRule.RESTRICTED_NOT_ENCRYPTED)).extracting(LintViolation::location)
                .containsExactly("Wrapper.items[].diagnosis");
    }

    @Test
    void check_bareName_onlyOnPersonLikeClasses() {
        assertThat(PrivacyLint.check(User.class).violations()).extracting(LintViolation::path).containsExactly("name");
        assertThat(PrivacyLint.check(Product.class).isClean()).isTrue();
    }

    @Test
    void strict_requiresPurposeRetentionBasisAndSubject() {
        record Loose(@PersonalData(EMAIL) String email) {
        }
        LintReport report = PrivacyLint.builder().strict(true).build().lint(Loose.class);

        assertThat(report.violations()).extracting(v -> v.rule().id())
                .containsExactly("PK101", "PK102", "PK103", "PK104");
        assertThat(PrivacyLint.builder().strict(true).build().lint(Clean.class).isClean()).isTrue();
    }

    @Test
    void strict_deterministicSubjectData_isNotErasable() {
        record Searchable(@SubjectId String id,
                          @PersonalData(value = EMAIL, purposes = "login", legalBasis = LegalBasis.CONTRACT,
                                  retention = "P1Y") @Encrypted(mode = DETERMINISTIC) String email) {
        }

        assertThat(PrivacyLint.check(Searchable.class).isClean()).isTrue();
        assertThat(PrivacyLint.builder().strict(true).build().lint(Searchable.class).violations())
                .extracting(LintViolation::location, v -> v.rule().id())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Searchable.email", "PK105"));
    }

    @Test
    void ignore_skipsRules() {
        LintReport report = PrivacyLint.builder().ignore(LintRule.UNCLASSIFIED_PERSONAL_FIELD,
                LintRule.RESTRICTED_NOT_ENCRYPTED).build().lint(Sloppy.class);

        assertThat(report.violations()).extracting(LintViolation::rule).doesNotContain(
                LintRule.UNCLASSIFIED_PERSONAL_FIELD, LintRule.RESTRICTED_NOT_ENCRYPTED);
    }

    @Test
    void assertClean_listsEveryViolationWithRuleLocationAndFix() {
        assertThatThrownBy(() -> PrivacyLint.check(Sloppy.class).assertClean())
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("privacy lint found 12 violations:")
                .hasMessageContaining("PK001 ERROR Sloppy.email: looks like EMAIL")
                .hasMessageContaining("PK002 ERROR Sloppy.diagnosis: is RESTRICTED (Health data) but not encrypted"
                        + " at rest. Fix: add @Encrypted.");
    }

    @Test
    void checkPackage_findsFixtureViolations() {
        LintReport report = PrivacyLint.checkPackage("org.privacykit.inventory.scanfixture");

        assertThat(report.violations()).extracting(LintViolation::location)
                .containsExactly("Clinic.contactEmail");
    }

    @Test
    void words_splitNames() {
        assertThat(PersonalNames.words("shippingAddress")).containsExactly("shipping", "address");
        assertThat(PersonalNames.words("date_of_birth")).containsExactly("date", "of", "birth");
        assertThat(PersonalNames.words("customerSSN")).containsExactly("customer", "ssn");
        assertThat(PersonalNames.words("IPAddress")).containsExactly("ip", "address");
        assertThat(PersonalNames.words("businessName")).containsExactly("business", "name");
    }
}
