package org.privacykit.test;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Objects;

import org.privacykit.annotation.Sensitivity;
import org.privacykit.detect.PiiDetector;
import org.privacykit.detect.PiiFinding;
import org.privacykit.mask.Maskers;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on one text, from {@link PrivacyAssertions#assertThat(String)}. Chainable.
 */
public final class TextAssert {
    private final String text;
    private final @Nullable Sensitivity allowed;

    TextAssert(String text) {
        this(text, null);
    }

    private TextAssert(String text, @Nullable Sensitivity allowed) {
        this.text = text;
        this.allowed = allowed;
    }

    /**
     * Lets values up to a sensitivity appear, for channels that show them by design: API output shows
     * PUBLIC and INTERNAL fields in clear, so {@code allowingUpTo(Sensitivity.INTERNAL)} checks that
     * no CONFIDENTIAL or RESTRICTED value is there.
     *
     * @param level the highest sensitivity that may appear
     * @return assertions that ignore values up to that level
     */
    public TextAssert allowingUpTo(Sensitivity level) {
        return new TextAssert(text, Objects.requireNonNull(level, "level"));
    }

    /**
     * Asserts that the text holds none of the protected values (personal data and secrets) of the
     * objects, nested objects and collections included, in any of their usual forms: as written in
     * any case, digits only for cards, phones and identifiers (and the national part of a phone
     * number), without separators for IBANs and identifiers, dates in ISO and day/month orders. Values
     * shorter than 4 characters (6 digits) are not looked for, nor values up to the level given to
     * {@link #allowingUpTo(Sensitivity)}.
     *
     * @param objects the objects whose values must not appear
     * @return this, for more assertions
     * @throws org.opentest4j.AssertionFailedError naming each leaked field, its type and masked value
     */
    public TextAssert containsNoPersonalDataOf(Object... objects) {
        Objects.requireNonNull(objects, "objects");
        if (text == null) {
            return this;
        }
        List<PersonalValues.Leak> leaks = PersonalValues.of(allowed, objects).findIn(text);
        if (!leaks.isEmpty()) {
            StringBuilder message = new StringBuilder("expected no personal data, but the text holds ")
                    .append(leaks.size()).append(leaks.size() == 1 ? " value:" : " values:");
            for (PersonalValues.Leak leak : leaks) {
                message.append("\n  ").append(leak);
            }
            fail(message.toString());
        }
        return this;
    }

    /**
     * Asserts that the default {@link PiiDetector} finds nothing in the text.
     *
     * @return this, for more assertions
     * @throws org.opentest4j.AssertionFailedError listing each finding's type, position and masked value
     */
    public TextAssert containsNoPii() {
        return containsNoPii(PiiDetector.defaults());
    }

    /**
     * Asserts that a detector finds nothing in the text.
     *
     * @param detector the detector, for example one restricted to some types
     * @return this, for more assertions
     * @throws org.opentest4j.AssertionFailedError listing each finding's type, position and masked value
     */
    public TextAssert containsNoPii(PiiDetector detector) {
        Objects.requireNonNull(detector, "detector");
        if (text == null) {
            return this;
        }
        List<PiiFinding> findings = detector.detect(text);
        if (!findings.isEmpty()) {
            fail(describe(findings, text));
        }
        return this;
    }

    static String describe(List<PiiFinding> findings, String text) {
        StringBuilder message = new StringBuilder("expected no PII, but the detector found ").append(findings.size())
                .append(findings.size() == 1 ? " value:" : " values:");
        for (PiiFinding f : findings) {
            message.append("\n  ").append(f.type()).append(" at ").append(f.start()).append("..").append(f.end())
                    .append(" (").append(Maskers.of(f.type().defaultMask(), -1, -1, '*').mask(f.text(text)))
                    .append("), confidence ").append(f.confidence());
        }
        return message.toString();
    }

    /** Shows the length of the text only. */
    @Override
    public String toString() {
        return "TextAssert[" + (text == null ? "null" : text.length() + " chars") + "]";
    }
}
