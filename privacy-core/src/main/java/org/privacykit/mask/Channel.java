package org.privacykit.mask;

import java.util.Set;

import org.privacykit.metadata.Classification;

/**
 * Where a value is going, which decides with its sensitivity whether it is shown clear, masked or
 * redacted (the protection table of DESIGN.md).
 */
public enum Channel {
    /**
     * Responses of the application's own API: PUBLIC and INTERNAL clear, CONFIDENTIAL masked and
     * RESTRICTED redacted, unless a declared purpose of the caller is one of the field's purposes.
     */
    API,
    /** Logs, {@code toString} and exception messages: only PUBLIC is clear, and no purpose reveals anything. */
    LOG;

    /**
     * Decides how a field is shown on this channel.
     *
     * @param classification the field's classification
     * @param purposes the purposes the caller declared; ignored on {@link #LOG}
     * @return clear, masked or redacted
     */
    public Disclosure disclosure(Classification classification, Set<String> purposes) {
        switch (classification.sensitivity()) {
            case PUBLIC:
                return Disclosure.CLEAR;
            case INTERNAL:
                return this == API ? Disclosure.CLEAR : Disclosure.MASK;
            case CONFIDENTIAL:
                if (this == API && classification.allowsAny(purposes)) {
                    return Disclosure.REVEAL;
                }
                return Disclosure.MASK;
            default:
                if (this == API && classification.allowsAny(purposes)) {
                    return Disclosure.REVEAL;
                }
                return Disclosure.REDACT;
        }
    }
}
