package org.privacykit.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacykit.annotation.PersonalDataType.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.Mask;
import org.privacykit.annotation.MaskStyle;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.Sensitive;
import org.privacykit.annotation.SubjectId;
import org.privacykit.metadata.PrivacyMetadata;

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

    record Login(@Sensitive char[] password, @Sensitive List<String> recoveryCodes, @PersonalData(NAME) char[] name,
                 @Sensitive String[] tokens) {
    }

    @Test
    void toString_redactedArraysAndContainers_areOneRedactedMarker_soNoLengthShows() {
        Login login = new Login("hunter22".toCharArray(), List.of("a1", "b2", "c3"), "Ada Lovelace".toCharArray(),
                new String[] {"t1", "t2"});

        assertThat(Masked.toString(login)).isEqualTo("Login[password=[REDACTED], recoveryCodes=[REDACTED], "
                + "name=A. L., tokens=[REDACTED]]");
    }

    record Directory(Map<@PersonalData(EMAIL) String, String> rolesByEmail,
                     @PersonalData(PHONE) Map<@PersonalData(NAME) String, String> phonesByName,
                     List<Map<@Sensitive String, Integer>> sessions,
                     Map<String, Map<String, String>> plain) {
    }

    @Test
    void toString_personalMapKeys_areMaskedByTheirDeclaration() {
        Map<String, Map<String, String>> plain = new LinkedHashMap<>();
        plain.put("team", Map.of("lead", "x"));
        Directory directory = new Directory(Map.of("zelda@example.com", "admin"),
                Map.of("Zelda Fitzgerald", "+44 20 7946 0958"), List.of(Map.of("sess-1234", 3)), plain);

        assertThat(Masked.toString(directory)).isEqualTo("Directory[rolesByEmail={z***@example.com=admin}, "
                + "phonesByName={Z. F.=+44 ** **** 0958}, sessions=[{[REDACTED]=3}], plain={team={lead=x}}]");
        assertThat(Masked.value(PrivacyMetadata.of(Directory.class).property("rolesByEmail").mapKey(),
                "zelda@example.com")).isEqualTo("z***@example.com");
    }

    static final class Link {
        @PersonalData(NAME)
        String name = "Alan Turing";
        Link next;
    }

    @Test
    void toString_deepChain_rendersWithoutOverflowingTheStack() {
        Link head = new Link();
        Link tail = head;
        for (int i = 0; i < 100_000; i++) {
            tail.next = new Link();
            tail = tail.next;
        }

        String text = Masked.toString(head);

        assertThat(text).startsWith("Link[name=A. T., next=Link[name=A. T., next=").doesNotContain("Turing")
                .endsWith("next=null" + "]".repeat(100_001));
    }

    static final class Hostile {
        @PersonalData(EMAIL)
        String email = "zelda@example.com";
        // JDK holders render by their own toString, which calls the held object's
        Object other = new AtomicReference<>(new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("cannot show zelda@example.com");
            }
        });
        Object loop = selfHolding();

        private static Object selfHolding() {
            AtomicReference<Object> ref = new AtomicReference<>();
            ref.set(ref);
            return ref;
        }

        @PersonalData(EMAIL)
        public String getBackup() {
            throw new IllegalArgumentException("bad zelda@example.com");
        }
    }

    @Test
    void toString_throwingToStringAndGetters_neverThrowNorShowTheMessage() {
        String text = Masked.toString(new Hostile());

        assertThat(text).doesNotContain("zelda@example.com")
                .contains("other=<unrenderable java.lang.IllegalStateException>")
                .contains("loop=<unrenderable java.lang.StackOverflowError>")
                .contains("backup=<unreadable>");
    }
}
