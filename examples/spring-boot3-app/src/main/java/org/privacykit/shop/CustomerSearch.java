package org.privacykit.shop;

import static org.privacykit.annotation.PersonalDataType.EMAIL;
import static org.privacykit.annotation.PersonalDataType.PAYMENT_CARD;

import org.privacykit.annotation.PersonalData;
import org.privacykit.mask.Masked;

/**
 * A search by one value: an e-mail address (any case) or a card number (any spacing).
 *
 * @param email      the address, or null
 * @param cardNumber the card number, or null
 */
record CustomerSearch(@PersonalData(EMAIL) String email, @PersonalData(PAYMENT_CARD) String cardNumber) {

    @Override
    public String toString() {
        return Masked.toString(this);
    }
}
