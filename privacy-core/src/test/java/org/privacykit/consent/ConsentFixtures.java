package org.privacykit.consent;

import static org.privacykit.annotation.LegalBasis.CONSENT;
import static org.privacykit.annotation.LegalBasis.CONTRACT;
import static org.privacykit.annotation.LegalBasis.LEGITIMATE_INTERESTS;

import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.annotation.SubjectId;
import org.privacykit.mask.Masked;

/** A customer whose fields declare each kind of legal basis. */
final class ConsentFixtures {
    private ConsentFixtures() {
    }

    record Customer(
            @SubjectId String id,
            @PersonalData(value = PersonalDataType.EMAIL, purposes = {"marketing", "support"}, legalBasis = CONSENT)
            String email,
            @PersonalData(value = PersonalDataType.POSTAL_ADDRESS, purposes = {"shipping"}, legalBasis = CONTRACT)
            String address,
            @PersonalData(value = PersonalDataType.PHONE, purposes = {"fraud", "marketing"}, legalBasis = LEGITIMATE_INTERESTS)
            String phone,
            @PersonalData(value = PersonalDataType.DATE_OF_BIRTH, purposes = {"analytics"})
            java.time.LocalDate birthDate) {
        @Override
        public String toString() {
            return Masked.toString(this);
        }
    }
}
