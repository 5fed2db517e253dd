package org.privacykit.inventory.scanfixture.sub;

import static org.privacykit.annotation.PersonalDataType.FREE_TEXT;

import org.privacykit.annotation.PersonalData;

/** A scan fixture reachable from Patient: listed under Patient only. */
public record Visit(String date, @PersonalData(FREE_TEXT) String notes) {
}
