package org.privacykit.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.privacykit.annotation.EncryptionMode.DETERMINISTIC;
import static org.privacykit.annotation.PersonalDataType.*;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.privacykit.annotation.Anonymize;
import org.privacykit.annotation.DataCategory;
import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.EncryptionMode;
import org.privacykit.annotation.LegalBasis;
import org.privacykit.annotation.Mask;
import org.privacykit.annotation.MaskStyle;
import org.privacykit.annotation.NotPersonalData;
import org.privacykit.annotation.Operator;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.Sensitive;
import org.privacykit.annotation.Sensitivity;
import org.privacykit.annotation.SubjectId;

class PrivacyMetadataTest {

    @PersonalData(EMAIL)
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @interface Email {
    }

    @Email
    @Encrypted(mode = DETERMINISTIC)
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
    @interface SearchableEmail {
    }

    record Address(@PersonalData(POSTAL_ADDRESS) String street, @PersonalData(POSTCODE) String postcode,
                   String city) {
    }

    record Order(String id, Address shippingAddress) {
    }

    record Customer(@SubjectId String id,
                    @PersonalData(value = NAME, purposes = {"Support", "billing"}, legalBasis = LegalBasis.CONTRACT,
                            retention = "P6Y") String fullName,
                    @Email String email,
                    @SearchableEmail String loginEmail,
                    @PersonalData(HEALTH) @Encrypted String diagnosis,
                    @PersonalData(value = DATE_OF_BIRTH, retention = "p10y") LocalDate birthDate,
                    @Sensitive @Encrypted String apiToken,
                    @PersonalData(PHONE) List<String> phones,
                    List<Order> orders,
                    Map<String, Address> addressBook,
                    Optional<Address> billing,
                    Address[] previous,
                    String plan) {
    }

    static class Person {
        @SubjectId
        private String id;
        @PersonalData(NAME)
        private String name;
    }

    static class Employee extends Person {
        private String team;
        private String salaryBand;

        @PersonalData(value = OTHER, sensitivity = Sensitivity.CONFIDENTIAL)
        public String getSalaryBand() {
            return salaryBand;
        }

        @PersonalData(EMAIL)
        public String getWorkEmail() {
            return team + "@example.com";
        }
    }

    static class Node {
        @PersonalData(NAME)
        String label;
        List<Node> children = new ArrayList<>();
        Node parent;
    }

    record Transfer(@SubjectId("payer") String payerId, @SubjectId("payee") String payeeId,
                    @PersonalData(value = IBAN, subject = "payer") String payerIban,
                    @PersonalData(value = IBAN, subject = "payee") String payeeIban,
                    String reference) {
    }

    @Test
    void of_record_readsComponentsWithDefaultsAndOverrides() {
        ClassMetadata metadata = PrivacyMetadata.of(Customer.class);

        assertThat(metadata.isRecord()).isTrue();
        assertThat(metadata.properties()).extracting(PropertyMetadata::name).containsExactly("id", "fullName",
                "email", "loginEmail", "diagnosis", "birthDate", "apiToken", "phones", "orders", "addressBook",
                "billing", "previous", "plan");
        Classification name = metadata.property("fullName").classification();
        assertThat(name.typeOrNull()).isEqualTo(NAME);
        assertThat(name.category()).isEqualTo(DataCategory.IDENTITY);
        assertThat(name.sensitivity()).isEqualTo(Sensitivity.CONFIDENTIAL);
        assertThat(name.purposes()).containsExactlyInAnyOrder("support", "billing");
        assertThat(name.legalBasis()).contains(LegalBasis.CONTRACT);
        assertThat(name.retention()).map(RetentionPeriod::iso).contains("P6Y");
        assertThat(name.maskStyle()).isEqualTo(MaskStyle.NAME);
        assertThat(name.operator()).isEqualTo(Operator.FAKE);
        assertThat(metadata.property("birthDate").classification().retention()).map(Object::toString)
                .contains("P10Y");
        assertThat(metadata.property("plan").isProtected()).isFalse();
        assertThat(metadata.property("id").isSubjectId()).isTrue();
        assertThat(metadata.subjectIdProperty("")).isSameAs(metadata.property("id"));
    }

    @Test
    void of_specialCategory_isRestrictedAndSuppressed() {
        Classification diagnosis = PrivacyMetadata.of(Customer.class).property("diagnosis").classification();

        assertThat(diagnosis.sensitivity()).isEqualTo(Sensitivity.RESTRICTED);
        assertThat(diagnosis.category().isSpecialCategory()).isTrue();
        assertThat(diagnosis.category().gdprArticle()).isEqualTo("Art. 9(1)");
        assertThat(diagnosis.operator()).isEqualTo(Operator.SUPPRESS);
    }

    @Test
    void of_sensitiveAlone_isRestrictedSecretWithoutType() {
        Classification token = PrivacyMetadata.of(Customer.class).property("apiToken").classification();

        assertThat(token.isPersonalData()).isFalse();
        assertThat(token.type()).isEmpty();
        assertThat(token.category()).isEqualTo(DataCategory.CREDENTIALS);
        assertThat(token.sensitivity()).isEqualTo(Sensitivity.RESTRICTED);
        assertThat(token.maskStyle()).isEqualTo(MaskStyle.FULL);
    }

    @Test
    void of_metaAnnotation_composesPersonalDataAndEncryption() {
        ClassMetadata metadata = PrivacyMetadata.of(Customer.class);

        assertThat(metadata.property("email").classification().typeOrNull()).isEqualTo(EMAIL);
        assertThat(metadata.property("email").isEncrypted()).isFalse();
        PropertyMetadata login = metadata.property("loginEmail");
        assertThat(login.classification().typeOrNull()).isEqualTo(EMAIL);
        assertThat(login.encryption().mode()).isEqualTo(EncryptionMode.DETERMINISTIC);
        assertThat(login.encryption().context()).isEqualTo("Customer.loginEmail");
    }

    @Test
    void of_containers_reportShapeAndElementClass() {
        ClassMetadata metadata = PrivacyMetadata.of(Customer.class);

        assertThat(metadata.property("phones").containerSuffix()).isEqualTo("[]");
        assertThat(metadata.property("phones").elementClass()).isEqualTo(String.class);
        assertThat(metadata.property("orders").elementMetadata().type()).isEqualTo(Order.class);
        assertThat(metadata.property("addressBook").containerSuffix()).isEqualTo("{}");
        assertThat(metadata.property("billing").containerSuffix()).isEmpty();
        assertThat(metadata.property("billing").elementClass()).isEqualTo(Address.class);
        assertThat(metadata.property("previous").containerSuffix()).isEqualTo("[]");
        assertThat(metadata.property("plan").isContainer()).isFalse();
    }

    @Test
    void protectedFields_followNestedTypesWithPaths() {
        List<String> paths = PrivacyMetadata.of(Customer.class).protectedFields().stream()
                .map(PersonalField::path).collect(Collectors.toList());

        assertThat(paths).containsExactly("fullName", "email", "loginEmail", "diagnosis", "birthDate", "apiToken",
                "phones[]", "orders[].shippingAddress.street", "orders[].shippingAddress.postcode",
                "addressBook{}.street", "addressBook{}.postcode", "billing.street", "billing.postcode",
                "previous[].street", "previous[].postcode");
    }

    @Test
    void of_pojo_readsInheritedFieldsAndAnnotatedGetters() {
        ClassMetadata metadata = PrivacyMetadata.of(Employee.class);

        assertThat(metadata.properties()).extracting(PropertyMetadata::name)
                .containsExactly("id", "name", "team", "salaryBand", "workEmail");
        assertThat(metadata.property("salaryBand").classification().typeOrNull()).isEqualTo(OTHER);
        assertThat(metadata.property("salaryBand").classification().sensitivity())
                .isEqualTo(Sensitivity.CONFIDENTIAL);
        assertThat(metadata.property("salaryBand").isWritable()).isTrue();
        PropertyMetadata workEmail = metadata.property("workEmail");
        assertThat(workEmail.isWritable()).isFalse();
        Employee e = new Employee();
        e.team = "ops";
        assertThat(workEmail.get(e)).isEqualTo("ops@example.com");
        assertThat(metadata.hasSubjectId()).isTrue();
    }

    @Test
    void protectedFields_selfReferencingType_expandsOnce() {
        List<String> paths = PrivacyMetadata.of(Node.class).protectedFields().stream()
                .map(PersonalField::path).collect(Collectors.toList());

        assertThat(paths).containsExactly("label");
    }

    @Test
    void of_isCachedPerClass() {
        assertThat(PrivacyMetadata.of(Customer.class)).isSameAs(PrivacyMetadata.of(Customer.class));
    }

    @Test
    void of_concurrentFirstUse_givesOneConsistentResult() throws Exception {
        record Fresh(@PersonalData(EMAIL) String email, @SubjectId String id) {
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        Set<ClassMetadata> seen = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 8; i++) {
            pool.submit(() -> {
                start.await();
                seen.add(PrivacyMetadata.of(Fresh.class));
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).hasSize(1);
    }

    @Test
    void of_jdkTypes_haveNoProperties() {
        assertThat(PrivacyMetadata.of(String.class).properties()).isEmpty();
        assertThat(PrivacyMetadata.isNavigable(LocalDate.class)).isFalse();
        assertThat(PrivacyMetadata.isNavigable(Customer.class)).isTrue();
    }

    record NotAndPersonal(@NotPersonalData @PersonalData(EMAIL) String email) {
    }

    record NotAndSensitive(@NotPersonalData @Sensitive String token) {
    }

    record TwoTypes(@Email @PersonalData(PHONE) String contact) {
    }

    record BadRetention(@PersonalData(value = EMAIL, retention = "ten years") String email) {
    }

    record UnknownRole(@SubjectId("buyer") String buyerId, @PersonalData(value = EMAIL, subject = "seller") String e) {
    }

    record KeepRestricted(@PersonalData(HEALTH) @Anonymize(Operator.KEEP) String diagnosis) {
    }

    record MaskWithoutClassification(@Mask(MaskStyle.FULL) String note) {
    }

    record RandomizedSubjectId(@SubjectId @Encrypted String id) {
    }

    record TwoSubjects(@SubjectId String a, @SubjectId String b) {
    }

    record TwoSensitivities(@PersonalData(value = EMAIL, sensitivity = {Sensitivity.PUBLIC, Sensitivity.INTERNAL})
                            String e) {
    }

    @Test
    void of_conflictingDeclarations_throwNamingClassAndField() {
        assertThatThrownBy(() -> PrivacyMetadata.of(NotAndPersonal.class))
                .isInstanceOf(PrivacyDeclarationException.class)
                .hasMessage("NotAndPersonal.email: @NotPersonalData conflicts with @PersonalData");
        assertThatThrownBy(() -> PrivacyMetadata.of(NotAndSensitive.class))
                .hasMessageContaining("NotAndSensitive.token").hasMessageContaining("@Sensitive");
        assertThatThrownBy(() -> PrivacyMetadata.of(TwoTypes.class))
                .hasMessageContaining("TwoTypes.contact").hasMessageContaining("@PersonalData 2 times");
        assertThatThrownBy(() -> PrivacyMetadata.of(BadRetention.class))
                .isInstanceOfSatisfying(PrivacyDeclarationException.class,
                        e -> assertThat(e.field()).isEqualTo("BadRetention.email"))
                .hasMessageContaining("not an ISO-8601 duration");
        assertThatThrownBy(() -> PrivacyMetadata.of(UnknownRole.class))
                .hasMessageContaining("UnknownRole.e").hasMessageContaining("'seller'");
        assertThatThrownBy(() -> PrivacyMetadata.of(KeepRestricted.class))
                .hasMessageContaining("KeepRestricted.diagnosis").hasMessageContaining("KEEP");
        assertThatThrownBy(() -> PrivacyMetadata.of(MaskWithoutClassification.class))
                .hasMessageContaining("MaskWithoutClassification.note");
        assertThatThrownBy(() -> PrivacyMetadata.of(RandomizedSubjectId.class))
                .hasMessageContaining("RandomizedSubjectId.id").hasMessageContaining("mode = DETERMINISTIC");
        assertThatThrownBy(() -> PrivacyMetadata.of(TwoSubjects.class))
                .hasMessageContaining("TwoSubjects.b").hasMessageContaining("second @SubjectId");
        assertThatThrownBy(() -> PrivacyMetadata.of(TwoSensitivities.class))
                .hasMessageContaining("TwoSensitivities.e").hasMessageContaining("at most one");
    }

    @Test
    void walk_visitsProtectedValuesWithConcretePathsAndSubject() {
        Customer customer = new Customer("c-1", "Ada Lovelace", "ada@example.com", "a@example.com", "flu",
                LocalDate.of(1985, 12, 10), "tok", List.of("+44 1", "+44 2"),
                List.of(new Order("o-1", new Address("1 Main St", "SW1A 1AA", "London"))),
                Map.of("home", new Address("2 High St", "N1 9GU", "London")), Optional.empty(), null, "gold");
        List<String> visits = new ArrayList<>();

        PrivacyMetadata.walk(customer, (path, property, value, subject) ->
                visits.add(path + "=" + value + "@" + subject));

        assertThat(visits).containsExactly("fullName=Ada Lovelace@c-1", "email=ada@example.com@c-1",
                "loginEmail=a@example.com@c-1", "diagnosis=flu@c-1", "birthDate=1985-12-10@c-1", "apiToken=tok@c-1",
                "phones[0]=+44 1@c-1", "phones[1]=+44 2@c-1", "orders[0].shippingAddress.street=1 Main St@c-1",
                "orders[0].shippingAddress.postcode=SW1A 1AA@c-1", "addressBook{0}.street=2 High St@c-1",
                "addressBook{0}.postcode=N1 9GU@c-1");
    }

    @Test
    void walk_severalSubjects_eachFieldGetsItsOwn() {
        List<String> visits = new ArrayList<>();

        PrivacyMetadata.walk(List.of(new Transfer("p-1", "p-2", "DE89", "GB29", "rent")),
                (path, property, value, subject) -> visits.add(path + "@" + subject));

        assertThat(visits).containsExactly("[0].payerIban@p-1", "[0].payeeIban@p-2");
    }

    @Test
    void walk_cycles_visitEachObjectOnce() {
        Node root = new Node();
        root.label = "root";
        Node child = new Node();
        child.label = "child";
        child.parent = root;
        root.children.add(child);
        List<String> visits = new ArrayList<>();

        PrivacyMetadata.walk(root, (path, property, value, subject) -> visits.add(path));

        assertThat(visits).containsExactly("label", "children[0].label");
    }

    static final class Link {
        @PersonalData(NAME)
        String name = "n";
        Link next;
    }

    @Test
    void walk_deepChain_walksWithoutOverflowingTheStack() {
        Link head = new Link();
        Link tail = head;
        for (int i = 0; i < 50_000; i++) {
            tail.next = new Link();
            tail = tail.next;
        }
        int[] visits = {0};

        PrivacyMetadata.walk(head, (path, property, value, subject) -> visits[0]++);

        assertThat(visits[0]).isEqualTo(50_001);
    }

    record Account(@SubjectId String id, Map<@PersonalData(EMAIL) String, Integer> logins,
                   @Sensitive char[] password) {
    }

    @Test
    void walk_visitsPersonalMapKeys_andAPrimitiveArrayAsOneValue() {
        Map<String, Integer> logins = new java.util.LinkedHashMap<>();
        logins.put("ada@example.com", 3);
        logins.put("a.l@example.org", 1);
        List<String> visits = new ArrayList<>();

        PrivacyMetadata.walk(new Account("c-1", logins, "pw".toCharArray()), (path, property, value, subject) ->
                visits.add(path + "=" + (value instanceof char[] c ? new String(c) : value) + "@" + subject + " "
                        + property.qualifiedName() + " " + property.classification().typeOrNull()));

        assertThat(visits).containsExactly("logins{key:0}=ada@example.com@c-1 Account.logins{key} EMAIL",
                "logins{key:1}=a.l@example.org@c-1 Account.logins{key} EMAIL", "password=pw@c-1 Account.password null");
    }

    static final class Throwing {
        @PersonalData(EMAIL)
        public String getEmail() {
            throw new IllegalStateException("cannot read zelda@example.com");
        }
    }

    @Test
    void walk_throwingGetter_namesTheFieldAndTheType_neverTheMessage() {
        assertThatThrownBy(() -> PrivacyMetadata.walk(new Throwing(), (path, property, value, subject) -> { }))
                .hasMessage("Throwing.email: getter threw java.lang.IllegalStateException")
                .satisfies(e -> assertThat(e.getCause().getMessage()).doesNotContain("zelda"));
    }

    @Test
    void subjectIdFor_usesRoleOfTheProperty() {
        ClassMetadata metadata = PrivacyMetadata.of(Transfer.class);
        Transfer t = new Transfer("p-1", "p-2", "DE89", "GB29", "rent");

        assertThat(metadata.subjectIdFor(t, metadata.property("payerIban"))).isEqualTo("p-1");
        assertThat(metadata.subjectIdFor(t, metadata.property("payeeIban"))).isEqualTo("p-2");
        assertThat(metadata.subjectIdProperty("")).isNull();
    }
}
