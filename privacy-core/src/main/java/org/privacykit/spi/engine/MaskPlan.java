package org.privacykit.spi.engine;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.privacykit.annotation.MaskStyle;
import org.privacykit.annotation.Sensitivity;
import org.privacykit.audit.AuditAction;
import org.privacykit.audit.AuditEvent;
import org.privacykit.audit.AuditSink;
import org.privacykit.internal.AsciiMasker;
import org.privacykit.mask.Channel;
import org.privacykit.mask.Disclosure;
import org.privacykit.mask.Masker;
import org.privacykit.mask.Maskers;
import org.privacykit.metadata.ClassMetadata;
import org.privacykit.metadata.Classification;
import org.privacykit.metadata.PropertyMetadata;

/**
 * A property of the masking mapper on {@link Channel#API}: a CONFIDENTIAL or RESTRICTED property (or
 * an unclassified {@code @Encrypted} one) written masked, redacted, or revealed when the write's
 * purposes include one of the field's, each reveal audited; and the keys of a map whose keys are
 * declared personal, decided the same way on their own classification. The decision without a reveal
 * is made once, when the plan is built.
 */
public final class MaskPlan implements PropertyPlan {
    private static final int FIRST_FOUR_DIGIT_YEAR = 1000;
    private static final int LAST_FOUR_DIGIT_YEAR = 9999;
    /** The mask of a value that has no text of its own (a bean classified as a whole): the full mask. */
    private static final String WHOLE = Objects.requireNonNull(Maskers.full().mask(""));

    private final PropertyMetadata property;
    private final ClassMetadata owner;
    private final boolean scoped;
    private final AuditSink audit;
    private final Side values;
    /** The map keys' side, or {@code null} when the property's keys are not declared personal. */
    private final @Nullable Side keys;

    MaskPlan(PropertyMetadata property, ClassMetadata owner, boolean scoped, AuditSink audit) {
        this.property = property;
        this.owner = owner;
        this.scoped = scoped;
        this.audit = audit;
        this.values = property.isProtected() || property.isEncrypted() ? new Side(property.classification()) : Side.CLEAR;
        PropertyMetadata mapKey = property.mapKey();
        this.keys = mapKey != null && mapKey.isProtected() ? new Side(mapKey.classification()) : null;
    }

    /** Whether the masking mapper writes anything but the plain value for a property. */
    static boolean applies(PropertyMetadata property) {
        PropertyMetadata keys = property.mapKey();
        return masks(property) || (keys != null && masks(keys));
    }

    /** INTERNAL and PUBLIC data are clear on the API and no purpose changes that; unclassified {@code @Encrypted} data is masked. */
    private static boolean masks(PropertyMetadata p) {
        return p.isProtected() ? p.classification().sensitivity().compareTo(Sensitivity.INTERNAL) > 0 : p.isEncrypted();
    }

    @Override
    public PropertyMetadata property() {
        return property;
    }

    @Override
    public ClassMetadata owner() {
        return owner;
    }

    @Override
    public boolean scoped() {
        return scoped;
    }

    /**
     * Tells whether a purpose can reveal anything of this property: the value or the keys are
     * classified, above INTERNAL, and declare purposes. When not, callers need not look for a reveal.
     *
     * @return {@code true} when a reveal may change the decision
     */
    public boolean revealable() {
        return values.revealable || (keys != null && keys.revealable);
    }

    /**
     * How the value is shown.
     *
     * @param reveal the write's purposes, or {@code null}
     * @return the disclosure; {@link Disclosure#CLEAR} when only the keys are protected
     */
    public Disclosure disclosure(@Nullable RevealRequest reveal) {
        return values.disclosure(reveal);
    }

    /**
     * How the keys of the property's map are shown.
     *
     * @param reveal the write's purposes, or {@code null}
     * @return the disclosure, or {@code null} when the keys are not declared personal
     */
    public @Nullable Disclosure keyDisclosure(@Nullable RevealRequest reveal) {
        return keys == null ? null : keys.disclosure(reveal);
    }

    /**
     * Tells whether a write must go through {@link #write}: something of the value is masked or redacted.
     *
     * @param disclosure the value's disclosure
     * @param keyDisclosure the keys' disclosure, or {@code null}
     * @return {@code false} when the mapper writes the value as it is
     */
    public static boolean protects(Disclosure disclosure, @Nullable Disclosure keyDisclosure) {
        return !disclosure.isClear() || (keyDisclosure != null && !keyDisclosure.isClear());
    }

    /**
     * Tells whether a write reveals something, so that it is audited.
     *
     * @param disclosure the value's disclosure
     * @param keyDisclosure the keys' disclosure, or {@code null}
     * @return {@code true} when the value or the keys are revealed by a purpose
     */
    public static boolean reveals(Disclosure disclosure, @Nullable Disclosure keyDisclosure) {
        return disclosure == Disclosure.REVEAL || keyDisclosure == Disclosure.REVEAL;
    }

    /**
     * Records each reveal of a non-null value: the value's and the keys' (as {@code field{key}}). The
     * event holds the path, subject, purpose and actor, never the value.
     *
     * @param reveal the write's purposes
     * @param disclosure the value's disclosure
     * @param keyDisclosure the keys' disclosure, or {@code null}
     * @param path the field's path ({@link FieldPath})
     * @param subject the data subject, or {@code null}
     */
    public void audit(@Nullable RevealRequest reveal, Disclosure disclosure, @Nullable Disclosure keyDisclosure, String path,
                      @Nullable String subject) {
        if (reveal == null) {
            return; // nothing is revealed without a purpose
        }
        if (disclosure == Disclosure.REVEAL) {
            audit.record(values.event(reveal, path, subject));
        }
        if (keyDisclosure == Disclosure.REVEAL && keys != null) {
            audit.record(keys.event(reveal, path + "{key}", subject));
        }
    }

    /**
     * The mask of one scalar element as printable ASCII bytes that need no escape, for an output that
     * {@linkplain JsonOutput#takesAscii() takes them}.
     *
     * @param element a non-null element that is not a container
     * @return the bytes, or {@code null} when there is no byte form and {@link #textMask} gives the mask
     */
    public byte @Nullable [] asciiMask(Object element) {
        if (values.yearOfDate && element instanceof LocalDate date && fourDigits(date.getYear())) {
            int year = date.getYear();
            return new byte[] {(byte) ('0' + year / 1000), (byte) ('0' + year / 100 % 10),
                (byte) ('0' + year / 10 % 10), (byte) ('0' + year % 10)};
        }
        String text = ScalarText.of(element);
        if (text == null || !(values.masker instanceof AsciiMasker ascii)) {
            return null;
        }
        byte[] bytes = ascii.maskToAscii(text);
        return bytes != null && writesUnescaped(bytes) ? bytes : null;
    }

    /**
     * The mask of one scalar element as text.
     *
     * @param element a non-null element that is not a container
     * @return the mask
     */
    public String textMask(Object element) {
        if (values.yearOfDate && element instanceof LocalDate date && fourDigits(date.getYear())) {
            return Integer.toString(date.getYear());
        }
        String text = ScalarText.of(element);
        if (text == null) {
            return WHOLE; // a bean or bytes classified as a whole: nothing of it shows
        }
        String masked = values.masker.mask(text);
        return masked == null ? Maskers.REDACTED : masked;
    }

    /**
     * Writes a value that {@link #protects} says is protected: redacted as one marker whatever its
     * shape (not even a list's length shows), or masked element by element keeping its containers, with
     * the keys of a personal map shown as their own disclosure says and the values written plain when
     * only the keys are protected.
     *
     * @param value a non-null value
     * @param disclosure the value's disclosure
     * @param keyDisclosure the keys' disclosure, or {@code null}
     * @param out the output
     * @param <X> what the output throws
     * @throws X when writing fails
     */
    public <X extends Exception> void write(Object value, Disclosure disclosure, @Nullable Disclosure keyDisclosure,
                                            JsonOutput<X> out) throws X {
        if (disclosure == Disclosure.REDACT) {
            out.string(Maskers.REDACTED);
            return;
        }
        boolean plain = disclosure.isClear();
        Side keySide = keys;
        ContainerWalk<X> walk = new ContainerWalk<>(out, keySide != null && keyDisclosure != null) {
            @Override
            void element(Object element) throws X {
                if (out.takesAscii()) {
                    byte[] ascii = asciiMask(element);
                    if (ascii != null) {
                        out.ascii(ascii);
                        return;
                    }
                }
                out.string(textMask(element));
            }

            @Override
            String key(@Nullable Object key) {
                return Objects.requireNonNull(keySide).show(key, Objects.requireNonNull(keyDisclosure));
            }

            @Override
            boolean elementsPlain() {
                return plain;
            }
        };
        try {
            walk.write(value);
        } catch (ProtectionException e) {
            throw new AssertionError("masking throws nothing of its own", e);
        }
    }

    private static boolean fourDigits(int year) {
        return year >= FIRST_FOUR_DIGIT_YEAR && year <= LAST_FOUR_DIGIT_YEAR;
    }

    /**
     * Whether bytes can go between the quotes as they are: printable ASCII (whatever a masker returns)
     * without a quote, an apostrophe (a generator's quote character may be one) or a backslash.
     */
    private static boolean writesUnescaped(byte[] ascii) {
        for (byte b : ascii) {
            if (b < 0x20 || b > 0x7E || b == '"' || b == '\'' || b == '\\') {
                return false;
            }
        }
        return true;
    }

    /** The decision for the values or for the keys of one property. */
    private static final class Side {
        /** The values of a property whose keys alone are personal: always clear. */
        static final Side CLEAR = new Side(null, Disclosure.CLEAR);

        /** {@code null} for an unclassified {@code @Encrypted} value: masked whole, never revealed. */
        private final @Nullable Classification classification;
        private final boolean revealable;
        private final Disclosure withoutReveal;
        private final Masker masker;
        /** Whether a {@code LocalDate} is written as its year, as the date masker keeps of its ISO text. */
        private final boolean yearOfDate;

        Side(@Nullable Classification classification) {
            this(classification, classification == null ? Disclosure.MASK : Channel.API.disclosure(classification, Set.of()));
        }

        private Side(@Nullable Classification classification, Disclosure withoutReveal) {
            this.classification = classification;
            this.revealable = classification != null && !classification.purposes().isEmpty();
            this.withoutReveal = withoutReveal;
            this.masker = classification == null ? Maskers.full() : Maskers.of(classification);
            this.yearOfDate = classification != null && classification.maskStyle() == MaskStyle.DATE;
        }

        Disclosure disclosure(@Nullable RevealRequest reveal) {
            return reveal == null || classification == null || !revealable
                    ? withoutReveal : Channel.API.disclosure(classification, reveal.purposes());
        }

        AuditEvent event(RevealRequest reveal, String path, @Nullable String subject) {
            Classification classification = Objects.requireNonNull(this.classification, "only classified values are revealed");
            return AuditEvent.builder(AuditAction.REVEAL).field(path).subject(subject)
                    .purpose(reveal.firstAllowed(classification.purposes())).actor(reveal.actor())
                    .detail(classification.sensitivity().name()).build();
        }

        /** A map key's text as the disclosure shows it. */
        String show(@Nullable Object key, Disclosure disclosure) {
            return switch (disclosure) {
                case CLEAR, REVEAL -> String.valueOf(key);
                case REDACT -> Maskers.REDACTED;
                case MASK -> {
                    String text = key == null ? null : ScalarText.of(key);
                    String masked = masker.mask(text == null ? "" : text);
                    yield masked == null ? Maskers.REDACTED : masked;
                }
            };
        }
    }
}
