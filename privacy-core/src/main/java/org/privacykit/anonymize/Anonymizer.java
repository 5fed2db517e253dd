package org.privacykit.anonymize;

import com.google.errorprone.annotations.CheckReturnValue;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.jspecify.annotations.NullUnmarked;
import org.privacykit.annotation.Operator;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.annotation.Sensitivity;
import org.privacykit.internal.PropertyAccess;
import org.privacykit.metadata.ClassMetadata;
import org.privacykit.metadata.Classification;
import org.privacykit.metadata.PrivacyMetadata;
import org.privacykit.metadata.PropertyMetadata;
import org.privacykit.pseudonym.Pseudonymizer;
import org.privacykit.pseudonym.TokenFormat;
import org.privacykit.spi.engine.GraphCopy;

/**
 * Makes anonymized copies of objects, for test fixtures and analytics: a deep copy (records, POJOs,
 * nested types, collections, maps, arrays, {@code Optional}; shared and cyclic references stay
 * shared) in which every personal-data field is transformed by its operator, while every other
 * field is kept. The original is never modified.
 *
 * <pre>{@code
 * Anonymizer anonymizer = Anonymizer.withKey(secret);      // 32 random bytes, kept like a key
 * Customer fixture = anonymizer.anonymize(customer);
 * }</pre>
 *
 * <p>The operator of a field is its {@code @Anonymize}, else the anonymizer's choice for its type
 * ({@link Builder#operator}), else its type's default, following the sensitivity table of the design:
 * PUBLIC kept; INTERNAL kept or generalized; CONFIDENTIAL pseudonymized, faked or generalized;
 * RESTRICTED suppressed or faked, never kept.
 *
 * <table>
 *   <caption>Operators</caption>
 *   <tr><th>operator</th><th>does</th><th>applies to</th></tr>
 *   <tr><td>REDACT</td><td>text becomes {@code [REDACTED]}; other values are dropped</td><td>anything</td></tr>
 *   <tr><td>SUPPRESS</td><td>{@code null}, zero for primitives, empty for collections, maps, arrays and
 *       {@code Optional}</td><td>anything</td></tr>
 *   <tr><td>MASK</td><td>the field's mask ({@code j***@example.com})</td><td>text</td></tr>
 *   <tr><td>PSEUDONYMIZE</td><td>a keyed HMAC-SHA256 token per field ({@link PseudonymScope})</td><td>text,
 *       {@code UUID}, {@code long}, {@code int}</td></tr>
 *   <tr><td>FAKE</td><td>a realistic value, the same for the same input everywhere (keyed)</td><td>text of NAME,
 *       EMAIL, PHONE, POSTAL_ADDRESS, POSTCODE, PAYMENT_CARD, IBAN, IP_ADDRESS, USERNAME, NATIONAL_ID, PASSPORT,
 *       BANK_ACCOUNT, DEVICE_ID; text or {@code LocalDate} of DATE_OF_BIRTH</td></tr>
 *   <tr><td>GENERALIZE</td><td>dates to the year or month; numbers to the lower bound of a range of
 *       {@code bucket} (text: {@code "30-39"}); postcodes to a prefix; coordinates to a grid; IP addresses to
 *       their /24 or /48 network</td><td>dates, numbers, text of those types</td></tr>
 *   <tr><td>DATE_SHIFT</td><td>1 to {@code maxShiftDays} days either way, the same shift for every date of one
 *       data subject</td><td>dates and times, ISO-8601 text</td></tr>
 *   <tr><td>NOISE</td><td>adds a keyed, non-zero change of at most {@code bucket} (default: 10% of the value)</td>
 *       <td>numbers</td></tr>
 *   <tr><td>KEEP</td><td>keeps the value</td><td>anything but RESTRICTED data</td></tr>
 * </table>
 *
 * <p>Fakes, pseudonyms, shifts and noise are keyed derivations of the secret (HMAC-SHA256 under
 * HKDF-derived keys, never {@code java.util.Random}): the same secret gives the same output for the
 * same input in every run, and without it the output says nothing about the input. Subject ids are
 * pseudonymized too, in one domain for all classes, so anonymized records still join; see
 * {@link Builder#keepSubjectIds(boolean)}.
 *
 * <p>Immutable and thread-safe; the plan of each class is made once. {@code toString} never shows
 * the key.
 */
@NullUnmarked // nullness to annotate: see NOTES.md
public final class Anonymizer {
    private final Transforms transforms;
    private final Map<PersonalDataType, Operator> typeOperators;
    private final boolean keepSubjectIds;
    private final String description;
    private final ConcurrentMap<Class<?>, ClassPlan> plans = new ConcurrentHashMap<>();

    private Anonymizer(Builder b) {
        Pseudonymizer pseudonymizer = Pseudonymizer.builder(b.key).format(b.tokenFormat).build();
        this.transforms = new Transforms(pseudonymizer, b.granularity, b.maxShiftDays, b.numberBucket, b.noiseRatio,
                b.gridDegrees, b.scope);
        this.typeOperators = new EnumMap<>(b.typeOperators);
        this.keepSubjectIds = b.keepSubjectIds;
        this.description = "Anonymizer[HMAC-SHA256 keyed, dates to " + b.granularity + ", shifts up to "
                + b.maxShiftDays + " days, pseudonyms per " + b.scope + (b.keepSubjectIds ? ", subject ids kept" : "")
                + (b.typeOperators.isEmpty() ? "" : ", " + b.typeOperators) + "]";
    }

    /**
     * Returns an anonymizer with every default.
     *
     * @param secret at least 16 bytes of secret key material (32 recommended); copied
     * @return the anonymizer
     * @throws IllegalArgumentException when the secret is shorter than 128 bits, or degenerate (all zero,
     *         one byte repeated, fewer than 8 distinct bytes, or a counting sequence)
     */
    public static Anonymizer withKey(byte[] secret) {
        return builder(secret).build();
    }

    /**
     * Starts a configured anonymizer.
     *
     * @param secret at least 16 bytes of secret key material (32 recommended); copied
     * @return a builder
     * @throws IllegalArgumentException when the secret is shorter than 128 bits, or degenerate
     */
    public static Builder builder(byte[] secret) {
        return new Builder(secret);
    }

    /**
     * Returns an anonymized deep copy.
     *
     * @param object an annotated object, or a collection, map, array or {@code Optional} of them;
     *               {@code null} gives {@code null}
     * @param <T> its type
     * @return the copy, of the same class
     * @throws AnonymizationException when a field's operator cannot apply to its value; the message names the field
     * @throws IllegalStateException when a class cannot be copied (no usable constructor)
     */
    @CheckReturnValue
    public <T> T anonymize(T object) {
        return copy(object, null);
    }

    /**
     * Returns a deep copy in which a selector chooses, value by value, the operator of each protected
     * field ({@code null} keeps the value). Subject ids are kept, since the selector decides what
     * changes.
     *
     * @param object the object
     * @param selector chooses the operator of each protected value
     * @param <T> its type
     * @return the copy
     * @throws AnonymizationException when a chosen operator cannot apply to a value
     */
    @CheckReturnValue
    public <T> T anonymize(T object, OperatorSelector selector) {
        return copy(object, Objects.requireNonNull(selector, "selector"));
    }

    @SuppressWarnings("unchecked")
    private <T> T copy(T object, OperatorSelector selector) {
        return (T) GraphCopy.copy(object, new AnonymizationPolicy(this, selector));
    }

    /**
     * Returns the fake this anonymizer gives a value of a type, as in an anonymized field of that type:
     * the same input gives the same fake, whichever field or class it is in.
     *
     * @param type the personal data type; one that has fakes (see the table above)
     * @param value the value, possibly {@code null}
     * @return the fake, or {@code null} for {@code null}
     * @throws AnonymizationException when the type has no fake
     */
    @CheckReturnValue
    public String fake(PersonalDataType type, String value) {
        Objects.requireNonNull(type, "type");
        if (value == null) {
            return null;
        }
        switch (type) {
            case NAME: case EMAIL: case PHONE: case POSTAL_ADDRESS: case POSTCODE: case PAYMENT_CARD: case IBAN:
            case DATE_OF_BIRTH: case IP_ADDRESS: case USERNAME: case NATIONAL_ID: case PASSPORT: case BANK_ACCOUNT:
            case DEVICE_ID:
                return transforms.fake(type, value);
            default:
                throw new AnonymizationException(type.name(), "FAKE has no generator for " + type);
        }
    }

    /**
     * The operator this anonymizer applies to a field: its {@code @Anonymize}, else the anonymizer's
     * choice for its type, else its type's default; KEEP for PUBLIC data.
     */
    Operator operatorFor(Classification classification) {
        if (classification.isOperatorOverridden()) {
            return classification.operator();
        }
        if (classification.sensitivity() == Sensitivity.PUBLIC) {
            return Operator.KEEP;
        }
        PersonalDataType type = classification.typeOrNull();
        Operator chosen = type == null ? null : typeOperators.get(type);
        if (chosen == null) {
            return classification.operator();
        }
        if (classification.sensitivity() == Sensitivity.RESTRICTED && chosen != Operator.SUPPRESS
                && chosen != Operator.REDACT && chosen != Operator.FAKE) {
            return classification.operator();
        }
        return chosen;
    }

    /**
     * The operator of personal map keys: keys must stay distinct, so those a pseudonym can hold (text,
     * {@code UUID}, {@code Long}, {@code Integer}) are pseudonymized, which keeps them apart and
     * stable; PUBLIC keys are kept; other keys take their declared operator, and a copy whose keys
     * collide is refused.
     */
    private Operator keyOperator(PropertyMetadata keys) {
        Classification c = keys.classification();
        if (c.sensitivity() == Sensitivity.PUBLIC) {
            return Operator.KEEP;
        }
        Class<?> type = keys.elementClass();
        if (type == String.class || type == CharSequence.class || type == Object.class || type == java.util.UUID.class
                || type == Long.class || type == Integer.class) {
            return Operator.PSEUDONYMIZE;
        }
        return operatorFor(c);
    }

    Transforms transforms() {
        return transforms;
    }

    ClassPlan plan(ClassMetadata metadata) {
        ClassPlan plan = plans.get(metadata.type());
        if (plan == null) {
            plan = new ClassPlan(metadata);
            ClassPlan raced = plans.putIfAbsent(metadata.type(), plan);
            if (raced != null) {
                plan = raced;
            }
        }
        return plan;
    }

    @Override
    public String toString() {
        return description;
    }

    /** What happens to each property of one class. */
    final class ClassPlan {
        private final PropertyPlan[] properties;

        ClassPlan(ClassMetadata metadata) {
            properties = new PropertyPlan[metadata.properties().size()];
            for (PropertyMetadata p : metadata.properties()) {
                properties[PropertyAccess.index(p)] = new PropertyPlan(p);
            }
        }

        PropertyPlan of(PropertyMetadata property) {
            return properties[PropertyAccess.index(property)];
        }
    }

    /** The kinds of property. */
    enum Kind {
        /** Personal data or a secret: transformed by its operator. */
        PROTECTED,
        /** A {@code @SubjectId}: pseudonymized unless kept. */
        SUBJECT_ID,
        /** An {@code @Encrypted} field without a classification: dropped, since nothing says what it holds. */
        DROP,
        /** Anything else: deep-copied. */
        COPY
    }

    /** What happens to one property. */
    @SuppressWarnings("EnumOrdinal") // byOperator is indexed by Operator and filled lazily by several threads
    final class PropertyPlan {
        final PropertyMetadata property;
        final Kind kind;
        final Operator operator;
        final Transforms.ValueTransform transform;
        /** The plan of the property's personal map keys, or {@code null}. */
        final PropertyPlan keys;
        private final AtomicReferenceArray<Transforms.ValueTransform> byOperator =
                new AtomicReferenceArray<>(Operator.values().length);

        PropertyPlan(PropertyMetadata p) {
            this(p, p.isProtected() ? operatorFor(p.classification()) : null);
        }

        private PropertyPlan(PropertyMetadata p, Operator chosen) {
            this.property = p;
            this.keys = p.mapKey() == null ? null : new PropertyPlan(p.mapKey(), keyOperator(p.mapKey()));
            if (p.isProtected()) {
                kind = Kind.PROTECTED;
                operator = chosen;
                if (operator == Operator.KEEP && p.classification().sensitivity() == Sensitivity.RESTRICTED) {
                    throw new AnonymizationException(p.qualifiedName(), "RESTRICTED data is never kept in an"
                            + " anonymized copy");
                }
                transform = transforms.prepare(p, operator);
                byOperator.set(operator.ordinal(), transform);
            } else if (p.isSubjectId() && !keepSubjectIds) {
                kind = Kind.SUBJECT_ID;
                operator = null;
                transform = null;
            } else if (p.isEncrypted()) {
                kind = Kind.DROP;
                operator = null;
                transform = null;
            } else {
                kind = Kind.COPY;
                operator = null;
                transform = null;
            }
        }

        /** The transform of another operator, for selectors; prepared on first use. */
        Transforms.ValueTransform transform(Operator op) {
            Transforms.ValueTransform t = byOperator.get(op.ordinal());
            if (t == null) {
                if (op == Operator.KEEP && property.classification().sensitivity() == Sensitivity.RESTRICTED) {
                    throw new AnonymizationException(property.qualifiedName(), "RESTRICTED data is never kept in an"
                            + " anonymized copy");
                }
                t = transforms.prepare(property, op);
                byOperator.compareAndSet(op.ordinal(), null, t);
            }
            return t;
        }
    }

    /** Builds an {@link Anonymizer}. Validates each setting when it is given. */
    public static final class Builder {
        /** Fewer distinct byte values than this in a key of 16 bytes or more: a pattern, not random bytes. */
        private static final int MIN_DISTINCT_BYTES = 8;

        private final byte[] key;
        private final Map<PersonalDataType, Operator> typeOperators = new EnumMap<>(PersonalDataType.class);
        private DateGranularity granularity = DateGranularity.YEAR;
        private int maxShiftDays = 30;
        private double numberBucket = 10;
        private double noiseRatio = 0.1;
        private double gridDegrees = 0.1;
        private PseudonymScope scope = PseudonymScope.FIELD;
        private TokenFormat tokenFormat = TokenFormat.PREFIXED;
        private boolean keepSubjectIds;

        private Builder(byte[] secret) {
            Objects.requireNonNull(secret, "secret");
            if (secret.length < 16) {
                throw new IllegalArgumentException("an anonymization key needs at least 128 bits (16 bytes); got "
                        + secret.length * 8 + " bits");
            }
            String degenerate = degenerate(secret);
            if (degenerate != null) {
                throw new IllegalArgumentException("the anonymization key is degenerate (" + degenerate + "): anyone"
                        + " could guess it and undo the pseudonyms and fakes; use 32 bytes from SecureRandom, kept"
                        + " like any key");
            }
            this.key = secret.clone();
        }

        /**
         * Why a key is one a guesser tries first, or {@code null}: an uninitialized buffer (all one byte),
         * a short alphabet or a repeated short pattern (fewer than {@link #MIN_DISTINCT_BYTES} distinct
         * bytes), or a counter (every byte one step from the last). Random keys of 16 bytes or more pass
         * (a random 16-byte key has fewer than 8 distinct bytes with a probability under 10^-11).
         */
        private static String degenerate(byte[] key) {
            boolean[] seen = new boolean[256];
            int distinct = 0;
            for (byte b : key) {
                if (!seen[b & 0xFF]) {
                    seen[b & 0xFF] = true;
                    distinct++;
                }
            }
            if (distinct == 1) {
                return key[0] == 0 ? "all zero bytes" : "one byte repeated";
            }
            if (distinct < MIN_DISTINCT_BYTES) {
                return "only " + distinct + " distinct byte values";
            }
            int step = (key[1] - key[0]) & 0xFF;
            for (int i = 2; i < key.length; i++) {
                if (((key[i] - key[i - 1]) & 0xFF) != step) {
                    return null;
                }
            }
            return "a counting sequence";
        }

        /**
         * Chooses the operator for fields of a type that do not declare {@code @Anonymize}. For
         * RESTRICTED fields only SUPPRESS, REDACT and FAKE are taken; other choices leave them suppressed.
         *
         * @param type the personal data type
         * @param operator the operator
         * @return this builder
         * @throws IllegalArgumentException for KEEP on a type that is RESTRICTED by default
         */
        public Builder operator(PersonalDataType type, Operator operator) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(operator, "operator");
            if (operator == Operator.KEEP && type.defaultSensitivity() == Sensitivity.RESTRICTED) {
                throw new IllegalArgumentException(type + " is RESTRICTED: anonymized copies never keep it");
            }
            typeOperators.put(type, operator);
            return this;
        }

        /**
         * Sets how far GENERALIZE coarsens dates; the default is {@link DateGranularity#YEAR}.
         *
         * @param granularity year or month
         * @return this builder
         */
        public Builder dateGeneralization(DateGranularity granularity) {
            this.granularity = Objects.requireNonNull(granularity, "granularity");
            return this;
        }

        /**
         * Sets the largest DATE_SHIFT, in days either way, for fields that do not declare
         * {@code maxShiftDays}; the default is 30.
         *
         * @param days 1 to 36,525 (a century)
         * @return this builder
         * @throws IllegalArgumentException when out of range
         */
        public Builder maxShiftDays(int days) {
            if (days < 1 || days > 36_525) {
                throw new IllegalArgumentException("maxShiftDays must be 1 to 36525; got " + days);
            }
            this.maxShiftDays = days;
            return this;
        }

        /**
         * Sets the range width GENERALIZE uses for numbers of fields that do not declare {@code bucket};
         * the default is 10.
         *
         * @param width a positive width
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder numberBucket(double width) {
            if (!(width > 0) || Double.isInfinite(width)) {
                throw new IllegalArgumentException("numberBucket must be positive; got " + width);
            }
            this.numberBucket = width;
            return this;
        }

        /**
         * Sets the NOISE bound, relative to the value, for fields that do not declare {@code bucket};
         * the default is 0.1 (10%). Whole numbers change by at least 1.
         *
         * @param ratio more than 0, at most 1
         * @return this builder
         * @throws IllegalArgumentException when out of range
         */
        public Builder noiseRatio(double ratio) {
            if (!(ratio > 0 && ratio <= 1)) {
                throw new IllegalArgumentException("noiseRatio must be in (0, 1]; got " + ratio);
            }
            this.noiseRatio = ratio;
            return this;
        }

        /**
         * Sets the grid cell, in degrees, GENERALIZE snaps coordinates to; the default is 0.1 (about 11 km).
         *
         * @param degrees a positive cell size, at most 10
         * @return this builder
         * @throws IllegalArgumentException when out of range
         */
        public Builder gridDegrees(double degrees) {
            if (!(degrees > 0 && degrees <= 10)) {
                throw new IllegalArgumentException("gridDegrees must be in (0, 10]; got " + degrees);
            }
            this.gridDegrees = degrees;
            return this;
        }

        /**
         * Sets which values share pseudonyms; the default is {@link PseudonymScope#FIELD}.
         *
         * @param scope per field or per type
         * @return this builder
         */
        public Builder pseudonymScope(PseudonymScope scope) {
            this.scope = Objects.requireNonNull(scope, "scope");
            return this;
        }

        /**
         * Sets how pseudonyms are written; the default is {@link TokenFormat#PREFIXED} ({@code tok_...}).
         *
         * @param format the token format
         * @return this builder
         */
        public Builder tokenFormat(TokenFormat format) {
            this.tokenFormat = Objects.requireNonNull(format, "format");
            return this;
        }

        /**
         * Keeps {@code @SubjectId} values as they are instead of pseudonymizing them (in one domain
         * shared by every class, so references between anonymized records still match). Keep them only
         * when the ids are themselves random and mean nothing outside your system.
         *
         * @param keep whether to keep subject ids
         * @return this builder
         */
        public Builder keepSubjectIds(boolean keep) {
            this.keepSubjectIds = keep;
            return this;
        }

        /**
         * Builds the anonymizer.
         *
         * @return the anonymizer
         */
        public Anonymizer build() {
            return new Anonymizer(this);
        }
    }
}
