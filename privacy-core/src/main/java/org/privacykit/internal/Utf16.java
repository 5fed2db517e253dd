package org.privacykit.internal;

/** Checks on UTF-16 text that privacy-kit hashes, encrypts or writes as UTF-8. */
public final class Utf16 {
    private Utf16() {
    }

    /**
     * Finds the first unpaired surrogate: UTF-8 cannot hold it (an encoder writes {@code ?}), so a value
     * that holds one would not decrypt to itself, and two values would share a pseudonym.
     *
     * @param text the text
     * @return the index of the first unpaired surrogate, or -1 when the text is valid UTF-16
     */
    public static int unpairedSurrogate(CharSequence text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }
}
