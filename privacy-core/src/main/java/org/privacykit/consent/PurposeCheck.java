package org.privacykit.consent;

import java.time.Clock;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.privacykit.annotation.LegalBasis;
import org.privacykit.audit.AuditAction;
import org.privacykit.audit.AuditEvent;
import org.privacykit.audit.AuditSink;
import org.privacykit.metadata.ClassMetadata;
import org.privacykit.metadata.Classification;
import org.privacykit.metadata.PrivacyMetadata;
import org.privacykit.metadata.PropertyMetadata;

/**
 * Purpose limitation, enforced: processing a field for a purpose is allowed only when the field
 * declares the purpose ({@code @PersonalData(purposes = ...)}) and the subject's legal basis for it
 * holds, read from a {@link ConsentStore} on every call:
 *
 * <ul>
 *   <li>basis {@code CONSENT}, or no basis declared: the subject consented to the purpose and has
 *       neither withdrawn nor objected since;</li>
 *   <li>{@code LEGITIMATE_INTERESTS} or {@code PUBLIC_TASK}: the subject has not objected to the
 *       purpose (GDPR Art. 21; a controller's compelling grounds are not modelled);</li>
 *   <li>{@code CONTRACT}, {@code LEGAL_OBLIGATION}, {@code VITAL_INTERESTS}: the basis holds;</li>
 *   <li>whatever the basis, nothing is processed while the subject's processing is restricted (Art. 18).</li>
 * </ul>
 *
 * <pre>{@code
 * PurposeCheck check = PurposeCheck.builder(consents).auditSink(sink).build();
 * check.require(Processing.REVEAL, Customer.class, "email", "c-1001", "marketing");   // or throws
 * }</pre>
 *
 * <p>A refusal throws {@link PurposeRefusedException} and records a
 * {@link AuditAction#PROCESSING_REFUSED} event (field, subject, purpose, actor, and the processing
 * and verdict as detail; never a value). Immutable and thread-safe.
 */
public final class PurposeCheck {
    private final ConsentStore store;
    private final AuditSink audit;
    private final Clock clock;
    private final @Nullable String actor;

    private PurposeCheck(ConsentStore store, AuditSink audit, Clock clock, @Nullable String actor) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.actor = actor;
    }

    /**
     * Starts a check over a consent store.
     *
     * @param store where subjects' decisions are kept
     * @return a builder
     */
    public static Builder builder(ConsentStore store) {
        return new Builder(store);
    }

    /**
     * Returns a check that names another actor in its audit events.
     *
     * @param actor a user, service or job id
     * @return the new check
     */
    public PurposeCheck by(String actor) {
        return new PurposeCheck(store, audit, clock, ConsentRecord.text("actor", actor));
    }

    /**
     * Decides, without recording anything, whether a field of a subject may be processed for a purpose.
     *
     * @param field a protected property ({@code @PersonalData} or {@code @Sensitive})
     * @param subjectId the value's data subject, or {@code null} when unknown
     * @param purpose the purpose; compared without regard to case
     * @return the verdict
     * @throws IllegalArgumentException when the field is not protected or the purpose is blank
     * @throws ConsentStoreException when the store cannot be read
     */
    public PurposeVerdict evaluate(PropertyMetadata field, @Nullable String subjectId, String purpose) {
        return evaluate(classificationOf(field), subjectId, ConsentRecord.normalizePurpose(purpose));
    }

    private PurposeVerdict evaluate(Classification c, @Nullable String subjectId, String purpose) {
        if (!c.purposes().contains(purpose)) {
            return PurposeVerdict.PURPOSE_NOT_DECLARED;
        }
        if (subjectId == null || subjectId.isBlank()) {
            return PurposeVerdict.SUBJECT_UNKNOWN;
        }
        ConsentState state = store.state(subjectId);
        if (state.restricted()) {
            return PurposeVerdict.RESTRICTED;
        }
        ConsentDecision latest = state.latest(purpose).map(ConsentRecord::decision).orElse(null);
        LegalBasis basis = c.legalBasis().orElse(LegalBasis.CONSENT);
        return switch (basis) {
            case CONSENT -> latest == null ? PurposeVerdict.NO_CONSENT : switch (latest) {
                case GRANTED -> PurposeVerdict.ALLOWED_BY_CONSENT;
                case OBJECTED -> PurposeVerdict.OBJECTED;
                case WITHDRAWN -> PurposeVerdict.CONSENT_WITHDRAWN;
                case RESTRICTED, RESTRICTION_LIFTED -> throw new IllegalStateException("latest() skips restrictions");
            };
            case LEGITIMATE_INTERESTS, PUBLIC_TASK ->
                    latest == ConsentDecision.OBJECTED ? PurposeVerdict.OBJECTED : PurposeVerdict.ALLOWED_BY_DECLARED_BASIS;
            case CONTRACT, LEGAL_OBLIGATION, VITAL_INTERESTS -> PurposeVerdict.ALLOWED_BY_DECLARED_BASIS;
        };
    }

    /**
     * Allows processing a field of a subject for a purpose, or refuses it with an exception and an
     * audit event.
     *
     * @param processing what is done
     * @param field a protected property
     * @param subjectId the value's data subject, or {@code null} when unknown (always refused)
     * @param purpose the purpose
     * @return the verdict, which allows
     * @throws PurposeRefusedException when refused
     * @throws IllegalArgumentException when the field is not protected or the purpose is blank
     * @throws ConsentStoreException when the store cannot be read
     */
    public PurposeVerdict require(Processing processing, PropertyMetadata field, @Nullable String subjectId,
                                  String purpose) {
        PurposeVerdict verdict = check(processing, field, subjectId, purpose);
        if (!verdict.allowed()) {
            throw new PurposeRefusedException(field.qualifiedName(), processing,
                    ConsentRecord.normalizePurpose(purpose), verdict);
        }
        return verdict;
    }

    /**
     * Decides whether a field of a subject may be processed for a purpose, and records a refusal as
     * an audit event, without throwing: for callers that go on without the value (an output that
     * masks the field instead of revealing it).
     *
     * @param processing what is done
     * @param field a protected property
     * @param subjectId the value's data subject, or {@code null} when unknown (always refused)
     * @param purpose the purpose
     * @return the verdict
     * @throws IllegalArgumentException when the field is not protected or the purpose is blank
     * @throws ConsentStoreException when the store cannot be read
     */
    public PurposeVerdict check(Processing processing, PropertyMetadata field, @Nullable String subjectId,
                                String purpose) {
        Objects.requireNonNull(processing, "processing");
        String p = ConsentRecord.normalizePurpose(purpose);
        PurposeVerdict verdict = evaluate(classificationOf(field), subjectId, p);
        if (!verdict.allowed()) {
            audit.record(AuditEvent.builder(AuditAction.PROCESSING_REFUSED).time(clock.instant())
                    .field(field.qualifiedName()).subject(subjectId).purpose(p).actor(actor)
                    .detail(processing + " " + verdict).build());
        }
        return verdict;
    }

    /**
     * Allows processing a property of a class, or refuses it; see
     * {@link #require(Processing, PropertyMetadata, String, String)}.
     *
     * @param processing what is done
     * @param type the class
     * @param property the property's name
     * @param subjectId the value's data subject, or {@code null} when unknown
     * @param purpose the purpose
     * @return the verdict, which allows
     * @throws PurposeRefusedException when refused
     * @throws IllegalArgumentException when the class has no such protected property
     */
    public PurposeVerdict require(Processing processing, Class<?> type, String property, @Nullable String subjectId,
                                  String purpose) {
        ClassMetadata metadata = PrivacyMetadata.of(type);
        PropertyMetadata p = metadata.property(Objects.requireNonNull(property, "property"));
        if (p == null) {
            throw new IllegalArgumentException(type.getSimpleName() + " has no property '" + property + "'");
        }
        return require(processing, p, subjectId, purpose);
    }

    private static Classification classificationOf(PropertyMetadata field) {
        Objects.requireNonNull(field, "field");
        Classification c = field.classification();
        if (c == null) {
            throw new IllegalArgumentException(field.qualifiedName()
                    + " is not protected (@PersonalData or @Sensitive), so it has no purposes to check");
        }
        return c;
    }

    @Override
    public String toString() {
        return "PurposeCheck[" + store + (actor == null ? "" : ", actor " + actor) + "]";
    }

    /** Builds a {@link PurposeCheck}. */
    public static final class Builder {
        private final ConsentStore store;
        private AuditSink audit = AuditSink.slf4j();
        private Clock clock = Clock.systemUTC();
        private @Nullable String actor;

        private Builder(ConsentStore store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        /**
         * Sets where refusals are recorded; the default is {@link AuditSink#slf4j()}.
         *
         * @param sink the sink
         * @return this builder
         */
        public Builder auditSink(AuditSink sink) {
            this.audit = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /**
         * Sets the clock of audit events; the default is the system clock in UTC.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets who processes, for audit events.
         *
         * @param actor a user, service or job id
         * @return this builder
         */
        public Builder actor(String actor) {
            this.actor = ConsentRecord.text("actor", actor);
            return this;
        }

        /**
         * Builds the check.
         *
         * @return the check
         */
        public PurposeCheck build() {
            return new PurposeCheck(store, audit, clock, actor);
        }
    }
}
