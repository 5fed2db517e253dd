package org.privacykit.shop;

import static org.privacykit.annotation.PersonalDataType.EMAIL;
import static org.privacykit.annotation.PersonalDataType.HEALTH;
import static org.privacykit.annotation.PersonalDataType.NAME;
import static org.privacykit.annotation.PersonalDataType.PAYMENT_CARD;

import org.privacykit.annotation.PersonalData;
import org.privacykit.mask.Masked;

/**
 * The body of a registration, read in clear.
 *
 * @param id         the customer number
 * @param fullName   the name
 * @param email      the e-mail address
 * @param cardNumber the card number
 * @param diagnosis  a health note, or null
 * @param plan       the plan
 */
record NewCustomer(
        String id,
        @PersonalData(NAME) String fullName,
        @PersonalData(EMAIL) String email,
        @PersonalData(PAYMENT_CARD) String cardNumber,
        @PersonalData(HEALTH) String diagnosis,
        String plan) {

    @Override
    public String toString() {
        return Masked.toString(this);
    }
}
