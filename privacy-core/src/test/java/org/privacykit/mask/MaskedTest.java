package org.privacykit.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacykit.annotation.PersonalDataType.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.Mask;
import org.privacykit.annotation.MaskStyle;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.Sensitive;
import org.privacykit.annotation.SubjectId;

class MaskedTest {

    record Address(@PersonalData(POSTCODE) String postcode, String city) {
    }

    record Customer(@SubjectId String id,
                    @PersonalData(NAME) String fullName,
                    @PersonalData(EMAIL) String email,
                    @PersonalData(PAYMENT_CARD) @Mask(keepFirst = 6) String card,
                    @PersonalData(HEALTH) String diagnosis,
                    @PersonalData(DATE_OF_BIRTH) LocalDate birthDate,
                    @Sensitive String apiToken,
                    @PersonalData(PHONE) List<String> phones,
                    Optional<Address> address,
                    Map<String, Address> others,
                    String plan) {

        @Override
        public String toString() {
            return Masked.toString(this);
        }
    }

    private static Customer ada() {
        Map<String, Address> others = new LinkedHashMap<>();
        others.put("work", new Address("EC1A 1BB", "London"));
        return new Customer("c-1", "Ada Lovelace", "ada@example.com", "4111 1111 1111 1111", "diabetes",
                LocalDate.of(1985, 12, 10), "sk_live_123", List.of("+44 20 7946 0958"),
                Optional.of(new Address("SW1A 2AA", "London")), others, "gold");
    }

    @Test
    void toString_masksByTheSensitivityTableForLogs() {
        assertThat(ada().toString()).isEqualTo("Customer[id=c-1, fullName=A. L., email=a***@example.com, "
                + "card=4111 11** **** 1111, diagnosis=[REDACTED], birthDate=1985, apiToken=[REDACTED], "
                + "phones=[+44 ** **** 0958], address=Optional[Address[postcode=SW1A ***, city=London]], "
                + "others={work=Address[postcode=EC1A ***, city=London]}, plan=gold]");
    }

    @Test
    void toString_neverContainsClearPersonalValues() {
        String text = Masked.toString(List.of(ada(), ada()));

        assertThat(text).doesNotContain("Lovelace", "ada@", "diabetes", "sk_live", "7946", "12-10", "2AA", "1BB");
        assertThat(text).startsWith("[Customer[").contains("plan=gold");
    }

    static final class Node {
        @PersonalData(NAME)
        String name;
        List<Node> links = new ArrayList<>();
    }

    @Test
    void toString_cycles_areCut() {
        Node a = new Node();
        a.name = "Alan Turing";
        a.links.add(a);

        assertThat(Masked.toString(a)).isEqualTo("Node[name=A. T., links=[<cycle>]]");
    }

    record Secretive(@Encrypted String unclassified, @PersonalData(OTHER) @Mask(MaskStyle.FULL) int code) {
    }

    @Test
    void toString_encryptedButUnclassified_isFullyMasked_andNonStringValuesToo() {
        assertThat(Masked.toString(new Secretive("x", 42))).isEqualTo("Secretive[unclassified=****, code=****]");
    }

    @Test
    void of_isLazyAndRendersLikeToString() {
        Customer customer = ada();
        Masked masked = Masked.of(customer);

        assertThat(masked.toString()).isEqualTo(Masked.toString(customer));
        assertThat(Masked.of(null).toString()).isEqualTo("null");
    }

    @Test
    void value_masksOneValueOfAProperty() {
        var email = org.privacykit.metadata.PrivacyMetadata.of(Customer.class).property("email");
        assertThat(Masked.value(email, "grace@example.com")).isEqualTo("g***@example.com");
    }

    @Test
    void toString_plainValuesAndContainers() {
        assertThat(Masked.toString("text")).isEqualTo("text");
        assertThat(Masked.toString(new int[] {1, 2})).isEqualTo("[1, 2]");
        assertThat(Masked.toString(Optional.empty())).isEqualTo("Optional.empty");
    }
}
