package org.privacykit.jackson.testsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.privacykit.annotation.PersonalDataType.DATE_OF_BIRTH;
import static org.privacykit.annotation.PersonalDataType.EMAIL;
import static org.privacykit.annotation.PersonalDataType.IBAN;
import static org.privacykit.annotation.PersonalDataType.NAME;
import static org.privacykit.annotation.PersonalDataType.NATIONAL_ID;
import static org.privacykit.annotation.PersonalDataType.PHONE;
import static org.privacykit.jackson.testsuite.Json.at;

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
import org.junit.jupiter.api.Test;

import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.Mask;
import org.privacykit.annotation.MaskStyle;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.Sensitivity;
import org.privacykit.audit.InMemoryAuditSink;
import org.privacykit.jackson.testsuite.JacksonLine.Mapper;
import org.privacykit.jackson.testsuite.JacksonLine.Option;
import org.privacykit.mask.Maskers;

/** The masking mapper without a reveal: what API output shows of each kind of value. */
public abstract class MaskingContract {
    private final InMemoryAuditSink audit = new InMemoryAuditSink();

    /**
     * The Jackson line under test.
     *
     * @return the line
     */
    protected abstract JacksonLine line();

    private Mapper mapper() {
        return line().masking(audit);
    }

    @Test
    void write_record_masksByTheSensitivityTable() throws Exception {
        Object json = mapper().tree(mapper().write(Fixtures.ada()));

        assertThat(at(json, "id")).isEqualTo("c-1001");
        assertThat(at(json, "fullName")).isEqualTo("A. L.");
        assertThat(at(json, "email")).isEqualTo("a***@example.com");
        assertThat(at(json, "cardNumber")).isEqualTo("**** **** **** 1111");
        assertThat(at(json, "diagnosis")).isEqualTo(Maskers.REDACTED);
        assertThat(at(json, "apiToken")).isEqualTo(Maskers.REDACTED);
        assertThat(at(json, "plan")).isEqualTo("gold");
        assertThat(audit.events()).isEmpty();
    }

    @Test
    void write_localDateBirthDate_becomesItsYear() throws Exception {
        assertThat(at(mapper().tree(mapper().write(Fixtures.ada())), "birthDate")).isEqualTo("1985");
    }

    @Test
    void write_nestedObjectsInCollections_maskTheirOwnFields() throws Exception {
        Object address = at(mapper().tree(mapper().write(Fixtures.ada())), "orders", 0, "shippingAddress");

        assertThat(at(address, "street")).isEqualTo("****"); // no comma-separated locality to keep
        assertThat(at(address, "postcode")).isEqualTo("SW1Y 4JH"); // POSTCODE is INTERNAL: clear on the API
        assertThat(at(address, "city")).isEqualTo("London");
    }

    @Test
    void write_nullProtectedValue_isNull() throws Exception {
        Object json = mapper().tree(mapper().write(Fixtures.empty("c-1")));

        assertThat(at(json, "fullName")).isNull();
        assertThat(at(json, "diagnosis")).isNull();
    }

    /** A class annotated on a getter. */
    public static final class Pojo {
        private final String first;
        private final String email;

        Pojo(String first, String email) {
            this.first = first;
            this.email = email;
        }

        /** @return the first name, CONFIDENTIAL */
        @PersonalData(NAME)
        public String getFirst() {
            return first;
        }

        /** @return an unclassified value */
        public String getEmail() {
            return email;
        }
    }

    /** A class annotated on its field, read through a getter. */
    public static final class PojoWithAnnotatedField {
        @PersonalData(EMAIL)
        private final String email;

        PojoWithAnnotatedField(String email) {
            this.email = email;
        }

        /** @return the e-mail */
        public String getEmail() {
            return email;
        }
    }

    @Test
    void write_pojoAnnotatedOnGetterOrField_masks() throws Exception {
        // Jackson 3 sorts a POJO's properties by name, Jackson 2 keeps their declaration order
        assertThat(mapper().tree(mapper().write(new Pojo("Grace Hopper", "x")))).isEqualTo(Map.of("first", "G. H.", "email", "x"));
        assertThat(mapper().write(new PojoWithAnnotatedField("grace@navy.mil"))).isEqualTo("{\"email\":\"g***@navy.mil\"}");
    }

    record Renamed(@JsonProperty("e_mail") @PersonalData(EMAIL) String email) {
    }

    record Snake(@PersonalData(EMAIL) String emailAddress) {
    }

    @Test
    void write_jsonPropertyRenameOrNamingStrategy_stillMasks() throws Exception {
        assertThat(mapper().write(new Renamed("grace@navy.mil"))).isEqualTo("{\"e_mail\":\"g***@navy.mil\"}");
        assertThat(line().masking(audit, Option.SNAKE_CASE).write(new Snake("grace@navy.mil")))
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

        Object json = mapper().tree(mapper().write(value));

        assertThat(at(json, "phones", 0)).isEqualTo("+44 ** **** 0958");
        assertThat(at(json, "emails", 0)).isEqualTo("a***@example.com");
        assertThat(at(json, "emailsByKind", "work")).isEqualTo("a***@work.example");
        assertThat(at(json, "backupEmail")).isEqualTo("a***@backup.example");
        assertThat(at(json, "noEmail")).isNull();
        // RESTRICTED: one marker for the whole list, so not even its length shows
        assertThat(at(json, "nationalIds")).isEqualTo(Maskers.REDACTED);
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
        assertThat(mapper().write(new Account(new Person("Alan Turing"), List.of(new Company("ACME")))))
                .isEqualTo("{\"owner\":{\"kind\":\"person\",\"name\":\"A. T.\"},"
                        + "\"others\":[{\"kind\":\"company\",\"name\":\"ACME\"}]}");
        assertThat(mapper().writeAs(Party.class, new Person("Alan Turing"))).isEqualTo("{\"kind\":\"person\",\"name\":\"A. T.\"}");
    }

    record Name(@PersonalData(NAME) String first, @PersonalData(NAME) String last) {
    }

    record Employee(String id, @JsonUnwrapped Name name, @JsonUnwrapped(prefix = "boss_") Name boss) {
    }

    @Test
    void write_jsonUnwrapped_masksTheUnwrappedFields() throws Exception {
        assertThat(mapper().write(new Employee("e-1", new Name("Ada", "Lovelace"), new Name("Charles", "Babbage"))))
                .isEqualTo("{\"id\":\"e-1\",\"first\":\"A.\",\"last\":\"L.\",\"boss_first\":\"C.\",\"boss_last\":\"B.\"}");
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
        Object json = mapper().tree(mapper().write(
                new Typed(1234567, true, List.of(Map.of("k", new Name("A", "B"))), "s3cr3t", "DE89370400440532013000")));

        assertThat(at(json, "luckyNumber")).isInstanceOf(String.class).asString().doesNotContain("1234567");
        assertThat(at(json, "flag")).isInstanceOf(String.class);
        assertThat(at(json, "nested", 0, "k")).isEqualTo("****"); // a bean inside: fully masked
        assertThat(at(json, "unclassifiedSecret")).isEqualTo("****");
        assertThat(at(json, "iban")).isEqualTo("DE******************00");
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Sparse(@PersonalData(EMAIL) String email, @PersonalData(PHONE) List<String> phones) {
    }

    @Test
    void write_jsonIncludeNonEmpty_leavesOutEmptyAndNullProtectedValues() throws Exception {
        assertThat(mapper().write(new Sparse(null, List.of()))).isEqualTo("{}");
        assertThat(mapper().write(new Sparse("", List.of("+44 20 7946 0958")))).isEqualTo("{\"phones\":[\"+44 ** **** 0958\"]}");
    }

    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    record AsArray(String id, @PersonalData(EMAIL) String email) {
    }

    @Test
    void write_arrayShape_masksElements() throws Exception {
        assertThat(mapper().write(new AsArray("x", "ada@example.com"))).isEqualTo("[\"x\",\"a***@example.com\"]");
    }

    record BadUnwrap(@PersonalData(NAME) @JsonUnwrapped Name name) {
    }

    @Test
    void write_protectedJsonUnwrapped_failsClearly() {
        assertThatThrownBy(() -> mapper().write(new BadUnwrap(new Name("A", "B"))))
                .hasMessageContaining("BadUnwrap.name")
                .hasMessageContaining("@JsonUnwrapped");
    }

    @Test
    void write_output_isAlwaysValidJson() throws Exception {
        assertThat((List<?>) mapper().tree(mapper().write(List.of(Fixtures.ada(), Fixtures.ada())))).hasSize(2);
    }

    @Test
    void writeBytes_masksNeedingEscapes_areEscaped() throws Exception {
        // the e-mail mask keeps the domain, here with a quote and a backslash: the byte path must not take it
        Fixtures.Customer odd = new Fixtures.Customer("c-1", "Ada \"Q\" Lovelace", "ada@ex\"am\\ple.com",
                "4111 1111 1111 1111", null, LocalDate.of(1985, 12, 10), null, "gold", List.of());
        Object json = mapper().tree(mapper().writeBytes(odd));

        assertThat(at(json, "email")).isEqualTo("a***@ex\"am\\ple.com");
        assertThat(at(json, "fullName")).isEqualTo("A. \". L.");
        assertThat(at(json, "cardNumber")).isEqualTo("**** **** **** 1111");
        assertThat(at(json, "birthDate")).isEqualTo("1985");
    }

    @Test
    void writeBytes_generatorWithCustomEscapes_escapesMasksToo() throws Exception {
        // an application that escapes '*' and '.' (as it might escape '<' for HTML) sees its escapes in masks
        String json = line().masking(audit, Option.ESCAPE_STARS_AND_DOTS).writeBytes(Fixtures.ada());

        assertThat(json).contains("\"\\u002A\\u002A\\u002A\\u002A \\u002A")
                .contains("\"A\\u002E L\\u002E\"").doesNotContain("*");
        assertThat(at(mapper().tree(json), "fullName")).isEqualTo("A. L.");
    }

    @Test
    void write_mapOfBeans_andRootArrays_mask() throws Exception {
        assertThat(mapper().write(Map.of("n", new Name("Ada", "Lovelace")))).isEqualTo("{\"n\":{\"first\":\"A.\",\"last\":\"L.\"}}");
        assertThat(mapper().write(new Name[] {new Name("Ada", "Lovelace")})).isEqualTo("[{\"first\":\"A.\",\"last\":\"L.\"}]");
    }

    @Test
    void write_sameMapperWithoutReveal_afterARevealedWrite_isMaskedAgain() throws Exception {
        Mapper mapper = mapper();
        mapper.reveal(Fixtures.ada(), null, "support");

        assertThat(at(mapper.tree(mapper.write(Fixtures.ada())), "fullName")).isEqualTo("A. L.");
    }

    record Born(@PersonalData(DATE_OF_BIRTH) LocalDate birthDate) {
    }

    @Test
    void write_dateFormattedAsTimestamp_stillMasksToYear() throws Exception {
        assertThat(line().masking(audit, Option.DATES_AS_TIMESTAMPS).write(new Born(LocalDate.of(1990, 5, 17))))
                .isEqualTo("{\"birthDate\":\"1990\"}");
    }
}
