package org.privacykit.jackson.testsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacykit.jackson.testsuite.Json.at;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.privacykit.jackson.testsuite.JacksonLine.Mapper;
import org.privacykit.mask.Maskers;
import org.privacykit.pseudonym.Pseudonymizer;

/** The pseudonymizing mapper: keyed, consistent tokens per field domain. */
public abstract class PseudonymizingContract {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final Pseudonymizer pseudonymizer = Pseudonymizer.hmacSha256(KEY);

    /**
     * The Jackson line under test.
     *
     * @return the line
     */
    protected abstract JacksonLine line();

    private Mapper export() {
        return line().pseudonymizing(pseudonymizer);
    }

    @Test
    void write_personalData_becomesTheFieldsPseudonym_othersClear() throws Exception {
        Object json = export().tree(export().write(Fixtures.ada()));

        assertThat(at(json, "fullName")).isEqualTo(pseudonymizer.pseudonymize("Customer.fullName", "Ada Lovelace"));
        assertThat(at(json, "email")).isEqualTo(pseudonymizer.pseudonymize("Customer.email", "ada.lovelace@example.com"));
        assertThat(at(json, "birthDate")).isEqualTo(pseudonymizer.pseudonymize("Customer.birthDate", "1985-12-10"));
        assertThat(at(json, "plan")).isEqualTo("gold");
        assertThat((BigDecimal) at(json, "orders", 0, "total")).isEqualByComparingTo("42.50");
        assertThat(at(json, "orders", 0, "shippingAddress", "city")).isEqualTo("London");
    }

    @Test
    void write_sameValueTwice_givesTheSameToken_otherKeyDoesNot() throws Exception {
        Object first = export().tree(export().write(Fixtures.ada()));
        Object second = export().tree(export().write(Fixtures.ada()));
        Mapper otherKey = line().pseudonymizing(Pseudonymizer.hmacSha256(new byte[32]));
        Object third = otherKey.tree(otherKey.write(Fixtures.ada()));

        assertThat(at(first, "email")).isEqualTo(at(second, "email"));
        assertThat(at(third, "email")).isNotEqualTo(at(first, "email"));
    }

    @Test
    void write_subjectIds_sharePseudonymsAcrossClasses_secretsAreRedacted() throws Exception {
        Object json = export().tree(export().write(Fixtures.ada()));

        assertThat(at(json, "id")).isEqualTo(pseudonymizer.pseudonymize("SubjectId", "c-1001"));
        assertThat(at(json, "apiToken")).isEqualTo(Maskers.REDACTED);
        assertThat(export().write(Fixtures.ada())).doesNotContain("Ada", "ada.lovelace", "c-1001", "4111", "sk_live");
    }

    @Test
    void write_listElements_arePseudonymizedOneByOne() throws Exception {
        Object json = export().tree(export().write(new Fixtures.Contact(List.of("+1 555 0100", "+1 555 0100"))));

        assertThat(at(json, "phones", 0)).isEqualTo(at(json, "phones", 1));
        assertThat((String) at(json, "phones", 0)).startsWith("tok_");
    }
}
