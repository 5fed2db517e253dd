package org.privacykit.detect;

import java.util.Objects;

import org.privacykit.annotation.PersonalDataType;

/**
 * One piece of personal data found in a text: its type, where it is ({@code start} inclusive,
 * {@code end} exclusive, in UTF-16 indexes of the scanned text) and how sure the detector is.
 * A finding holds no part of the text, so it can be logged; {@link #text(CharSequence)} reads the
 * value back from the scanned text. Immutable.
 */
public final class PiiFinding {
    private final PersonalDataType type;
    private final int start;
    private final int end;
    private final double confidence;

    PiiFinding(PersonalDataType type, int start, int end, double confidence) {
        this.type = type;
        this.start = start;
        this.end = end;
        this.confidence = confidence;
    }

    /**
     * Returns what was found.
     *
     * @return the personal data type, such as {@link PersonalDataType#EMAIL}
     */
    public PersonalDataType type() {
        return type;
    }

    /**
     * Returns the id of the detector that found it, the type's {@link PersonalDataType#detectorId()}.
     *
     * @return the detector id, such as {@code "payment_card"}
     */
    public String detectorId() {
        return type.detectorId().orElseThrow();
    }

    /**
     * Returns where the value starts.
     *
     * @return the index of its first character in the scanned text
     */
    public int start() {
        return start;
    }

    /**
     * Returns where the value ends.
     *
     * @return the index after its last character in the scanned text
     */
    public int end() {
        return end;
    }

    /**
     * Returns how sure the detector is, from 0 to 1: about 0.95 for a checksum-verified value in its
     * usual format, lower for formats that other numbers share, raised by context words such as
     * "card" or "phone" just before the value.
     *
     * @return the confidence
     */
    public double confidence() {
        return confidence;
    }

    /**
     * Reads the value from the text that was scanned.
     *
     * @param scanned the text passed to {@link PiiDetector#detect(CharSequence)}
     * @return the value
     * @throws IndexOutOfBoundsException when the text is not the one scanned
     */
    public String text(CharSequence scanned) {
        return scanned.subSequence(start, end).toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PiiFinding f && type == f.type && start == f.start && end == f.end && Double.compare(confidence, f.confidence) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, start, end, confidence);
    }

    /** Shows the type, position and confidence; never the value. */
    @Override
    public String toString() {
        return "PiiFinding[" + type + " " + start + ".." + end + ", confidence " + confidence + "]";
    }
}
