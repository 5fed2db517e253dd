package org.privacykit.spring.invalid;

import static org.privacykit.annotation.PersonalDataType.NAME;

import org.privacykit.annotation.PersonalData;

/** A declaration error (retention is not an ISO-8601 duration), for the inventory's failure path. */
public record BadRetention(@PersonalData(value = NAME, retention = "ten years") String name) {
}
