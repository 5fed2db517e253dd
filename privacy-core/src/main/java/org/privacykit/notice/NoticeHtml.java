package org.privacykit.notice;

import static org.privacykit.internal.HtmlText.escape;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.privacykit.annotation.LegalBasis;

/**
 * Renders a {@link PrivacyNotice} as one self-contained HTML page: inline style only, no script, no
 * link, image or font from elsewhere, and a Content-Security-Policy that forbids them should a
 * declared text ever slip through (it cannot: every one is escaped).
 */
final class NoticeHtml {
    /** Nothing but the page's own inline style may load or run. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

    private NoticeHtml() {
    }

    static String render(PrivacyNotice notice) {
        StringBuilder out = new StringBuilder(4096 + 400 * notice.items().size());
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CONTENT_SECURITY_POLICY).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Privacy notice of ").append(escape(notice.controller())).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem auto;max-width:60rem;")
                .append("padding:0 1rem;color:#1d2330;line-height:1.5}\n")
                .append("h1{font-size:1.7rem}h2{font-size:1.2rem;margin-top:2rem}\n")
                .append("table{border-collapse:collapse;width:100%;font-size:.92rem}\n")
                .append("th,td{border-bottom:1px solid #e3e6ec;padding:.4rem .5rem;text-align:left;vertical-align:top}\n")
                .append("th{background:#f4f6f9}code{font-size:.85rem;color:#5a6170}\n")
                .append(".special{display:inline-block;border-radius:4px;padding:0 .3rem;font-size:.75rem;")
                .append("background:#fdecea;color:#c62828;margin-left:.3rem}\n.missing{color:#8a8f99}\n")
                .append("</style>\n</head>\n<body>\n<h1>Privacy notice</h1>\n");
        String dated = NoticeSections.dated(notice);
        if (!dated.isEmpty()) {
            out.append("<p class=\"dated\">").append(escape(dated)).append("</p>\n");
        }
        out.append("<section id=\"controller\">\n<h2>Who is responsible</h2>\n<p><strong>")
                .append(escape(notice.controller())).append("</strong> is the controller of your personal data. Contact: ")
                .append(escape(notice.contact())).append(".</p>\n");
        notice.dataProtectionOfficer().ifPresent(dpo ->
                out.append("<p>Data protection officer: ").append(escape(dpo)).append(".</p>\n"));
        out.append("</section>\n<section id=\"data\">\n<h2>What we collect, why, and for how long</h2>\n");
        if (notice.items().isEmpty()) {
            out.append("<p>").append(NoticeSections.NOTHING_COLLECTED).append("</p>\n");
        } else {
            out.append("<table>\n<thead><tr><th>Data</th><th>Category</th><th>Purposes</th><th>Legal basis</th>")
                    .append("<th>Kept for</th></tr></thead>\n<tbody>\n");
            for (NoticeItem item : notice.items()) {
                out.append("<tr><td>").append(escape(NoticeText.label(item.type()))).append(" <code>")
                        .append(escape(item.field())).append("</code></td><td>").append(escape(item.category().label()));
                if (item.isSpecialOrCriminal()) {
                    out.append("<span class=\"special\">").append(escape(item.category().gdprArticle())).append("</span>");
                }
                out.append("</td><td>").append(item.purposes().isEmpty() ? missing()
                                : escape(String.join(", ", item.purposes().stream().map(NoticeText::purposeName).toList())))
                        .append("</td><td>").append(item.legalBasis() == null ? missing()
                                : escape(NoticeText.basis(item.legalBasis())))
                        .append("</td><td>").append(item.retention() == null ? missing()
                                : escape(NoticeText.retention(item.retention())))
                        .append("</td></tr>\n");
            }
            out.append("</tbody>\n</table>\n");
        }
        out.append("</section>\n");

        Map<String, Set<LegalBasis>> bases = notice.basesByPurpose();
        if (!bases.isEmpty()) {
            out.append("<section id=\"purposes\">\n<h2>Purposes</h2>\n<dl>\n");
            for (Map.Entry<String, Set<LegalBasis>> purpose : bases.entrySet()) {
                out.append("<dt>").append(escape(NoticeText.purposeName(purpose.getKey()))).append("</dt>\n<dd>")
                        .append(escape(notice.describe(purpose.getKey()).orElse(NoticeSections.UNDESCRIBED)))
                        .append(" Legal basis: ").append(escape(NoticeSections.bases(purpose.getValue())))
                        .append(". Data: ").append(escape(NoticeSections.dataOf(notice, purpose.getKey())))
                        .append(".</dd>\n");
            }
            out.append("</dl>\n</section>\n");
        }

        List<NoticeItem> special = notice.specialCategories();
        if (!special.isEmpty()) {
            out.append("<section id=\"special\">\n<h2>Special categories of data</h2>\n<p>")
                    .append(escape(NoticeSections.SPECIAL_INTRO)).append("</p>\n<ul>\n");
            for (NoticeItem item : special) {
                out.append("<li>").append(escape(NoticeText.label(item.type()))).append(" (")
                        .append(escape(item.category().label())).append(", ")
                        .append(escape(item.category().gdprArticle())).append(")</li>\n");
            }
            out.append("</ul>\n</section>\n");
        }
        list(out, "recipients", "Who receives your data", notice.recipients());
        list(out, "sources", "Where your data comes from", notice.sources());

        out.append("<section id=\"rights\">\n<h2>Your rights</h2>\n<ul>\n");
        for (NoticeText.Right right : NoticeText.rights(notice.items(), notice.supervisoryAuthority().orElse(null))) {
            out.append("<li><strong>").append(escape(right.name())).append("</strong> (").append(escape(right.article()))
                    .append("): ").append(escape(right.text())).append("</li>\n");
        }
        out.append("</ul>\n<p>To exercise a right, contact ").append(escape(notice.contact())).append(".</p>\n</section>\n");
        return out.append("</body>\n</html>\n").toString();
    }

    private static String missing() {
        return "<span class=\"missing\">not declared</span>";
    }

    private static void list(StringBuilder out, String id, String title, List<String> lines) {
        if (!lines.isEmpty()) {
            out.append("<section id=\"").append(id).append("\">\n<h2>").append(title).append("</h2>\n<ul>\n");
            lines.forEach(line -> out.append("<li>").append(escape(line)).append("</li>\n"));
            out.append("</ul>\n</section>\n");
        }
    }
}
