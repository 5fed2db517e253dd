package org.privacykit.notice;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.privacykit.annotation.LegalBasis;

/** Renders a {@link PrivacyNotice} as Markdown; every declared text is escaped, so none becomes markup. */
final class NoticeMarkdown {
    private NoticeMarkdown() {
    }

    static String render(PrivacyNotice notice) {
        StringBuilder out = new StringBuilder(2048 + 160 * notice.items().size());
        out.append("# Privacy notice\n\n");
        String dated = NoticeSections.dated(notice);
        if (!dated.isEmpty()) {
            out.append('_').append(md(dated)).append("_\n\n");
        }
        out.append("## Who is responsible\n\n**").append(md(notice.controller()))
                .append("** is the controller of your personal data. Contact: ").append(md(notice.contact())).append(".\n");
        notice.dataProtectionOfficer().ifPresent(dpo ->
                out.append("Data protection officer: ").append(md(dpo)).append(".\n"));

        out.append("\n## What we collect, why, and for how long\n\n");
        if (notice.items().isEmpty()) {
            out.append(NoticeSections.NOTHING_COLLECTED).append('\n');
        } else {
            out.append("| Data | Category | Purposes | Legal basis | Kept for |\n| --- | --- | --- | --- | --- |\n");
            for (NoticeItem item : notice.items()) {
                out.append("| ").append(md(NoticeText.label(item.type()))).append(" (`").append(code(item.field()))
                        .append("`) | ").append(md(item.category().label()))
                        .append(item.isSpecialOrCriminal() ? " (" + item.category().gdprArticle() + ")" : "")
                        .append(" | ").append(item.purposes().isEmpty() ? "not declared"
                                : md(String.join(", ", item.purposes().stream().map(NoticeText::purposeName).toList())))
                        .append(" | ").append(NoticeText.basis(item.legalBasis()))
                        .append(" | ").append(NoticeText.retention(item.retention())).append(" |\n");
            }
        }

        Map<String, Set<LegalBasis>> bases = notice.basesByPurpose();
        if (!bases.isEmpty()) {
            out.append("\n## Purposes\n\n");
            for (Map.Entry<String, Set<LegalBasis>> purpose : bases.entrySet()) {
                out.append("- **").append(md(NoticeText.purposeName(purpose.getKey()))).append("**: ")
                        .append(md(notice.describe(purpose.getKey()).orElse(NoticeSections.UNDESCRIBED)))
                        .append(" Legal basis: ").append(NoticeSections.bases(purpose.getValue()))
                        .append(". Data: ").append(md(NoticeSections.dataOf(notice, purpose.getKey()))).append(".\n");
            }
        }

        List<NoticeItem> special = notice.specialCategories();
        if (!special.isEmpty()) {
            out.append("\n## Special categories of data\n\n").append(NoticeSections.SPECIAL_INTRO).append("\n\n");
            for (NoticeItem item : special) {
                out.append("- ").append(md(NoticeText.label(item.type()))).append(" (").append(md(item.category().label()))
                        .append(", ").append(item.category().gdprArticle()).append(")\n");
            }
        }
        list(out, "Who receives your data", notice.recipients());
        list(out, "Where your data comes from", notice.sources());

        out.append("\n## Your rights\n\n");
        for (NoticeText.Right right : NoticeText.rights(notice.items(), notice.supervisoryAuthority().orElse(null))) {
            out.append("- **").append(right.name()).append("** (").append(right.article()).append("): ")
                    .append(md(right.text())).append('\n');
        }
        out.append("\nTo exercise a right, contact ").append(md(notice.contact())).append(".\n");
        return out.toString();
    }

    private static void list(StringBuilder out, String title, List<String> lines) {
        if (!lines.isEmpty()) {
            out.append("\n## ").append(title).append("\n\n");
            lines.forEach(line -> out.append("- ").append(md(line)).append('\n'));
        }
    }

    /** Escapes what Markdown (and the HTML it allows) would read as markup; a line break becomes a space. */
    static String md(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '|', '#', '!' -> out.append('\\').append(c);
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\n', '\r', '\u2028', '\u2029' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Text inside a code span: a backtick cannot close it early. */
    private static String code(String text) {
        return text.replace('`', '\'').replace('\n', ' ').replace('\r', ' ');
    }
}
