package org.privacykit.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.privacykit.annotation.PersonalDataType.EMAIL;
import static org.privacykit.annotation.PersonalDataType.IBAN;
import static org.privacykit.annotation.PersonalDataType.NAME;
import static org.privacykit.annotation.PersonalDataType.NATIONAL_ID;
import static org.privacykit.annotation.PersonalDataType.PHONE;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.Mask;
import org.privacykit.annotation.MaskStyle;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.Sensitivity;
import org.privacykit.audit.InMemoryAuditSink;
import org.privacykit.mask.Maskers;

class MaskingPropertyWriterTest {
    private final InMemoryAuditSink audit = new InMemoryAuditSink();
    private final ObjectMapper mapper = Fixtures.mapper(PrivacyModule.masking(audit));

    @Test
    void write_record_masksByTheSensitivityTable() throws Exception {
        JsonNode json = mapper.readTree(mapper.writeValueAsString(Fixtures.ada()));

        assertThat(json.get("id").asText()).isEqualTo("c-1001");
        assertThat(json.get("fullName").asText()).isEqualTo("A. L.");
        assertThat(json.get("email").asText()).isEqualTo("a***@example.com");
        assertThat(json.get("cardNumber").asText()).isEqualTo("**** **** **** 1111");
        assertThat(json.get("diagnosis").asText()).isEqualTo(Maskers.REDACTED);
        assertThat(json.get("apiToken").asText()).isEqualTo(Maskers.REDACTED);
        assertThat(json.get("plan").asText()).isEqualTo("gold");
        assertThat(audit.events()).isEmpty();
    }

    @Test
    void write_localDateBirthDate_becomesItsYear() throws Exception {
        JsonNode json = mapper.readTree(mapper.writeValueAsString(Fixtures.ada()));

        assertThat(json.get("birthDate").isTextual()).isTrue();
        assertThat(json.get("birthDate").asText()).isEqualTo("1985");
    }

    @Test
    void write_nestedObjectsInCollections_maskTheirOwnFields() throws Exception {
        JsonNode address = mapper.readTree(mapper.writeValueAsString(Fixtures.ada()))
                .get("orders").get(0).get("shippingAddress");

        assertThat(address.get("street").asText()).isEqualTo("****"); // no comma-separated locality to keep
        assertThat(address.get("postcode").asText()).isEqualTo("SW1Y 4JH"); // POSTCODE is INTERNAL: clear on the API
        assertThat(address.get("city").asText()).isEqualTo("London");
    }

    @Test
    void write_nullProtectedValue_isNull() throws Exception {
        Fixtures.Customer nobody = new Fixtures.Customer("c-1", null, null, null, null, null, null, null, null);

        JsonNode json = mapper.readTree(mapper.writeValueAsString(nobody));

        assertThat(json.get("fullName").isNull()).isTrue();
        assertThat(json.get("diagnosis").isNull()).isTrue();
    }

    static final class Pojo {
        private final String first;
        private String email;

        Pojo(String first, String email) {
            this.first = first;
            this.email = email;
        }

        @PersonalData(NAME)
        public String getFirst() {
            return first;
        }

        public String getEmail() {
            return email;
        }
    }

    static final class PojoWithAnnotatedField {
        @PersonalData(EMAIL)
        private final String email;

        PojoWithAnnotatedField(String email) {
            this.email = email;
        }

        public String getEmail() {
            return email;
        }
    }

    @Test
    void write_pojoAnnotatedOnGetterOrField_masks() throws Exception {
        assertThat(mapper.writeValueAsString(new Pojo("Grace Hopper", "x")))
                .isEqualTo("{\"first\":\"G. H.\",\"email\":\"x\"}");
        assertThat(mapper.writeValueAsString(new PojoWithAnnotatedField("grace@navy.mil")))
                .isEqualTo("{\"email\":\"g***@navy.mil\"}");
    }

    record Renamed(@JsonProperty("e_mail") @PersonalData(EMAIL) String email) {
    }

    record Snake(@PersonalData(EMAIL) String emailAddress) {
    }

    @Test
    void write_jsonPropertyRenameOrNamingStrategy_stillMasks() throws Exception {
        assertThat(mapper.writeValueAsString(new Renamed("grace@navy.mil"))).isEqualTo("{\"e_mail\":\"g***@navy.mil\"}");

        ObjectMapper snake = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(PrivacyModule.masking()).build();
        assertThat(snake.writeValueAsString(new Snake("grace@navy.mil")))
                .isEqualTo("{\"email_address\":\"g***@navy.mil\"}");
    }

    record Containers(
            @PersonalData(PHONE) List<String> phones,
            @PersonalData(EMAIL) String[] emails,
            @PersonalData(EMAIL) Map<String, String> emailsByKind,
            @PersonalData(EMAIL) Optional<String> backupEmail,
            @PersonalData(EMAIL) Optional<String> noEmail,
            @PersonalData(NATIONAL_ID) List<String> nationalIds) {
    }

    @Test
    void write_containers_maskEachElementAndKeepShape() throws Exception {
        Map<String, String> byKind = new LinkedHashMap<>();
        byKind.put("work", "ada@work.example");
        Containers value = new Containers(List.of("+44 20 7946 0958"), new String[] {"ada@example.com"}, byKind,
                Optional.of("ada@backup.example"), Optional.empty(), List.of("123-45-6789", "987-65-4321"));

        JsonNode json = mapper.readTree(mapper.writeValueAsString(value));

        assertThat(json.get("phones").get(0).asText()).isEqualTo("+44 ** **** 0958");
        assertThat(json.get("emails").get(0).asText()).isEqualTo("a***@example.com");
        assertThat(json.get("emailsByKind").get("work").asText()).isEqualTo("a***@work.example");
        assertThat(json.get("backupEmail").asText()).isEqualTo("a***@backup.example");
        assertThat(json.get("noEmail").isNull()).isTrue();
        // RESTRICTED: one marker for the whole list, so not even its length shows
        assertThat(json.get("nationalIds").asText()).isEqualTo(Maskers.REDACTED);
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({@JsonSubTypes.Type(value = Person.class, name = "person"),
            @JsonSubTypes.Type(value = Company.class, name = "company")})
    interface Party {
    }

    record Person(@PersonalData(NAME) String name) implements Party {
    }

    record Company(String name) implements Party {
    }

    record Account(Party owner, List<Party> others) {
    }

    @Test
    void write_polymorphicTypes_masksSubtypeFieldsAndKeepsTypeIds() throws Exception {
        String json = mapper.writeValueAsString(new Account(new Person("Alan Turing"), List.of(new Company("ACME"))));

        assertThat(json).isEqualTo("{\"owner\":{\"kind\":\"person\",\"name\":\"A. T.\"},"
                + "\"others\":[{\"kind\":\"company\",\"name\":\"ACME\"}]}");
        assertThat(mapper.writerFor(Party.class).writeValueAsString(new Person("Alan Turing")))
                .isEqualTo("{\"kind\":\"person\",\"name\":\"A. T.\"}");
    }

    record Name(@PersonalData(NAME) String first, @PersonalData(NAME) String last) {
    }

    record Employee(String id, @JsonUnwrapped Name name, @JsonUnwrapped(prefix = "boss_") Name boss) {
    }

    @Test
    void write_jsonUnwrapped_masksTheUnwrappedFields() throws Exception {
        String json = mapper.writeValueAsString(new Employee("e-1", new Name("Ada", "Lovelace"), new Name("Charles", "Babbage")));

        assertThat(json).isEqualTo("{\"id\":\"e-1\",\"first\":\"A.\",\"last\":\"L.\",\"boss_first\":\"C.\",\"boss_last\":\"B.\"}");
    }

    record Typed(
            @PersonalData(value = NAME, sensitivity = Sensitivity.CONFIDENTIAL) int luckyNumber,
            @PersonalData(value = NAME, sensitivity = Sensitivity.CONFIDENTIAL) boolean flag,
            @PersonalData(value = NAME, sensitivity = Sensitivity.CONFIDENTIAL) Object nested,
            @Encrypted String unclassifiedSecret,
            @PersonalData(value = IBAN) @Mask(value = MaskStyle.PARTIAL, keepFirst = 2, keepLast = 2) String iban) {
    }

    @Test
    void write_nonStringTypesAndOverrides_areMaskedAsStrings() throws Exception {
        JsonNode json = mapper.readTree(mapper.writeValueAsString(
                new Typed(1234567, true, List.of(Map.of("k", new Name("A", "B"))), "s3cr3t", "DE89370400440532013000")));

        assertThat(json.get("luckyNumber").isTextual()).isTrue();
        assertThat(json.get("luckyNumber").asText()).doesNotContain("1234567");
        assertThat(json.get("flag").isTextual()).isTrue();
        assertThat(json.get("nested").get(0).get("k").asText()).isEqualTo("****"); // a bean inside: fully masked
        assertThat(json.get("unclassifiedSecret").asText()).isEqualTo("****");
        assertThat(json.get("iban").asText()).isEqualTo("DE******************00");
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Sparse(@PersonalData(EMAIL) String email, @PersonalData(PHONE) List<String> phones) {
    }

    @Test
    void write_jsonIncludeNonEmpty_leavesOutEmptyAndNullProtectedValues() throws Exception {
        assertThat(mapper.writeValueAsString(new Sparse(null, List.of()))).isEqualTo("{}");
        assertThat(mapper.writeValueAsString(new Sparse("", List.of("+44 20 7946 0958"))))
                .isEqualTo("{\"phones\":[\"+44 ** **** 0958\"]}");
    }

    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    record AsArray(String id, @PersonalData(EMAIL) String email) {
    }

    @Test
    void write_arrayShape_masksElements() throws Exception {
        assertThat(mapper.writeValueAsString(new AsArray("x", "ada@example.com"))).isEqualTo("[\"x\",\"a***@example.com\"]");
    }

    @Test
    void write_protectedJsonUnwrapped_failsClearly() {
        assertThatThrownBy(() -> mapper.writeValueAsString(new BadUnwrap(new Name("A", "B"))))
                .hasMessageContaining("BadUnwrap.name")
                .hasMessageContaining("@JsonUnwrapped");
    }

    record BadUnwrap(@PersonalData(NAME) @JsonUnwrapped Name name) {
    }

    @Test
    void write_output_isAlwaysValidJson() throws Exception {
        String json = mapper.writeValueAsString(List.of(Fixtures.ada(), Fixtures.ada()));

        assertThat(mapper.readTree(json).size()).isEqualTo(2);
    }

    @Test
    void writeBytes_masksNeedingEscapes_areEscaped() throws Exception {
        // the e-mail mask keeps the domain, here with a quote and a backslash: the byte path must not take it
        Fixtures.Customer odd = new Fixtures.Customer("c-1", "Ada \"Q\" Lovelace", "ada@ex\"am\\ple.com",
                "4111 1111 1111 1111", null, LocalDate.of(1985, 12, 10), null, "gold", List.of());
        JsonNode json = mapper.readTree(mapper.writeValueAsBytes(odd));

        assertThat(json.get("email").asText()).isEqualTo("a***@ex\"am\\ple.com");
        assertThat(json.get("fullName").asText()).isEqualTo("A. \". L.");
        assertThat(json.get("cardNumber").asText()).isEqualTo("**** **** **** 1111");
        assertThat(json.get("birthDate").asText()).isEqualTo("1985");
    }

    @Test
    void writeBytes_generatorWithCustomEscapes_escapesMasksToo() throws Exception {
        // an application that escapes '*' and '.' (as it might escape '<' for HTML) sees its escapes in masks
        com.fasterxml.jackson.core.io.CharacterEscapes escapes = new com.fasterxml.jackson.core.io.CharacterEscapes() {
            private final int[] table = standardAsciiEscapesForJSON();

            {
                table['*'] = ESCAPE_STANDARD;
                table['.'] = ESCAPE_STANDARD;
            }

            @Override
            public int[] getEscapeCodesForAscii() {
                return table;
            }

            @Override
            public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) {
                return null;
            }
        };
        ObjectMapper escaping = Fixtures.mapper(PrivacyModule.masking());
        escaping.getFactory().setCharacterEscapes(escapes);
        String json = new String(escaping.writeValueAsBytes(Fixtures.ada()), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(json).contains("\"\\u002A\\u002A\\u002A\\u002A \\u002A")
                .contains("\"A\\u002E L\\u002E\"").doesNotContain("*");
        assertThat(mapper.readTree(json).get("fullName").asText()).isEqualTo("A. L.");
    }

    @Test
    void write_mapOfBeans_andRootArrays_mask() throws Exception {
        Map<String, Name> names = Map.of("n", new Name("Ada", "Lovelace"));

        assertThat(mapper.writeValueAsString(names)).isEqualTo("{\"n\":{\"first\":\"A.\",\"last\":\"L.\"}}");
        assertThat(mapper.writeValueAsString(new Name[] {new Name("Ada", "Lovelace")}))
                .isEqualTo("[{\"first\":\"A.\",\"last\":\"L.\"}]");
    }

    @Test
    void write_sameMapperWithoutReveal_afterARevealedWrite_isMaskedAgain() throws Exception {
        Reveal.forPurposes("support").writer(mapper).writeValueAsString(Fixtures.ada());

        assertThat(mapper.readTree(mapper.writeValueAsString(Fixtures.ada())).get("fullName").asText()).isEqualTo("A. L.");
    }

    @Test
    void write_dateFormattedAsTimestamp_stillMasksToYear() throws Exception {
        ObjectMapper plain = JsonMapper.builder().addModule(PrivacyModule.masking()).build(); // no JavaTimeModule
        record Born(@PersonalData(org.privacykit.annotation.PersonalDataType.DATE_OF_BIRTH) LocalDate birthDate) {
        }

        assertThat(plain.writeValueAsString(new Born(LocalDate.of(1990, 5, 17)))).isEqualTo("{\"birthDate\":\"1990\"}");
    }
}
