package org.privacykit.inventory.scanfixture.sub;

import static org.privacykit.annotation.PersonalDataType.FREE_TEXT;

import org.privacykit.annotation.PersonalData;
import org.privacykit.mask.Masked;

/** A scan fixture reachable from Patient: listed under Patient only. */
public record Visit(String date, @PersonalData(FREE_TEXT) String notes) {
    @Override
    public String toString() {
        return Masked.toString(this);
    }
}
