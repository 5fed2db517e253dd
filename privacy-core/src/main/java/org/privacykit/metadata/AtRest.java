package org.privacykit.metadata;

import java.util.Objects;

/**
 * Whether one {@link EncryptionPath} stores one property encrypted, from
 * {@link EncryptionPath#decide(PropertyMetadata)}; when it does not, why and what to change. Holds
 * no value.
 *
 * @param path the path decided on
 * @param encrypted whether the path stores the property encrypted
 * @param reason why it does not, phrased to follow the property's name ("is declared LocalDate; ..."); empty when encrypted
 * @param fix what to change; empty when encrypted
 */
public record AtRest(EncryptionPath path, boolean encrypted, String reason, String fix) {

    /**
     * Checks the parts.
     *
     * @param path the path decided on
     * @param encrypted whether the path stores the property encrypted
     * @param reason why not, empty when encrypted
     * @param fix what to change, empty when encrypted
     */
    public AtRest {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(fix, "fix");
    }

    static AtRest encrypted(EncryptionPath path) {
        return new AtRest(path, true, "", "");
    }

    static AtRest refused(EncryptionPath path, String reason, String fix) {
        return new AtRest(path, false, reason, fix);
    }

    /**
     * Describes the refusal for one property in the form exceptions and lint use:
     * {@code Customer.born is declared LocalDate; ... Fix: ...}.
     *
     * @param property the property decided on
     * @return the description, or {@code Customer.born: encrypted by ...} when encrypted
     */
    public String describe(PropertyMetadata property) {
        if (encrypted) {
            return property.qualifiedName() + ": encrypted by " + path.label();
        }
        return property.qualifiedName() + " " + reason + "; " + path.label() + " cannot encrypt it. Fix: " + fix + ".";
    }
}
