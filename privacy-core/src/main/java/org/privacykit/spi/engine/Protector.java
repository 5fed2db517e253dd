package org.privacykit.spi.engine;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.privacykit.audit.AuditSink;
import org.privacykit.metadata.ClassMetadata;
import org.privacykit.metadata.PropertyMetadata;
import org.privacykit.pseudonym.Pseudonymizer;
import org.privacykit.spi.FieldCipher;

/**
 * The engine behind both Jackson modules, knowing nothing of Jackson: for one mode (masking for API
 * output, encrypting for storage, pseudonymizing for analytics), what to write for each property of a
 * class. A Jackson adapter asks once per property, when its mapper builds a class's serializer, and
 * puts a property writer in place for each {@link PropertyPlan}; the plan then does the per-value
 * work (disclosure for the write's purposes, masks and their bytes, audit, ciphertext, pseudonyms).
 * Immutable and thread-safe.
 */
public final class Protector {
    private final Mode mode;
    private final AuditSink audit;
    private final @Nullable FieldCipher cipher;
    private final @Nullable Pseudonymizer pseudonymizer;

    private Protector(Mode mode, AuditSink audit, @Nullable FieldCipher cipher, @Nullable Pseudonymizer pseudonymizer) {
        this.mode = mode;
        this.audit = audit;
        this.cipher = cipher;
        this.pseudonymizer = pseudonymizer;
    }

    /**
     * The masking engine, for API output.
     *
     * @param audit receives one event per revealed CONFIDENTIAL or RESTRICTED value
     * @return the engine
     */
    public static Protector masking(AuditSink audit) {
        return new Protector(Mode.MASKING, Objects.requireNonNull(audit, "audit"), null, null);
    }

    /**
     * The encrypting engine, for storage.
     *
     * @param cipher encrypts and decrypts the {@code @Encrypted} properties
     * @param audit receives an {@code ERASED_READ} event for each field of a forgotten subject that is read
     * @return the engine
     */
    public static Protector encrypting(FieldCipher cipher, AuditSink audit) {
        return new Protector(Mode.ENCRYPTING, Objects.requireNonNull(audit, "audit"),
                Objects.requireNonNull(cipher, "cipher"), null);
    }

    /**
     * The pseudonymizing engine, for exports to analytics.
     *
     * @param pseudonymizer the keyed pseudonymizer
     * @return the engine
     */
    public static Protector pseudonymizing(Pseudonymizer pseudonymizer) {
        return new Protector(Mode.PSEUDONYMIZING, AuditSink.noop(), null,
                Objects.requireNonNull(pseudonymizer, "pseudonymizer"));
    }

    /**
     * The mode.
     *
     * @return what this engine does to protected properties
     */
    public Mode mode() {
        return mode;
    }

    /**
     * Tells whether the properties of a class make it the subject scope of nested values, so that
     * those values' reveals are audited, and their ciphertexts bound, with the right subject.
     * Pseudonyms do not depend on the subject.
     *
     * @param owner the class's metadata
     * @return {@code true} when the class declares a {@code @SubjectId} and the mode needs subjects
     */
    public boolean scopesSubjects(ClassMetadata owner) {
        return mode != Mode.PSEUDONYMIZING && owner.hasSubjectId();
    }

    /**
     * Decides what to write for one property.
     *
     * @param property the property's metadata, or {@code null} when privacy-kit does not know it
     * @param owner the metadata of the class holding it
     * @param scoped whether the owner must be the subject scope while the value is written
     *        ({@link #scopesSubjects} and a value that {@linkplain PropertyNames#mayHoldProtectedData may
     *        hold protected data})
     * @return the plan, or {@code null} when the mapper writes the property as it would without privacy-kit
     */
    public @Nullable PropertyPlan plan(@Nullable PropertyMetadata property, ClassMetadata owner, boolean scoped) {
        @Nullable PropertyPlan plan = switch (mode) {
            case MASKING -> property != null && MaskPlan.applies(property) ? new MaskPlan(property, owner, scoped, audit) : null;
            case ENCRYPTING -> property != null && property.isEncrypted()
                    ? new EncryptPlan(property, owner, scoped, Objects.requireNonNull(cipher), audit) : null;
            case PSEUDONYMIZING -> pseudonymPlan(property, owner);
        };
        return plan == null && scoped ? new ScopePlan(property, owner) : plan;
    }

    private @Nullable PseudonymPlan pseudonymPlan(@Nullable PropertyMetadata property, ClassMetadata owner) {
        if (property == null) {
            return null;
        }
        Pseudonymizer pseudonymizer = Objects.requireNonNull(this.pseudonymizer);
        PropertyMetadata mapKey = property.mapKey();
        Pseudonymizer.@Nullable Domain keys = mapKey != null && mapKey.isProtected() && mapKey.classification().isPersonalData()
                ? pseudonymizer.domain(mapKey.qualifiedName()) : null;
        if (property.isSubjectId()) {
            String role = property.subjectIdRole();
            return new PseudonymPlan(property, owner,
                    pseudonymizer.domain(role.isEmpty() ? "SubjectId" : "SubjectId:" + role), false, keys);
        }
        if (property.isProtected() && property.classification().isPersonalData()) {
            return new PseudonymPlan(property, owner, pseudonymizer.domain(property.qualifiedName()), false, keys);
        }
        if (property.isProtected() || property.isEncrypted()) {
            return new PseudonymPlan(property, owner, null, false, keys); // a secret: redacted
        }
        return keys == null ? null : new PseudonymPlan(property, owner, null, true, keys);
    }

    @Override
    public String toString() {
        return "Protector[" + mode.label() + "]";
    }

    /** What an engine does to protected properties. */
    public enum Mode {
        /** API output: masked, redacted or revealed by purpose. */
        MASKING("masking"),
        /** Storage: {@code @Encrypted} properties as ciphertext. */
        ENCRYPTING("encrypting"),
        /** Analytics: keyed pseudonyms. */
        PSEUDONYMIZING("pseudonymizing");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        /**
         * The mode's name in module names and messages.
         *
         * @return a lower-case label
         */
        public String label() {
            return label;
        }
    }
}
