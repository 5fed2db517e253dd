package org.privacykit.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.privacykit.annotation.EncryptionMode.DETERMINISTIC;
import static org.privacykit.annotation.PersonalDataType.*;

import java.net.InetAddress;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.privacykit.annotation.Anonymize;
import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.LegalBasis;
import org.privacykit.annotation.NotPersonalData;
import org.privacykit.annotation.Operator;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.Sensitive;
import org.privacykit.annotation.SubjectId;
import org.privacykit.mask.Masked;
import org.privacykit.metadata.EncryptionPath;

class PrivacyLintTest {

    record Clean(@SubjectId String id,
                 @PersonalData(value = EMAIL, purposes = "billing", legalBasis = LegalBasis.CONTRACT,
                         retention = "P1Y") String email,
                 @PersonalData(value = HEALTH, purposes = "care", legalBasis = LegalBasis.CONSENT,
                         retention = "P1Y") @Encrypted String diagnosis,
                 @NotPersonalData("the shop's support line") String supportPhone,
                 String plan) {
        @Override
        public String toString() {
            return Masked.toString(this);
        }
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
            @Override
            public String toString() {
                return Masked.toString(this);
            }
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
            @Override
            public String toString() {
                return Masked.toString(this);
            }
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
                .hasMessageStartingWith("privacy lint found 13 violations:")
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

    // ------------------------------------------------------------------ PK006: what a storage path cannot encrypt

    record Stored(@PersonalData(OTHER) @Encrypted int code,
                  @PersonalData(DATE_OF_BIRTH) @Encrypted LocalDate born,
                  @PersonalData(EMAIL) @Encrypted String email) {
        @Override
        public String toString() {
            return Masked.toString(this);
        }
    }

    @Test
    void encryptionPaths_whatACopyOrAColumnCannotHoldEncrypted_isReported_forThePathsInUse() {
        LintReport all = PrivacyLint.check(Stored.class);

        assertThat(all.violations(LintRule.ENCRYPTION_PATH_UNSUPPORTED)).extracting(LintViolation::path)
                .containsExactly("code", "born");
        assertThat(all.violations(LintRule.ENCRYPTION_PATH_UNSUPPORTED).get(1).message())
                .isEqualTo("is @Encrypted, but FieldEncryptor.encrypt(object) and privacy-jpa cannot store it"
                        + " encrypted: it is declared LocalDate; a copy keeps the declared type, which cannot hold a"
                        + " ciphertext.");
        assertThat(PrivacyLint.builder().encryptionPaths(EncryptionPath.JSON).build().lint(Stored.class).isClean())
                .isTrue();
        assertThat(PrivacyLint.builder().encryptionPaths(EncryptionPath.JPA).build().lint(Stored.class)
                .violations(LintRule.ENCRYPTION_PATH_UNSUPPORTED)).extracting(LintViolation::message)
                .allSatisfy(m -> assertThat(m).startsWith("is @Encrypted, but privacy-jpa cannot")).hasSize(2);
    }

    // ------------------------------------------------------------------ PK007: a toString that does not mask

    record GeneratedToString(@PersonalData(EMAIL) String email, String plan) {
    }

    record MaskingToString(@PersonalData(EMAIL) String email, String plan) {
        @Override
        public String toString() {
            return Masked.toString(this);
        }
    }

    record PublicOnly(@PersonalData(value = USERNAME, sensitivity = org.privacykit.annotation.Sensitivity.PUBLIC)
                      String handle) {
    }

    static class InheritsObjectToString {
        @PersonalData(EMAIL)
        String email;
    }

    static class HandWritten {
        @PersonalData(NAME)
        String name;
        String plan;

        @Override
        public String toString() {
            return "HandWritten{name='" + name + "', plan='" + plan + "'}";
        }
    }

    static class PrintsOnlyThePlan {
        @PersonalData(NAME)
        String name;
        String plan;

        @Override
        public String toString() {
            return "PrintsOnlyThePlan{plan=" + plan + "}";
        }
    }

    static class ThroughAGetter {
        @PersonalData(PHONE)
        private String phone;

        public String getPhone() {
            return phone;
        }

        @Override
        public String toString() {
            return describe();
        }

        private String describe() {
            return "phone " + getPhone();
        }
    }

    static class Base {
        @PersonalData(EMAIL)
        String email;

        @Override
        public String toString() {
            return "Base[" + email + "]";
        }
    }

    static class Derived extends Base {
        String plan;
    }

    static class DerivedWithOwnData extends MaskingBase {
        @PersonalData(NAME)
        String name;
    }

    static class MaskingBase {
        @Override
        public String toString() {
            return Masked.toString(this);
        }
    }

    @Test
    void toString_recordsAndClassesThatPrintPersonalDataInClear_areReported() {
        assertThat(PrivacyLint.check(GeneratedToString.class).violations(LintRule.TO_STRING_UNMASKED)).singleElement()
                .satisfies(v -> assertThat(v.toString()).isEqualTo("PK007 ERROR GeneratedToString: prints email in"
                        + " clear through the toString a record generates, which prints every component. Fix: override"
                        + " toString() with 'return Masked.toString(this);', which masks by the same declarations as"
                        + " logs"));
        assertThat(PrivacyLint.check(HandWritten.class).violations(LintRule.TO_STRING_UNMASKED)).singleElement()
                .satisfies(v -> assertThat(v.message()).startsWith("prints name in clear through its toString"));
        assertThat(PrivacyLint.check(ThroughAGetter.class).violations(LintRule.TO_STRING_UNMASKED)).singleElement()
                .satisfies(v -> assertThat(v.message()).startsWith("prints phone in clear"));
        assertThat(PrivacyLint.check(Derived.class).violations(LintRule.TO_STRING_UNMASKED)).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("the toString it inherits from Base"));
    }

    @Test
    void toString_thatMasks_printsNoPersonalField_orIsObjects_isNotReported() {
        for (Class<?> type : List.of(MaskingToString.class, PublicOnly.class, InheritsObjectToString.class,
                PrintsOnlyThePlan.class, DerivedWithOwnData.class)) {
            assertThat(PrivacyLint.check(type).violations(LintRule.TO_STRING_UNMASKED)).as(type.getSimpleName())
                    .isEmpty();
        }
    }

    @Test
    void classFile_parsesTheClassesOfTheJdkToo_switchesAndAll() {
        for (Class<?> type : List.of(String.class, java.util.AbstractMap.class, java.util.regex.Pattern.class,
                java.util.concurrent.ConcurrentHashMap.class, java.time.LocalDate.class, Character.class)) {
            ClassFile file = ClassFile.of(type);
            assertThat(file).as(type.getName()).isNotNull();
            assertThat(file.thisClass()).isEqualTo(type.getName().replace('.', '/'));
            assertThat(file.code("toString()Ljava/lang/String;")).as(type.getName()).isNotNull();
        }
        assertThat(ClassFile.parse(new byte[] {1, 2, 3})).isNull();
    }

    // ------------------------------------------------------------------ PK008: personal map keys undeclared

    record Orders(Map<String, Customer> customersByEmail, Map<String, Customer> customersById,
                  Map<@PersonalData(EMAIL) String, Customer> declared, @PersonalData(PHONE) Map<InetAddress, String> byIp,
                  Map<String, Integer> countsByEmail) {
        @Override
        public String toString() {
            return Masked.toString(this);
        }
    }

    record Customer(@PersonalData(NAME) String name) {
        @Override
        public String toString() {
            return Masked.toString(this);
        }
    }

    @Test
    void mapKeys_thatLookPersonal_onAMapOfPersonalData_areReported() {
        LintReport report = PrivacyLint.check(Orders.class);

        assertThat(report.violations(LintRule.PERSONAL_MAP_KEY_UNDECLARED))
                .extracting(LintViolation::path, LintViolation::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("customersByEmail{}", "maps personal data by keys that look"
                                + " like EMAIL (by the map's name), but the keys are not declared, so logs and JSON show"
                                + " them in clear."),
                        org.assertj.core.groups.Tuple.tuple("byIp{}", "maps personal data by keys that look like"
                                + " IP_ADDRESS (by their type), but the keys are not declared, so logs and JSON show"
                                + " them in clear."));
        assertThat(report.violations(LintRule.PERSONAL_MAP_KEY_UNDECLARED).get(0).fix())
                .startsWith("declare them on the key's type argument: Map<@PersonalData(...) String, ...>");
    }
}
