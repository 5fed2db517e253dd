package org.privacykit.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacykit.annotation.EncryptionMode.DETERMINISTIC;
import static org.privacykit.annotation.PersonalDataType.*;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.privacykit.annotation.EncryptionMode;
import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.LegalBasis;
import org.privacykit.annotation.Operator;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.Sensitive;
import org.privacykit.annotation.Sensitivity;
import org.privacykit.annotation.SubjectId;
import org.privacykit.inventory.scanfixture.Patient;

class DataInventoryTest {

    record Address(@PersonalData(value = POSTCODE, purposes = "shipping") String postcode) {
    }

    record Order(String id, Address shippingAddress) {
    }

    record Customer(@SubjectId String id,
                    @PersonalData(value = EMAIL, purposes = {"billing", "support"}, legalBasis = LegalBasis.CONTRACT,
                            retention = "P6Y") @Encrypted(mode = DETERMINISTIC) String email,
                    @PersonalData(HEALTH) @Encrypted String diagnosis,
                    @PersonalData(DATE_OF_BIRTH) LocalDate birthDate,
                    @Sensitive("integration token") String apiToken,
                    List<Order> orders,
                    String plan) {
    }

    record Stored(@PersonalData(DATE_OF_BIRTH) @Encrypted LocalDate born,
                  @PersonalData(PHONE) @Encrypted List<String> phones,
                  java.util.Map<@PersonalData(EMAIL) String, Order> ordersByEmail) {
    }

    @Test
    void atRest_comesFromTheDecisionOfEachStoragePath() {
        DataInventory inventory = DataInventory.scan(Stored.class);

        assertThat(inventory.entries()).extracting(InventoryEntry::path, InventoryEntry::atRest).containsExactly(
                org.assertj.core.groups.Tuple.tuple("born", "encrypted (randomized) by the Jackson encrypting mapper"
                        + " only; FieldEncryptor.encrypt(object) and privacy-jpa refuse it: is declared LocalDate"),
                org.assertj.core.groups.Tuple.tuple("phones[]", "encrypted (randomized) by"
                        + " FieldEncryptor.encrypt(object) and the Jackson encrypting mapper only; privacy-jpa refuses"
                        + " it: is declared List"),
                org.assertj.core.groups.Tuple.tuple("ordersByEmail{key}", "clear"),
                org.assertj.core.groups.Tuple.tuple("ordersByEmail{}.shippingAddress.postcode", "clear"));
        InventoryEntry born = inventory.entries().get(0);
        assertThat(born.atRest(org.privacykit.metadata.EncryptionPath.JSON).encrypted()).isTrue();
        assertThat(born.atRest(org.privacykit.metadata.EncryptionPath.OBJECT_COPY).encrypted()).isFalse();
        assertThat(inventory.entries().get(2).type()).contains(EMAIL);
    }

    @Test
    void scan_listsEveryProtectedPathWithSafeguards() {
        DataInventory inventory = DataInventory.scan(Customer.class);

        assertThat(inventory.entries()).extracting(InventoryEntry::path).containsExactly("email", "diagnosis",
                "birthDate", "apiToken", "orders[].shippingAddress.postcode");
        InventoryEntry email = inventory.entries().get(0);
        assertThat(email.type()).contains(EMAIL);
        assertThat(email.purposes()).containsExactly("billing", "support");
        assertThat(email.legalBasis()).contains(LegalBasis.CONTRACT);
        assertThat(email.retention()).map(Object::toString).contains("P6Y");
        assertThat(email.encryption()).contains(EncryptionMode.DETERMINISTIC);
        assertThat(email.atRest()).isEqualTo("encrypted (deterministic)");
        assertThat(email.apiOutput()).isEqualTo("masked (EMAIL); clear for billing, support");
        assertThat(email.logOutput()).isEqualTo("masked (EMAIL)");
        assertThat(email.anonymization()).isEqualTo(Operator.FAKE);
        InventoryEntry diagnosis = inventory.entries().get(1);
        assertThat(diagnosis.isSpecialOrCriminal()).isTrue();
        assertThat(diagnosis.isCcpaSensitive()).isTrue();
        assertThat(diagnosis.apiOutput()).isEqualTo("redacted");
        InventoryEntry token = inventory.entries().get(3);
        assertThat(token.typeLabel()).isEqualTo("SECRET");
        assertThat(token.sensitivity()).isEqualTo(Sensitivity.RESTRICTED);
        InventoryEntry postcode = inventory.entries().get(4);
        assertThat(postcode.declaringClass()).isEqualTo(Address.class);
        assertThat(postcode.apiOutput()).isEqualTo("clear");
        assertThat(postcode.logOutput()).isEqualTo("masked (POSTCODE)");
    }

    @Test
    void summary_countsWithoutValues() {
        InventorySummary summary = DataInventory.scan(Customer.class).summary();

        assertThat(summary.classes()).isEqualTo(1);
        assertThat(summary.fields()).isEqualTo(5);
        assertThat(summary.specialOrCriminal()).isEqualTo(1);
        assertThat(summary.restricted()).isEqualTo(2);
        assertThat(summary.encrypted()).isEqualTo(2);
        assertThat(summary.withoutPurpose()).isEqualTo(2);
        assertThat(summary.withoutRetention()).isEqualTo(3);
        assertThat(summary.toString()).startsWith("5 protected fields in 1 classes");
    }

    @Test
    void toJson_isValidAndComplete() throws Exception {
        JsonNode json = new ObjectMapper().readTree(DataInventory.scan(Customer.class).toJson());

        assertThat(json.path("summary").path("fields").asInt()).isEqualTo(5);
        JsonNode email = json.path("fields").get(0);
        assertThat(email.path("class").asText()).endsWith("DataInventoryTest$Customer");
        assertThat(email.path("path").asText()).isEqualTo("email");
        assertThat(email.path("type").asText()).isEqualTo("EMAIL");
        assertThat(email.path("purposes")).hasSize(2);
        assertThat(email.path("legalBasis").asText()).isEqualTo("CONTRACT");
        assertThat(json.path("fields").get(1).path("gdprArticle").asText()).isEqualTo("Art. 9(1)");
        assertThat(json.path("fields").get(2).path("retention").isNull()).isTrue();
    }

    @Test
    void toJson_empty() throws Exception {
        JsonNode json = new ObjectMapper().readTree(DataInventory.scan(String.class).toJson());
        assertThat(json.path("fields")).isEmpty();
    }

    @Test
    void toMarkdown_hasOneRowPerField() {
        String markdown = DataInventory.scan(Customer.class).toMarkdown();

        assertThat(markdown).startsWith("# Personal data inventory");
        assertThat(markdown).contains("| `orders[].shippingAddress.postcode` | POSTCODE |");
        assertThat(markdown).contains("Health data (Art. 9(1))");
        assertThat(markdown.lines().filter(l -> l.startsWith("| `")).count()).isEqualTo(5);
    }

    @Test
    void toHtml_isSelfContainedAndEscaped() {
        String html = DataInventory.scan(Customer.class).toHtml();

        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        assertThat(html).doesNotContain("http://", "https://", "<script", "src=", "<link");
        assertThat(html).contains("<code>orders[].shippingAddress.postcode</code>");
        assertThat(html).contains("DataInventoryTest$Customer");
        assertThat(InventoryFormats.escape("<a href='x'>&</a>")).isEqualTo("&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;");
    }

    @Test
    void scanPackage_listsAggregatesOnce() {
        DataInventory inventory = DataInventory.scanPackage("org.privacykit.inventory.scanfixture");

        assertThat(inventory.classes()).containsExactly(Patient.class);
        assertThat(inventory.entries().stream().map(InventoryEntry::path).collect(Collectors.toList()))
                .containsExactly("name", "condition", "visits[].notes");
        assertThat(inventory.unloadableClasses()).isEmpty();
    }

    @Test
    void scanPackages_listAClassReachedFromAnotherPackageOnce() {
        // scanned alone, the sub-package's Visit would be a root of its own; with Patient's package it is a path under Patient
        DataInventory inventory = DataInventory.scanPackages(List.of("org.privacykit.inventory.scanfixture.sub",
                "org.privacykit.inventory.scanfixture"), DataInventory.class.getClassLoader());

        assertThat(inventory.classes()).containsExactly(Patient.class);
        assertThat(inventory.entries().stream().map(InventoryEntry::path).collect(Collectors.toList()))
                .containsExactly("name", "condition", "visits[].notes");
        assertThat(DataInventory.scanPackage("org.privacykit.inventory.scanfixture.sub").classes()).hasSize(1);
    }

    @Test
    void scanPackage_fromAJar() throws Exception {
        DataInventory inventory = DataInventory.scanPackage("org.slf4j.helpers", DataInventory.class.getClassLoader());
        assertThat(inventory.entries()).isEmpty();
    }
}
