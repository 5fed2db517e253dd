package org.privacykit.anonymize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.privacykit.annotation.EncryptionMode.DETERMINISTIC;
import static org.privacykit.annotation.PersonalDataType.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.privacykit.annotation.Anonymize;
import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.Operator;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.annotation.Sensitive;
import org.privacykit.annotation.Sensitivity;
import org.privacykit.annotation.SubjectId;
import org.privacykit.detect.Checksums;
import org.privacykit.mask.Maskers;
import org.privacykit.metadata.PrivacyMetadata;
import org.privacykit.pseudonym.TokenFormat;

class AnonymizerTest {
    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    static final byte[] OTHER_KEY = "fedcba9876543210fedcba9876543210".getBytes();

    private final Anonymizer anonymizer = Anonymizer.withKey(KEY);

    record Address(@PersonalData(POSTAL_ADDRESS) String street, @PersonalData(POSTCODE) String postcode,
                   String city) {
    }

    record Order(String orderId, BigDecimal total, Address shippingAddress) {
    }

    record Customer(@SubjectId String id,
                    @PersonalData(NAME) String fullName,
                    @PersonalData(EMAIL) @Encrypted(mode = DETERMINISTIC) String email,
                    @PersonalData(PHONE) String phone,
                    @PersonalData(PAYMENT_CARD) @Encrypted String cardNumber,
                    @PersonalData(IBAN) String iban,
                    @PersonalData(HEALTH) @Encrypted String diagnosis,
                    @PersonalData(DATE_OF_BIRTH) LocalDate birthDate,
                    @Sensitive @Encrypted String apiToken,
                    String plan,
                    List<Order> orders) {
    }

    static Customer ada() {
        return new Customer("c-1001", "Ada Lovelace", "ada.lovelace@example.com", "+44 20 7946 0958",
                "4111 1111 1111 1111", "GB82 WEST 1234 5698 7654 32", "Type 1 diabetes", LocalDate.of(1985, 12, 10),
                "sk_live_9f8e7d6c5b4a", "gold", List.of(new Order("o-1", new BigDecimal("42.50"),
                        new Address("12 St James's Square, London", "SW1Y 4JH", "London"))));
    }

    @Test
    void anonymize_record_transformsEveryPersonalFieldAndKeepsTheRest() {
        Customer original = ada();
        Customer copy = anonymizer.anonymize(original);

        assertThat(copy).isNotSameAs(original);
        assertThat(copy.fullName()).isNotEqualTo("Ada Lovelace").matches("[A-Z][a-z]+ [A-Z][a-z]+");
        assertThat(copy.email()).matches(".+@example\\.(com|org|net)").isNotEqualTo(original.email());
        assertThat(copy.phone()).startsWith("+44 ").isNotEqualTo(original.phone());
        assertThat(copy.cardNumber()).matches("\\d{4} \\d{4} \\d{4} \\d{4}").isNotEqualTo(original.cardNumber());
        assertThat(Checksums.luhnValid(copy.cardNumber())).isTrue();
        assertThat(Checksums.ibanValid(copy.iban())).isTrue();
        assertThat(copy.iban()).startsWith("GB").isNotEqualTo(original.iban());
        assertThat(copy.diagnosis()).isNull();
        assertThat(copy.apiToken()).isNull();
        assertThat(copy.birthDate()).isEqualTo(LocalDate.of(1985, 1, 1));
        assertThat(copy.plan()).isEqualTo("gold");
        assertThat(copy.id()).startsWith("tok_").isNotEqualTo("c-1001");
        Order order = copy.orders().get(0);
        assertThat(order.orderId()).isEqualTo("o-1");
        assertThat(order.total()).isEqualByComparingTo("42.50");
        assertThat(order.shippingAddress().street()).isNotEqualTo("12 St James's Square, London").contains(", ");
        assertThat(order.shippingAddress().postcode()).isEqualTo("SW1Y ***");
        assertThat(order.shippingAddress().city()).isEqualTo("London");
    }

    @Test
    void anonymize_neverModifiesTheOriginal() {
        Customer original = ada();
        String before = original.toString();
        anonymizer.anonymize(original);
        assertThat(original.toString()).isEqualTo(before);

        Patient pojo = Patient.sample();
        String pojoBefore = pojo.describe();
        anonymizer.anonymize(pojo);
        assertThat(pojo.describe()).isEqualTo(pojoBefore);
    }

    @Test
    void anonymize_sameKey_sameOutput_acrossInstancesAndRuns() {
        Customer a = Anonymizer.withKey(KEY).anonymize(ada());
        Customer b = Anonymizer.withKey(KEY.clone()).anonymize(ada());
        assertThat(a).isEqualTo(b);
        Customer c = Anonymizer.withKey(OTHER_KEY).anonymize(ada());
        assertThat(c.fullName()).isNotEqualTo(a.fullName());
        assertThat(c.cardNumber()).isNotEqualTo(a.cardNumber());
    }

    @Test
    void fake_isConsistentAcrossFieldsClassesAndSpellings() {
        record Ticket(@PersonalData(EMAIL) String replyTo, @PersonalData(PHONE) String callback) {
        }
        Customer customer = anonymizer.anonymize(ada());
        Ticket ticket = anonymizer.anonymize(new Ticket("ADA.Lovelace@Example.com ", "+44 20 7946 0958"));
        assertThat(ticket.replyTo()).isEqualTo(customer.email());
        assertThat(ticket.callback()).isEqualTo(customer.phone());
        assertThat(anonymizer.fake(EMAIL, "ada.lovelace@example.com")).isEqualTo(customer.email());
        assertThat(anonymizer.fake(PAYMENT_CARD, "4111111111111111"))
                .isEqualTo(customer.cardNumber().replace(" ", ""));
    }

    @Test
    void fake_valuesAreValidAndInReservedRanges() {
        for (int i = 0; i < 300; i++) {
            String card = anonymizer.fake(PAYMENT_CARD, "5500 0000 0000 " + String.format("%04d", i));
            assertThat(Checksums.luhnValid(card)).as(card).isTrue();
            assertThat(card).matches("(5555 55|5105 10)\\d\\d \\d{4} \\d{4}");
            assertThat(Checksums.luhnValid(anonymizer.fake(PAYMENT_CARD, "3782822463" + String.format("%05d", i))))
                    .isTrue();
            String iban = anonymizer.fake(IBAN, "DE89370400440532013" + String.format("%03d", i));
            assertThat(Checksums.ibanValid(iban)).as(iban).isTrue();
            assertThat(iban).startsWith("DE").hasSize(22);
            assertThat(anonymizer.fake(EMAIL, "user" + i + "@mail.com"))
                    .matches("[a-z]+\\.[a-z]+\\d{1,2}@example\\.(com|org|net)");
            assertThat(anonymizer.fake(PHONE, "+44 7" + String.format("%09d", i * 7919)))
                    .matches("\\+44 7700 900\\d{3}");
            assertThat(anonymizer.fake(PHONE, "(212) 555-" + String.format("%04d", i)))
                    .matches("\\(\\d{3}\\) 555-01\\d\\d");
            assertThat(anonymizer.fake(PHONE, "020 7946 " + String.format("%04d", i)))
                    .matches("0\\d{2,3} 496 0\\d{3}|020 7946 0\\d{3}");
            assertThat(anonymizer.fake(IP_ADDRESS, "10.0.0." + i % 256))
                    .matches("(192\\.0\\.2|198\\.51\\.100|203\\.0\\.113)\\.\\d{1,3}");
            assertThat(anonymizer.fake(IP_ADDRESS, "fe80::" + Integer.toHexString(i + 1))).startsWith("2001:db8:");
            assertThat(anonymizer.fake(NATIONAL_ID, "536-22-" + String.format("%04d", i + 1))).matches("9\\d\\d-\\d\\d-\\d{4}");
            assertThat(anonymizer.fake(NATIONAL_ID, "AB 12 34 56 C")).matches("QQ \\d\\d \\d\\d \\d\\d [A-D]");
            assertThat(anonymizer.fake(USERNAME, "ada" + i)).matches("[a-z]+_[a-z]+\\d{2,3}");
            assertThat(anonymizer.fake(POSTCODE, "SW1Y 4JH")).matches("[A-Z]{2}\\d[A-Z] \\d[A-Z]{2}");
            assertThat(LocalDate.parse(anonymizer.fake(DATE_OF_BIRTH, "1985-12-" + (10 + i % 18))))
                    .isBetween(LocalDate.of(1940, 1, 1), LocalDate.of(2005, 12, 31));
        }
    }

    @Test
    void fake_typeWithoutGenerator_throwsNamingIt() {
        assertThatThrownBy(() -> anonymizer.fake(HEALTH, "x")).isInstanceOf(AnonymizationException.class)
                .hasMessageContaining("HEALTH");
        record Bad(@PersonalData(HEALTH) @Anonymize(Operator.FAKE) String diagnosis) {
        }
        assertThatThrownBy(() -> anonymizer.anonymize(new Bad("flu"))).isInstanceOf(AnonymizationException.class)
                .hasMessageContaining("Bad.diagnosis").hasMessageContaining("FAKE has no generator for HEALTH")
                .hasMessageNotContaining("flu");
    }

    // ------------------------------------------------------------------ operators

    record Ops(@SubjectId String id,
               @PersonalData(NAME) @Anonymize(Operator.REDACT) String redacted,
               @PersonalData(NAME) @Anonymize(Operator.SUPPRESS) String suppressed,
               @PersonalData(EMAIL) @Anonymize(Operator.MASK) String masked,
               @PersonalData(EMAIL) @Anonymize(Operator.PSEUDONYMIZE) String pseudonym,
               @PersonalData(OTHER) @Anonymize(Operator.PSEUDONYMIZE) UUID deviceUuid,
               @PersonalData(OTHER) @Anonymize(Operator.PSEUDONYMIZE) long accountNumber,
               @PersonalData(OTHER) @Anonymize(value = Operator.GENERALIZE, bucket = 10) int age,
               @PersonalData(OTHER) @Anonymize(value = Operator.GENERALIZE, bucket = 5) String ageText,
               @PersonalData(POSTCODE) @Anonymize(value = Operator.GENERALIZE, keepPrefix = 3) String zip,
               @PersonalData(GEOLOCATION) String location,
               @PersonalData(IP_ADDRESS) @Anonymize(Operator.GENERALIZE) String ip,
               @PersonalData(DATE_OF_BIRTH) @Anonymize(value = Operator.DATE_SHIFT, maxShiftDays = 10) LocalDate born,
               @PersonalData(OTHER) @Anonymize(value = Operator.DATE_SHIFT, maxShiftDays = 10) Instant lastLogin,
               @PersonalData(OTHER) @Anonymize(value = Operator.DATE_SHIFT, maxShiftDays = 10) String visited,
               @PersonalData(OTHER) @Anonymize(value = Operator.NOISE, bucket = 3) int steps,
               @PersonalData(OTHER) @Anonymize(Operator.NOISE) BigDecimal salary,
               @PersonalData(OTHER) @Anonymize(Operator.KEEP) String kept,
               @PersonalData(HEALTH) @Anonymize(Operator.REDACT) int redactedPrimitive) {
    }

    static Ops ops() {
        return new Ops("s-1", "Ada", "Ada", "ada@example.com", "ada@example.com",
                UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), 12345678L, 37, "37", "94103",
                "51.50735,-0.12776", "192.168.1.42", LocalDate.of(1985, 12, 10), Instant.parse("2026-11-20T09:30:00Z"),
                "2026-11-01", 1000, new BigDecimal("52000.00"), "as is", 7);
    }

    @Test
    void operators_doWhatTheyDeclare() {
        Ops o = anonymizer.anonymize(ops());
        assertThat(o.redacted()).isEqualTo(Maskers.REDACTED);
        assertThat(o.suppressed()).isNull();
        assertThat(o.masked()).isEqualTo("a***@example.com");
        assertThat(o.pseudonym()).matches("tok_[a-z2-7]{26}");
        assertThat(o.deviceUuid()).isNotEqualTo(ops().deviceUuid());
        assertThat(o.deviceUuid().version()).isEqualTo(8);
        assertThat(o.accountNumber()).isNotEqualTo(12345678L).isNotNegative();
        assertThat(o.age()).isEqualTo(30);
        assertThat(o.ageText()).isEqualTo("35-39");
        assertThat(o.zip()).isEqualTo("941**");
        assertThat(o.location()).isEqualTo("51.5,-0.2");
        assertThat(o.ip()).isEqualTo("192.168.1.0/24");
        long shift = ChronoUnit.DAYS.between(LocalDate.of(1985, 12, 10), o.born());
        assertThat(shift).isBetween(-10L, 10L).isNotZero();
        assertThat(ChronoUnit.DAYS.between(Instant.parse("2026-11-20T09:30:00Z"), o.lastLogin())).isEqualTo(shift);
        assertThat(ChronoUnit.DAYS.between(LocalDate.of(2026, 11, 1), LocalDate.parse(o.visited()))).isEqualTo(shift);
        assertThat(o.steps()).isBetween(997, 1003).isNotEqualTo(1000);
        assertThat(o.salary()).isBetween(new BigDecimal("46800.00"), new BigDecimal("57200.00"))
                .isNotEqualByComparingTo("52000.00");
        assertThat(o.salary().scale()).isEqualTo(2);
        assertThat(o.kept()).isEqualTo("as is");
        assertThat(o.redactedPrimitive()).isZero();
    }

    @Test
    void dateShift_isConsistentPerSubjectAndDiffersBetweenSubjects() {
        record Visit(@SubjectId String patient,
                     @PersonalData(OTHER) @Anonymize(value = Operator.DATE_SHIFT, maxShiftDays = 365) LocalDate admitted,
                     @PersonalData(OTHER) @Anonymize(value = Operator.DATE_SHIFT, maxShiftDays = 365) LocalDate discharged) {
        }
        LocalDate in = LocalDate.of(2026, 3, 1);
        LocalDate out = LocalDate.of(2026, 3, 9);
        Set<Long> shifts = new LinkedHashSet<>();
        for (int i = 0; i < 50; i++) {
            Visit v = anonymizer.anonymize(new Visit("p-" + i, in, out));
            assertThat(ChronoUnit.DAYS.between(v.admitted(), v.discharged())).isEqualTo(8);
            long shift = ChronoUnit.DAYS.between(in, v.admitted());
            assertThat(shift).isBetween(-365L, 365L).isNotZero();
            Visit again = anonymizer.anonymize(new Visit("p-" + i, in.plusDays(100), out));
            assertThat(ChronoUnit.DAYS.between(in.plusDays(100), again.admitted())).isEqualTo(shift);
            shifts.add(shift);
        }
        assertThat(shifts).hasSizeGreaterThan(40);
    }

    @Test
    void noise_isBoundedNonZeroAndDeterministic() {
        record Reading(@PersonalData(OTHER) @Anonymize(value = Operator.NOISE, bucket = 2) double weight,
                       @PersonalData(OTHER) @Anonymize(Operator.NOISE) long count) {
        }
        for (int i = 0; i < 200; i++) {
            Reading r = new Reading(70 + i * 0.1, 10 + i);
            Reading a = anonymizer.anonymize(r);
            assertThat(a).isEqualTo(anonymizer.anonymize(r));
            assertThat(Math.abs(a.weight() - r.weight())).isGreaterThan(0).isLessThanOrEqualTo(2);
            assertThat(Math.abs(a.count() - r.count())).isBetween(1L, Math.max(1, Math.round((10 + i) * 0.1)));
        }
    }

    @Test
    void generalize_dates_toYearOrMonth() {
        record Born(@PersonalData(DATE_OF_BIRTH) LocalDate date, @PersonalData(DATE_OF_BIRTH) String text) {
        }
        Born b = new Born(LocalDate.of(1985, 12, 10), "1985-12-10");
        assertThat(anonymizer.anonymize(b)).isEqualTo(new Born(LocalDate.of(1985, 1, 1), "1985"));
        Anonymizer monthly = Anonymizer.builder(KEY).dateGeneralization(DateGranularity.MONTH).build();
        assertThat(monthly.anonymize(b)).isEqualTo(new Born(LocalDate.of(1985, 12, 1), "1985-12"));
    }

    @Test
    void operator_thatCannotApply_failsNamingTheFieldNotTheValue() {
        record MaskedDate(@PersonalData(DATE_OF_BIRTH) @Anonymize(Operator.MASK) LocalDate born) {
        }
        assertThatThrownBy(() -> anonymizer.anonymize(new MaskedDate(LocalDate.of(1985, 12, 10))))
                .isInstanceOf(AnonymizationException.class)
                .hasMessageContaining("MaskedDate.born").hasMessageContaining("MASK applies to text, not to LocalDate")
                .hasMessageContaining("GENERALIZE or DATE_SHIFT").hasMessageNotContaining("1985");
        enum Faith { A, B }
        record NoisyEnum(@PersonalData(RELIGION) @Anonymize(Operator.NOISE) Faith faith) {
        }
        assertThatThrownBy(() -> anonymizer.anonymize(new NoisyEnum(Faith.A)))
                .isInstanceOf(AnonymizationException.class).hasMessageContaining("NoisyEnum.faith")
                .hasMessageContaining("NOISE applies to numbers");
        record BadText(@PersonalData(NAME) @Anonymize(Operator.GENERALIZE) String name) {
        }
        assertThatThrownBy(() -> anonymizer.anonymize(new BadText("Ada Lovelace")))
                .isInstanceOf(AnonymizationException.class).hasMessageContaining("BadText.name")
                .hasMessageNotContaining("Ada");
        record BadShift(@PersonalData(OTHER) @Anonymize(Operator.DATE_SHIFT) String when) {
        }
        assertThatThrownBy(() -> anonymizer.anonymize(new BadShift("yesterday")))
                .isInstanceOf(AnonymizationException.class).hasMessageContaining("ISO-8601")
                .hasMessageNotContaining("yesterday");
        assertThat(new AnonymizationException("A.b", "r").field()).isEqualTo("A.b");
    }

    // ------------------------------------------------------------------ defaults by sensitivity

    @Test
    void defaults_followTheSensitivityTable() {
        record Mixed(@PersonalData(value = NAME, sensitivity = Sensitivity.PUBLIC) String publicName,
                     @PersonalData(IP_ADDRESS) String internalIp,
                     @PersonalData(value = NAME, sensitivity = Sensitivity.RESTRICTED) String restrictedName,
                     @PersonalData(NATIONAL_ID) String ssn,
                     @PersonalData(FREE_TEXT) String note,
                     @Sensitive String password,
                     @PersonalData(BANK_ACCOUNT) String account) {
        }
        Mixed m = anonymizer.anonymize(new Mixed("Ada Lovelace", "192.168.1.42", "Alan Turing", "536-22-1234",
                "call me", "hunter2", "12345678"));
        assertThat(m.publicName()).isEqualTo("Ada Lovelace");
        assertThat(m.internalIp()).matches("(192\\.0\\.2|198\\.51\\.100|203\\.0\\.113)\\.\\d+");
        assertThat(m.restrictedName()).isNotEqualTo("Alan Turing").isNotNull();
        assertThat(m.ssn()).isNull();
        assertThat(m.note()).isEqualTo(Maskers.REDACTED);
        assertThat(m.password()).isNull();
        assertThat(m.account()).startsWith("tok_");
    }

    @Test
    void builder_operatorPerType_appliesWhereNoAnnotationSays() {
        Anonymizer pseudonymizing = Anonymizer.builder(KEY).operator(NAME, Operator.PSEUDONYMIZE)
                .operator(HEALTH, Operator.MASK).build();
        Customer c = pseudonymizing.anonymize(ada());
        assertThat(c.fullName()).startsWith("tok_");
        assertThat(c.diagnosis()).as("RESTRICTED stays suppressed").isNull();
        assertThatThrownBy(() -> Anonymizer.builder(KEY).operator(HEALTH, Operator.KEEP))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RESTRICTED");
        assertThat(pseudonymizing.operatorFor(PrivacyMetadata.of(Customer.class).property("email").classification()))
                .isEqualTo(Operator.FAKE);
    }

    @Test
    void pseudonymScope_typeLinksFieldsOfOneType() {
        record Two(@PersonalData(EMAIL) @Anonymize(Operator.PSEUDONYMIZE) String a,
                   @PersonalData(EMAIL) @Anonymize(Operator.PSEUDONYMIZE) String b) {
        }
        Two perField = anonymizer.anonymize(new Two("x@example.com", "x@example.com"));
        assertThat(perField.a()).isNotEqualTo(perField.b());
        Two perType = Anonymizer.builder(KEY).pseudonymScope(PseudonymScope.TYPE).tokenFormat(TokenFormat.HEX).build()
                .anonymize(new Two("x@example.com", "x@example.com"));
        assertThat(perType.a()).isEqualTo(perType.b()).matches("[0-9a-f]{32}");
    }

    @Test
    void pseudonymDomain_isTheDeclaredEncryptionContext_whenThereIsOne() {
        record Renamed(@PersonalData(EMAIL) @Anonymize(Operator.PSEUDONYMIZE) @Encrypted(mode = DETERMINISTIC,
                context = "Customer.email") String mail) {
        }
        record Original(@PersonalData(EMAIL) @Anonymize(Operator.PSEUDONYMIZE) String email) {
        }
        assertThat(anonymizer.anonymize(new Renamed("x@example.com")).mail())
                .isEqualTo(org.privacykit.pseudonym.Pseudonymizer.hmacSha256(KEY).pseudonymize("Customer.email",
                        "x@example.com"))
                .isNotEqualTo(anonymizer.anonymize(new Original("x@example.com")).email());
    }

    @Test
    void subjectIds_pseudonymizedInOneDomainSoReferencesStillMatch_orKept() {
        record Ticket(@SubjectId String customerId, String topic) {
        }
        Customer c = anonymizer.anonymize(ada());
        Ticket t = anonymizer.anonymize(new Ticket("c-1001", "refund"));
        assertThat(t.customerId()).isEqualTo(c.id()).isNotEqualTo("c-1001");
        assertThat(Anonymizer.builder(KEY).keepSubjectIds(true).build().anonymize(ada()).id()).isEqualTo("c-1001");
    }

    // ------------------------------------------------------------------ object graphs

    static class Person {
        @SubjectId
        String id;
        @PersonalData(NAME)
        String name;
    }

    static class Patient extends Person {
        @PersonalData(value = EMAIL)
        String email;
        @PersonalData(PHONE)
        List<String> phones = new ArrayList<>();
        @PersonalData(EMAIL)
        Map<String, String> emailsByLabel = new TreeMap<>();
        @PersonalData(NAME)
        String[] aliases;
        @PersonalData(EMAIL)
        Optional<String> backupEmail = Optional.empty();
        int visits;
        Patient guardian;
        List<Patient> children = new ArrayList<>();

        static Patient sample() {
            Patient p = new Patient();
            p.id = "p-1";
            p.name = "Ada Lovelace";
            p.email = "ada@example.com";
            p.phones.add("+44 20 7946 0958");
            p.phones.add("07700 900123");
            p.emailsByLabel.put("work", "ada@work.example");
            p.aliases = new String[] {"Countess Lovelace", null};
            p.backupEmail = Optional.of("ada.backup@example.com");
            p.visits = 3;
            return p;
        }

        String describe() {
            return id + name + email + phones + emailsByLabel + Arrays.toString(aliases) + backupEmail + visits
                    + (guardian == null ? "" : guardian.id) + children.size();
        }
    }

    @Test
    void anonymize_pojoWithInheritanceAndContainers() {
        Patient copy = anonymizer.anonymize(Patient.sample());
        assertThat(copy).isNotSameAs(Patient.sample()).isInstanceOf(Patient.class);
        assertThat(copy.id).startsWith("tok_");
        assertThat(copy.name).isNotEqualTo("Ada Lovelace");
        assertThat(copy.email).matches(".+@example\\.(com|org|net)").isNotEqualTo("ada@example.com");
        assertThat(copy.phones).hasSize(2).doesNotContain("+44 20 7946 0958", "07700 900123");
        assertThat(copy.phones.get(1)).matches("07700 900\\d{3}");
        assertThat(copy.emailsByLabel).isInstanceOf(TreeMap.class).containsOnlyKeys("work");
        assertThat(copy.emailsByLabel.get("work")).isNotEqualTo("ada@work.example");
        assertThat(copy.aliases).hasSize(2).doesNotContain("Countess Lovelace");
        assertThat(copy.aliases[1]).isNull();
        assertThat(copy.backupEmail).isPresent().get().isNotEqualTo("ada.backup@example.com");
        assertThat(copy.visits).isEqualTo(3);
    }

    @Test
    void anonymize_cyclesAndSharedReferences_areCopiedOnceAndStayShared() {
        Patient parent = Patient.sample();
        Patient child = Patient.sample();
        child.id = "p-2";
        child.guardian = parent;
        parent.children.add(child);
        parent.children.add(child);
        parent.guardian = parent;

        Patient copy = anonymizer.anonymize(parent);
        assertThat(copy.guardian).isSameAs(copy);
        assertThat(copy.children).hasSize(2);
        assertThat(copy.children.get(0)).isSameAs(copy.children.get(1)).isNotSameAs(child);
        assertThat(copy.children.get(0).guardian).isSameAs(copy);
        assertThat(copy.children.get(0).name).isNotEqualTo("Ada Lovelace");
        assertThat(parent.children.get(0)).isSameAs(child);
    }

    record Node(String name, List<Object> links) {
    }

    @Test
    void anonymize_cycleThroughARecord_failsClearly() {
        List<Object> links = new ArrayList<>();
        Node node = new Node("n", links);
        links.add(node);
        assertThatThrownBy(() -> anonymizer.anonymize(node)).isInstanceOf(AnonymizationException.class)
                .hasMessageContaining("Node").hasMessageContaining("cycles cannot be copied");
    }

    @Test
    void anonymize_collectionsMapsArraysAtTheRoot() {
        List<Customer> customers = List.of(ada(), ada());
        List<Customer> copies = anonymizer.anonymize(customers);
        assertThat(copies).hasSize(2);
        assertThat(copies.get(0)).isEqualTo(copies.get(1));
        assertThatThrownBy(() -> copies.add(ada())).isInstanceOf(UnsupportedOperationException.class);
        Map<String, Customer> byId = new HashMap<>(Map.of("a", ada()));
        assertThat(anonymizer.anonymize(byId).get("a").fullName()).isNotEqualTo("Ada Lovelace");
        Customer[] array = {ada()};
        assertThat(anonymizer.anonymize(array)[0].fullName()).isNotEqualTo("Ada Lovelace");
        assertThat(anonymizer.anonymize((Object) null)).isNull();
        assertThat(anonymizer.anonymize("plain text")).isEqualTo("plain text");
    }

    @Test
    void containersWithoutAPublicConstructor_fallBackToTheirInterface() {
        record Bag(@PersonalData(PHONE) List<String> phones, List<String> tags, Set<String> labels) {
        }
        Bag bag = new Bag(java.util.Collections.synchronizedList(new ArrayList<>(List.of("+44 20 7946 0958"))),
                java.util.Collections.synchronizedList(new ArrayList<>(List.of("vip"))),
                java.util.Collections.checkedSet(new java.util.HashSet<>(Set.of("a")), String.class));
        Bag copy = anonymizer.anonymize(bag);
        assertThat(copy.phones()).hasSize(1).doesNotContain("+44 20 7946 0958");
        assertThat(copy.tags()).containsExactly("vip").isNotSameAs(bag.tags());
        assertThat(copy.labels()).containsExactly("a");
    }

    @Test
    void suppress_onContainers_givesEmptyContainers() {
        record Contacts(@PersonalData(PHONE) @Anonymize(Operator.SUPPRESS) List<String> phones,
                        @PersonalData(PHONE) @Anonymize(Operator.SUPPRESS) Optional<String> mobile,
                        @PersonalData(PHONE) @Anonymize(Operator.SUPPRESS) String[] fax) {
        }
        Contacts c = anonymizer.anonymize(new Contacts(List.of("1"), Optional.of("2"), new String[] {"3"}));
        assertThat(c.phones()).isEmpty();
        assertThat(c.mobile()).isEmpty();
        assertThat(c.fax()).isEmpty();
    }

    @Test
    void selector_choosesPerValue_forExampleOneSubjectOnly() {
        List<Customer> both = List.of(ada(), new Customer("c-2", "Alan Turing", "alan@example.org", null, null, null,
                "Asthma", LocalDate.of(1992, 6, 23), null, "basic", List.of()));
        List<String> paths = new ArrayList<>();
        List<Customer> copy = anonymizer.anonymize(both, site -> {
            paths.add(site.path());
            return "c-2".equals(site.subjectId()) ? site.declaredOperator() : null;
        });
        assertThat(copy.get(0)).isEqualTo(ada());
        assertThat(copy.get(1).id()).isEqualTo("c-2");
        assertThat(copy.get(1).fullName()).isNotEqualTo("Alan Turing");
        assertThat(copy.get(1).diagnosis()).isNull();
        assertThat(paths).contains("[0].fullName", "[0].orders[0].shippingAddress.postcode", "[1].email");
    }

    @Test
    void anonymize_manyThreads_agreeWithOneThread() throws Exception {
        Customer expected = anonymizer.anonymize(ada());
        Anonymizer shared = Anonymizer.withKey(KEY);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Customer>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                results.add(pool.submit(() -> shared.anonymize(ada())));
            }
            for (Future<Customer> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void builder_validatesEagerly_andToStringHidesTheKey() {
        assertThatThrownBy(() -> Anonymizer.withKey(new byte[15])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("128 bits");
        assertThatThrownBy(() -> Anonymizer.builder(KEY).maxShiftDays(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Anonymizer.builder(KEY).numberBucket(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Anonymizer.builder(KEY).noiseRatio(2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Anonymizer.builder(KEY).gridDegrees(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(anonymizer.toString()).startsWith("Anonymizer[").doesNotContain("0123456789abcdef");
    }

    static final class Link {
        @PersonalData(NAME)
        String name = "Alan Turing";
        Link next;
    }

    @Test
    void anonymize_deepChain_isCopiedWithoutOverflowingTheStack() {
        Link head = new Link();
        Link tail = head;
        for (int i = 0; i < 20_000; i++) {
            tail.next = new Link();
            tail = tail.next;
        }

        Link copy = anonymizer.anonymize(head);

        int length = 0;
        for (Link l = copy; l != null; l = l.next) {
            assertThat(l.name).doesNotContain("Turing");
            length++;
        }
        assertThat(length).isEqualTo(20_001);
    }

    record Signup(@PersonalData(EMAIL) @Anonymize(Operator.MASK) String email, String plan) {
        Signup {
            if (email != null && !email.matches("[^*]+@.+")) {
                throw new IllegalArgumentException("invalid e-mail " + email);
            }
        }
    }

    @Test
    void anonymize_recordWhoseConstructorRejectsTheAnonymizedValue_namesTheComponentAndTheFix() {
        assertThatThrownBy(() -> anonymizer.anonymize(new Signup("zelda@example.com", "gold")))
                .isInstanceOf(AnonymizationException.class)
                .hasMessageStartingWith("Signup.email: the constructor of Signup rejects the anonymized value of email"
                        + " (it threw java.lang.IllegalArgumentException); give email an operator")
                .satisfies(e -> assertThat(((AnonymizationException) e).field()).isEqualTo("Signup.email"))
                .satisfies(e -> assertThat(e.getCause().getMessage()).doesNotContain("z***"));
    }

    record Logins(@SubjectId String id, Map<@PersonalData(EMAIL) String, Integer> byEmail,
                  @PersonalData(PHONE) Map<@PersonalData(NAME) String, String> phonesByName) {
    }

    @Test
    void anonymize_personalMapKeys_arePseudonymized_distinctAndStable() {
        Map<String, Integer> byEmail = new java.util.LinkedHashMap<>();
        byEmail.put("zelda@example.com", 3);
        byEmail.put("link@example.com", 5);
        Logins logins = new Logins("c-1", byEmail, Map.of("Zelda Fitzgerald", "+44 20 7946 0958"));

        Logins copy = anonymizer.anonymize(logins);

        assertThat(copy.byEmail()).hasSize(2).containsValues(3, 5);
        assertThat(copy.byEmail().keySet()).allSatisfy(k -> assertThat(k).startsWith("tok_"))
                .doesNotContain("zelda@example.com", "link@example.com");
        assertThat(copy.phonesByName().keySet()).singleElement().asString().startsWith("tok_");
        assertThat(copy.phonesByName().values()).singleElement().asString().doesNotContain("7946 0958");
        assertThat(anonymizer.anonymize(logins)).isEqualTo(copy);
    }

    @Test
    void withKey_degenerateKey_isRefused() {
        byte[] counter = new byte[32];
        for (int i = 0; i < counter.length; i++) {
            counter[i] = (byte) (i * 3);
        }
        byte[] pattern = "abcdabcdabcdabcdabcdabcdabcdabcd".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] ones = new byte[32];
        java.util.Arrays.fill(ones, (byte) 0xFF);
        for (byte[] key : List.of(new byte[32], new byte[16], ones, counter, pattern)) {
            assertThatThrownBy(() -> Anonymizer.withKey(key)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("degenerate").hasMessageContaining("SecureRandom");
        }
        assertThatThrownBy(() -> Anonymizer.withKey(new byte[32])).hasMessageContaining("all zero bytes");
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        assertThat(Anonymizer.withKey(random)).isNotNull();
    }

    @Test
    void encryptedButUnclassifiedField_isDropped() {
        record Legacy(@Encrypted String blob, String kept) {
        }
        assertThat(anonymizer.anonymize(new Legacy("secret", "k"))).isEqualTo(new Legacy(null, "k"));
    }

    @Test
    void personalDataTypesWithoutFakes_areListedInTheJavadocTable() {
        for (PersonalDataType type : PersonalDataType.values()) {
            boolean hasFake;
            try {
                anonymizer.fake(type, "1985-12-10");
                hasFake = true;
            } catch (AnonymizationException e) {
                hasFake = false;
            }
            assertThat(hasFake).as(type.name()).isEqualTo(!EnumSetHolder.NO_FAKE.contains(type));
        }
    }

    private static final class EnumSetHolder {
        static final Set<PersonalDataType> NO_FAKE = Set.of(GEOLOCATION, HEALTH, BIOMETRIC, GENETIC, ETHNIC_ORIGIN,
                POLITICAL_OPINION, RELIGION, TRADE_UNION, SEX_LIFE, CRIMINAL_RECORD, FREE_TEXT, OTHER);
    }
}
