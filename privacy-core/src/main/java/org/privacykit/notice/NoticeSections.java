package org.privacykit.notice;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.privacykit.annotation.LegalBasis;

/** What the Markdown and HTML forms of a notice both say, worded once. */
final class NoticeSections {
    static final String NOTHING_COLLECTED = "The declarations list no personal data.";
    static final String UNDESCRIBED = "(no description given)";
    static final String SPECIAL_INTRO = "Some of the data is of a kind the GDPR protects specially "
            + "(Art. 9 special categories, Art. 10 criminal data). We process it only on the legal basis shown above "
            + "and under the conditions those articles set:";

    private NoticeSections() {
    }

    /** "Version v3, effective 2026-12-01." or the part of it that is known. */
    static String dated(PrivacyNotice notice) {
        String version = notice.version().map(v -> "Version " + v).orElse("");
        String effective = notice.effective().map(d -> "effective " + d).orElse("");
        if (version.isEmpty() && effective.isEmpty()) {
            return "";
        }
        if (version.isEmpty()) {
            return "E" + effective.substring(1) + ".";
        }
        return version + (effective.isEmpty() ? "" : ", " + effective) + ".";
    }

    static String bases(Set<LegalBasis> bases) {
        return bases.isEmpty() ? "not declared"
                : bases.stream().map(NoticeText::basis).collect(Collectors.joining("; "));
    }

    /** The kinds of data a purpose uses: "E-mail address, Name". */
    static String dataOf(PrivacyNotice notice, String purpose) {
        Set<String> labels = new TreeSet<>();
        for (NoticeItem item : notice.items()) {
            if (item.purposes().contains(purpose)) {
                labels.add(NoticeText.label(item.type()));
            }
        }
        return String.join(", ", labels);
    }
}
