package org.privacykit.inventory.scanfixture;

import static org.privacykit.annotation.PersonalDataType.HEALTH;
import static org.privacykit.annotation.PersonalDataType.NAME;

import java.util.List;

import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.PersonalData;
import org.privacykit.mask.Masked;
import org.privacykit.annotation.SubjectId;
import org.privacykit.inventory.scanfixture.sub.Visit;

/** A scan fixture: an aggregate holding visits. */
public record Patient(@SubjectId String id, @PersonalData(NAME) String name,
                      @PersonalData(HEALTH) @Encrypted String condition, List<Visit> visits) {
    @Override
    public String toString() {
        return Masked.toString(this);
    }
}
