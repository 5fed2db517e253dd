package org.privacykit.examples;

import static org.privacykit.annotation.PersonalDataType.POSTAL_ADDRESS;
import static org.privacykit.annotation.PersonalDataType.POSTCODE;

import org.privacykit.annotation.LegalBasis;
import org.privacykit.annotation.PersonalData;
import org.privacykit.mask.Masked;

/** A postal address. */
public record Address(
        @PersonalData(value = POSTAL_ADDRESS, purposes = "shipping", legalBasis = LegalBasis.CONTRACT,
                retention = "P2Y") String street,
        @PersonalData(value = POSTCODE, purposes = {"shipping", "analytics"}, legalBasis = LegalBasis.CONTRACT,
                retention = "P2Y") String postcode,
        String city,
        String country) {
    /** Logs and exception messages show this class masked by its declarations, never its fields in clear. */
    @Override
    public String toString() {
        return Masked.toString(this);
    }
}
