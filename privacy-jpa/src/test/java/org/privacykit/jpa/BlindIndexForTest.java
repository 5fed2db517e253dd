package org.privacykit.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacykit.annotation.PersonalDataType.PAYMENT_CARD;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.Sensitivity;
import org.privacykit.audit.AuditSink;
import org.privacykit.inventory.DataInventory;
import org.privacykit.inventory.InventoryEntry;
import org.privacykit.jackson.PrivacyModule;
import org.privacykit.mask.Masked;
import org.privacykit.metadata.PrivacyMetadata;
import org.privacykit.metadata.PropertyMetadata;

/** A blind-index attribute is personal data by its annotation alone: API output, logs, inventory. */
class BlindIndexForTest {
    private static final String INDEX = "Zq3_8w";

    /** The shape of an entity with a randomized card and its index, as a bean Jackson can see. */
    public static final class Holder {
        @PersonalData(PAYMENT_CARD)
        @Encrypted
        private final String card = "4111 1111 1111 1111";

        @BlindIndexFor("card")
        private final String cardIndex = INDEX;

        private final String plan = "gold";

        public String getCard() {
            return card;
        }

        public String getCardIndex() {
            return cardIndex;
        }

        public String getPlan() {
            return plan;
        }
    }

    @Test
    void index_isClassifiedAsConfidentialPersonalData() {
        PropertyMetadata index = PrivacyMetadata.of(Holder.class).property("cardIndex");

        assertThat(index.classification()).isNotNull();
        assertThat(index.classification().sensitivity()).isEqualTo(Sensitivity.CONFIDENTIAL);
    }

    @Test
    void index_isNeverSerialized_byAPlainMapperOrTheMaskingOne() throws Exception {
        for (ObjectMapper mapper : new ObjectMapper[] {new ObjectMapper(),
                JsonMapper.builder().addModule(PrivacyModule.masking(AuditSink.noop())).build()}) {
            String json = mapper.writeValueAsString(new Holder());
            assertThat(json).contains("\"plan\":\"gold\"").doesNotContain("cardIndex").doesNotContain(INDEX);
        }
    }

    @Test
    void index_isMaskedInToStringAndLogs() {
        assertThat(Masked.toString(new Holder())).contains("cardIndex=").doesNotContain(INDEX);
    }

    @Test
    void index_isListedByTheInventory() {
        assertThat(DataInventory.scan(Holder.class).entries()).extracting(InventoryEntry::path)
                .contains("cardIndex");
        assertThat(DataInventory.scan(Account.class).entries()).extracting(InventoryEntry::path)
                .contains("ibanIndex");
    }
}
