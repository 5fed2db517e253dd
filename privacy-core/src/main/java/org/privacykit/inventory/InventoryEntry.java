package org.privacykit.inventory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.privacykit.annotation.DataCategory;
import org.privacykit.annotation.EncryptionMode;
import org.privacykit.annotation.LegalBasis;
import org.privacykit.annotation.Operator;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.annotation.Sensitivity;
import org.privacykit.mask.Channel;
import org.privacykit.mask.Disclosure;
import org.privacykit.metadata.AtRest;
import org.privacykit.metadata.Classification;
import org.privacykit.metadata.EncryptionPath;
import org.privacykit.metadata.PersonalField;
import org.privacykit.metadata.PrivacyMetadata;
import org.privacykit.metadata.PropertyMetadata;
import org.privacykit.metadata.RetentionPeriod;

/**
 * One protected field in a {@link DataInventory}: where it is, what it holds, why and how long it is
 * kept, and how it is protected on each path. Immutable.
 */
public final class InventoryEntry {
    private final Class<?> root;
    private final String path;
    private final PropertyMetadata property;
    private final Classification classification;

    InventoryEntry(PersonalField field) {
        this.root = field.root();
        this.path = field.path();
        this.property = field.property();
        this.classification = field.classification();
    }

    /**
     * Returns the class the path starts from.
     *
     * @return the root class
     */
    public Class<?> rootClass() {
        return root;
    }

    /**
     * Returns the field path from the root class, such as {@code orders[].shippingAddress.postcode}.
     *
     * @return the path
     */
    public String path() {
        return path;
    }

    /**
     * Returns the class that declares the field.
     *
     * @return the declaring class
     */
    public Class<?> declaringClass() {
        return property.owner();
    }

    /**
     * Returns what the field holds.
     *
     * @return the type, or empty for a secret marked only {@code @Sensitive}
     */
    public Optional<PersonalDataType> type() {
        return classification.type();
    }

    /**
     * Returns the type's name, or {@code SECRET} for a secret that is not personal data.
     *
     * @return the type label
     */
    public String typeLabel() {
        return classification.type().map(Enum::name).orElse("SECRET");
    }

    /**
     * Returns the GDPR category.
     *
     * @return the category
     */
    public DataCategory category() {
        return classification.category();
    }

    /**
     * Returns the effective sensitivity.
     *
     * @return the sensitivity
     */
    public Sensitivity sensitivity() {
        return classification.sensitivity();
    }

    /**
     * Tells whether the field is a special category (Art. 9) or criminal data (Art. 10).
     *
     * @return {@code true} for Art. 9 or Art. 10 data
     */
    public boolean isSpecialOrCriminal() {
        return classification.category().isSpecialCategory() || classification.category().isCriminalData();
    }

    /**
     * Tells whether the CCPA counts the field's type as sensitive personal information.
     *
     * @return {@code true} for CCPA sensitive personal information
     */
    public boolean isCcpaSensitive() {
        return classification.type().map(PersonalDataType::isCcpaSensitive).orElse(false);
    }

    /**
     * Returns the purposes, sorted.
     *
     * @return the purposes, possibly empty
     */
    public List<String> purposes() {
        List<String> sorted = new ArrayList<>(classification.purposes());
        Collections.sort(sorted);
        return Collections.unmodifiableList(sorted);
    }

    /**
     * Returns the lawful basis.
     *
     * @return the legal basis, or empty when not declared
     */
    public Optional<LegalBasis> legalBasis() {
        return classification.legalBasis();
    }

    /**
     * Returns the retention period.
     *
     * @return the retention, or empty when not declared
     */
    public Optional<RetentionPeriod> retention() {
        return classification.retention();
    }

    /**
     * Returns how the field is encrypted at rest.
     *
     * @return the mode, or empty when stored in clear
     */
    public Optional<EncryptionMode> encryption() {
        PropertyMetadata stored = stored();
        return stored.isEncrypted() ? Optional.of(stored.encryption().mode()) : Optional.empty();
    }

    /**
     * Decides whether one storage path stores the field encrypted: the decision
     * {@code FieldEncryptor}, privacy-jpa and {@code PrivacyLint} take.
     *
     * @param path the path
     * @return the decision
     */
    public AtRest atRest(EncryptionPath path) {
        return path.decide(stored());
    }

    /**
     * Describes storage from {@link #atRest(EncryptionPath)} over every path: {@code clear},
     * {@code encrypted (randomized)} when every path encrypts it, or which paths do and which refuse
     * it, and why ({@code encrypted (randomized) by the Jackson encrypting mapper only;
     * FieldEncryptor.encrypt(object) and privacy-jpa refuse it: is declared LocalDate}). A refusing
     * path fails rather than store the value in clear.
     *
     * @return the description
     */
    public String atRest() {
        Optional<EncryptionMode> mode = encryption();
        if (mode.isEmpty()) {
            return "clear";
        }
        String encrypted = "encrypted (" + mode.get().name().toLowerCase(Locale.ROOT).replace('_', '-') + ")";
        List<String> encrypting = new ArrayList<>();
        List<String> refusing = new ArrayList<>();
        String reason = "";
        for (EncryptionPath path : EncryptionPath.values()) {
            AtRest decision = atRest(path);
            if (decision.encrypted()) {
                encrypting.add(path.label());
            } else {
                refusing.add(path.label());
                reason = reason.isEmpty() ? decision.reason() : reason;
            }
        }
        if (refusing.isEmpty()) {
            return encrypted;
        }
        String why = reason.indexOf(';') > 0 ? reason.substring(0, reason.indexOf(';')) : reason;
        return encrypted + " by " + String.join(" and ", encrypting) + " only; " + String.join(" and ", refusing)
                + " refuse" + (refusing.size() == 1 ? "s" : "") + " it: " + why;
    }

    /** The property whose storage the field follows: for a map's keys, the map property. */
    private PropertyMetadata stored() {
        return property.isMapKey() ? PrivacyMetadata.of(property.owner()).property(property.name()) : property;
    }

    /**
     * Describes API output without purposes: {@code clear}, {@code masked (EMAIL)} or {@code redacted},
     * and the purposes that reveal it.
     *
     * @return the description
     */
    public String apiOutput() {
        String shown = describe(Channel.API.disclosure(classification, Set.of()));
        if (!classification.purposes().isEmpty() && !shown.equals("clear")) {
            shown += "; clear for " + String.join(", ", purposes());
        }
        return shown;
    }

    /**
     * Describes output to logs, {@code toString} and exceptions.
     *
     * @return the description
     */
    public String logOutput() {
        return describe(Channel.LOG.disclosure(classification, Set.of()));
    }

    private String describe(Disclosure disclosure) {
        switch (disclosure) {
            case CLEAR:
            case REVEAL:
                return "clear";
            case REDACT:
                return "redacted";
            default:
                return "masked (" + classification.maskStyle() + ")";
        }
    }

    /**
     * Returns how the field is transformed in anonymized copies.
     *
     * @return the operator
     */
    public Operator anonymization() {
        return classification.operator();
    }

    /**
     * Returns the subject role the field describes.
     *
     * @return the role, empty for the class's only subject
     */
    public String subjectRole() {
        return classification.subjectRole();
    }

    /**
     * Returns the full classification.
     *
     * @return the classification
     */
    public Classification classification() {
        return classification;
    }

    @Override
    public String toString() {
        return root.getSimpleName() + "." + path + " " + typeLabel() + " " + sensitivity();
    }
}
