package org.privacykit.discovery;

import static org.privacykit.internal.HtmlText.escape;

import java.util.Locale;
import java.util.stream.Collectors;

import org.privacykit.internal.JsonWriter;

/** Renders a {@link DiscoveryReport} as JSON and as one self-contained HTML page. */
final class DiscoveryFormats {
    /** Nothing but the page's own inline style may load or run. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

    private DiscoveryFormats() {
    }

    static String json(DiscoveryReport report) {
        JsonWriter json = new JsonWriter().beginObject().name("summary").beginObject()
                .name("tables").any(report.tables().size());
        for (ColumnReport.Verdict verdict : ColumnReport.Verdict.values()) {
            json.name(camel(verdict.name())).any(report.count(verdict));
        }
        json.endObject().name("tables").beginArray();
        for (TableReport table : report.tables()) {
            json.beginObject().name("source").value(table.source()).name("name").value(table.name())
                    .name("rowsSampled").any(table.rowsSampled()).name("columns").beginArray();
            for (ColumnReport c : table.columns()) {
                json.beginObject().name("name").value(c.name()).name("valueType").value(c.valueType())
                        .name("verdict").value(c.verdict().name())
                        .name("sampled").any(c.sampled())
                        .name("found").beginArray();
                for (ColumnReport.TypeCount found : c.found()) {
                    json.beginObject().name("type").value(found.type().name()).name("values").any(found.values())
                            .endObject();
                }
                json.endArray().name("nameSuggests").value(c.nameSuggests())
                        .name("declaredBy").value(c.declaredBy())
                        .name("storage").value(c.storage().name())
                        .name("ciphertexts").any(c.ciphertexts())
                        .name("keyIds").any(c.keyIds())
                        .name("maskedExample").value(c.maskedExample())
                        .endObject();
            }
            json.endArray().endObject();
        }
        return json.endArray().endObject().toString() + "\n";
    }

    private static String camel(String constant) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : constant.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    static String html(DiscoveryReport report) {
        StringBuilder out = new StringBuilder(4096);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CONTENT_SECURITY_POLICY).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Personal data discovery</title>\n<style>\n")
                .append("body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem;color:#1d2330}\n")
                .append("h1{font-size:1.6rem}h2{font-size:1.15rem;margin-top:2rem}\n")
                .append(".cards{display:flex;flex-wrap:wrap;gap:.8rem;margin:1rem 0}\n")
                .append(".card{border:1px solid #d5d9e2;border-radius:8px;padding:.6rem 1rem;min-width:8rem}\n")
                .append(".card b{display:block;font-size:1.5rem}\n")
                .append("table{border-collapse:collapse;width:100%;font-size:.9rem}\n")
                .append("th,td{border-bottom:1px solid #e3e6ec;padding:.35rem .5rem;text-align:left;vertical-align:top}\n")
                .append("th{background:#f4f6f9}code{font-size:.85rem}\n")
                .append(".v-UNDECLARED,.v-DECLARED_ENCRYPTED_BUT_CLEAR{color:#c62828;font-weight:600}")
                .append(".v-DECLARED,.v-ENCRYPTED{color:#2e7d32}.v-NONE{color:#8a8f99}\n")
                .append("</style>\n</head>\n<body>\n<h1>Personal data discovery</h1>\n")
                .append("<p>Sampled values were read by the PII detector and column names by the lint's name rules; ")
                .append("no sampled value is shown, at most a masked finding.</p>\n<div class=\"cards\">\n");
        card(out, report.tables().size(), "tables and files");
        card(out, report.count(ColumnReport.Verdict.UNDECLARED), "undeclared personal columns");
        card(out, report.count(ColumnReport.Verdict.DECLARED_ENCRYPTED_BUT_CLEAR), "declared encrypted, stored clear");
        card(out, report.count(ColumnReport.Verdict.DECLARED), "declared");
        card(out, report.count(ColumnReport.Verdict.ENCRYPTED), "encrypted, not in the inventory");
        out.append("</div>\n");
        for (TableReport table : report.tables()) {
            out.append("<section>\n<h2>").append(escape(table.name())).append(" <small>(").append(escape(table.source()))
                    .append(", ").append(table.rowsSampled()).append(" rows sampled)</small></h2>\n<table>\n<thead><tr>")
                    .append("<th>Column</th><th>Verdict</th><th>Found in values</th><th>Name suggests</th>")
                    .append("<th>Declared by</th><th>Stored</th><th>Masked example</th></tr></thead>\n<tbody>\n");
            for (ColumnReport c : table.columns()) {
                out.append("<tr><td><code>").append(escape(c.name())).append("</code> <small>")
                        .append(escape(c.valueType())).append("</small></td><td class=\"v-").append(c.verdict().name())
                        .append("\">").append(c.verdict().name()).append("</td><td>")
                        .append(escape(c.found().stream().map(f -> f.type() + " " + f.values() + "/" + c.sampled())
                                .collect(Collectors.joining(", "))))
                        .append("</td><td>").append(escape(c.nameSuggests() == null ? "" : c.nameSuggests()))
                        .append("</td><td>").append(escape(c.declaredBy() == null ? "" : c.declaredBy()))
                        .append("</td><td>").append(c.storage().name());
                if (!c.keyIds().isEmpty()) {
                    out.append(" <small>keys ").append(escape(String.join(", ", c.keyIds()))).append("</small>");
                }
                out.append("</td><td>").append(escape(c.maskedExample() == null ? "" : c.maskedExample()))
                        .append("</td></tr>\n");
            }
            out.append("</tbody>\n</table>\n</section>\n");
        }
        return out.append("</body>\n</html>\n").toString();
    }

    private static void card(StringBuilder out, long count, String label) {
        out.append("<div class=\"card\"><b>").append(count).append("</b>").append(escape(label)).append("</div>\n");
    }
}
