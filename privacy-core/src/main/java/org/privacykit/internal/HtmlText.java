package org.privacykit.internal;

/**
 * Escapes text for HTML element content and quoted attribute values: {@code < > & " '} become
 * character references, and a control character other than tab and line feed (which HTML would
 * report as a parse error) or an unpaired surrogate becomes U+FFFD, so a declared text never becomes
 * markup. Shared by the notice and discovery reports; in a package the module does not export.
 */
public final class HtmlText {
    private HtmlText() {
    }

    /**
     * Escapes a text.
     *
     * @param text the text
     * @return the escaped text
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\t', '\n' -> out.append(c);
                default -> {
                    if (c < 0x20 || (c >= 0x7F && c < 0xA0) || unpaired(text, i)) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean unpaired(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }
}
