package org.privacykit.notice;

import static org.privacykit.annotation.LegalBasis.CONSENT;
import static org.privacykit.annotation.LegalBasis.CONTRACT;
import static org.privacykit.annotation.LegalBasis.LEGITIMATE_INTERESTS;
import static org.privacykit.annotation.PersonalDataType.EMAIL;
import static org.privacykit.annotation.PersonalDataType.HEALTH;
import static org.privacykit.annotation.PersonalDataType.IP_ADDRESS;
import static org.privacykit.annotation.PersonalDataType.NAME;
import static org.privacykit.annotation.PersonalDataType.POSTCODE;

import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.Sensitive;
import org.privacykit.annotation.SubjectId;
import org.privacykit.inventory.DataInventory;
import org.privacykit.mask.Masked;

/** The declarations the notice tests read. */
final class Shop {
    private Shop() {
    }

    record Address(@PersonalData(value = POSTCODE, purposes = "shipping", legalBasis = CONTRACT, retention = "P6Y")
                   String postcode) {
        @Override
        public String toString() {
            return Masked.toString(this);
        }
    }

    record Customer(@SubjectId String id,
                    @PersonalData(value = NAME, purposes = {"billing", "shipping"}, legalBasis = CONTRACT,
                            retention = "P10Y") String name,
                    @PersonalData(value = EMAIL, purposes = {"newsletter", "support"}, legalBasis = CONSENT,
                            retention = "P2Y") String email,
                    @PersonalData(value = HEALTH, purposes = "care", legalBasis = CONSENT, retention = "P1Y6M")
                    String allergies,
                    @PersonalData(value = IP_ADDRESS, purposes = "fraud_prevention", legalBasis = LEGITIMATE_INTERESTS,
                            retention = "P30D") String lastIp,
                    @PersonalData(NAME) String nickname,
                    @Sensitive("password hash") String passwordHash,
                    Address address) {
        @Override
        public String toString() {
            return Masked.toString(this);
        }
    }

    static DataInventory inventory() {
        return DataInventory.scan(Customer.class);
    }

    static PrivacyNotice notice() {
        return PrivacyNotice.builder(inventory())
                .controller("Example Shop Ltd", "privacy@shop.example")
                .dataProtectionOfficer("dpo@shop.example")
                .version("2026-12")
                .effective(java.time.LocalDate.of(2026, 12, 1))
                .supervisoryAuthority("the Information Commissioner's Office")
                .purpose("billing", "To charge you for your orders.")
                .purpose("shipping", "To deliver your orders.")
                .purpose("newsletter", "To send you our newsletter, if you asked for it.")
                .purpose("support", "To answer your questions.")
                .purpose("care", "To keep the products we recommend safe for you.")
                .purpose("fraud_prevention", "Our legitimate interest in stopping fraudulent orders.")
                .recipient("payment processors")
                .build();
    }
}
