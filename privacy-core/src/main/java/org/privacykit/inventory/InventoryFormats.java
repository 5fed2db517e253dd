package org.privacykit.inventory;

import java.util.List;
import java.util.Map;

import org.privacykit.annotation.Sensitivity;
import org.privacykit.internal.JsonWriter;

/** Renders a {@link DataInventory} as JSON, Markdown and HTML. */
final class InventoryFormats {
    private InventoryFormats() {
    }

    static String json(DataInventory inventory) {
        InventorySummary s = inventory.summary();
        JsonWriter json = new JsonWriter().beginObject()
                .name("summary").beginObject()
                .name("classes").any(s.classes())
                .name("fields").any(s.fields())
                .name("specialOrCriminal").any(s.specialOrCriminal())
                .name("restricted").any(s.restricted())
                .name("encrypted").any(s.encrypted())
                .name("withoutPurpose").any(s.withoutPurpose())
                .name("withoutRetention").any(s.withoutRetention())
                .endObject()
                .name("fields").beginArray();
        for (InventoryEntry e : inventory.entries()) {
            json.beginObject()
                    .name("class").value(e.rootClass().getName())
                    .name("path").value(e.path())
                    .name("declaredIn").value(e.declaringClass().getName())
                    .name("type").value(e.typeLabel())
                    .name("category").value(e.category().name())
                    .name("categoryLabel").value(e.category().label())
                    .name("gdprArticle").value(e.category().gdprArticle())
                    .name("sensitivity").value(e.sensitivity().name())
                    .name("ccpaSensitive").any(e.isCcpaSensitive())
                    .name("purposes").any(e.purposes())
                    .name("legalBasis").value(e.legalBasis().map(Enum::name).orElse(null))
                    .name("retention").value(e.retention().map(Object::toString).orElse(null))
                    .name("subjectRole").value(e.subjectRole())
                    .name("atRest").value(e.atRest())
                    .name("apiOutput").value(e.apiOutput())
                    .name("logOutput").value(e.logOutput())
                    .name("anonymization").value(e.anonymization().name())
                    .endObject();
        }
        return json.endArray().endObject().toString() + "\n";
    }

    static String markdown(DataInventory inventory) {
        StringBuilder out = new StringBuilder();
        out.append("# Personal data inventory\n\n").append(inventory.summary()).append(".\n");
        for (Map.Entry<Class<?>, List<InventoryEntry>> group : inventory.byClass().entrySet()) {
            out.append("\n## ").append(cell(group.getKey().getName())).append("\n\n");
            out.append("| Field | Type | Category | Sensitivity | Purposes | Legal basis | Retention "
                    + "| At rest | API | Logs | Anonymized |\n");
            out.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
            for (InventoryEntry e : group.getValue()) {
                out.append("| `").append(cell(e.path())).append("` | ")
                        .append(e.typeLabel()).append(" | ")
                        .append(cell(e.category().label()))
                        .append(e.category().gdprArticle().isEmpty() ? "" : " (" + e.category().gdprArticle() + ")")
                        .append(" | ").append(e.sensitivity()).append(" | ")
                        .append(e.purposes().isEmpty() ? "-" : cell(String.join(", ", e.purposes()))).append(" | ")
                        .append(e.legalBasis().map(Enum::name).orElse("-")).append(" | ")
                        .append(e.retention().map(Object::toString).orElse("-")).append(" | ")
                        .append(e.atRest()).append(" | ")
                        .append(cell(e.apiOutput())).append(" | ")
                        .append(e.logOutput()).append(" | ")
                        .append(e.anonymization()).append(" |\n");
            }
        }
        if (inventory.entries().isEmpty()) {
            out.append("\nNo personal data is declared in the scanned classes.\n");
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ").replace("`", "'");
    }

    static String html(DataInventory inventory) {
        InventorySummary s = inventory.summary();
        StringBuilder out = new StringBuilder(4096 + 600 * inventory.entries().size());
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Personal data inventory</title>\n<style>\n")
                .append("body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem;color:#1d2330;}\n")
                .append("h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin-top:2rem}\n")
                .append(".cards{display:flex;flex-wrap:wrap;gap:.8rem;margin:1rem 0}\n")
                .append(".card{border:1px solid #d5d9e2;border-radius:8px;padding:.6rem 1rem;min-width:8rem}\n")
                .append(".card b{display:block;font-size:1.5rem}\n")
                .append("table{border-collapse:collapse;width:100%;font-size:.9rem}\n")
                .append("th,td{border-bottom:1px solid #e3e6ec;padding:.35rem .5rem;text-align:left;vertical-align:top}\n")
                .append("th{background:#f4f6f9}code{font-size:.85rem}\n")
                .append(".s-PUBLIC{color:#2e7d32}.s-INTERNAL{color:#1565c0}.s-CONFIDENTIAL{color:#ef6c00}")
                .append(".s-RESTRICTED{color:#c62828;font-weight:600}\n")
                .append(".tag{display:inline-block;border-radius:4px;padding:0 .3rem;font-size:.75rem;")
                .append("background:#fdecea;color:#c62828;margin-left:.3rem}\n.missing{color:#8a8f99}\n")
                .append("</style>\n</head>\n<body>\n<h1>Personal data inventory</h1>\n")
                .append("<p>Generated by privacy-kit from the annotations of ").append(s.classes())
                .append(" classes. The record of processing (GDPR Art. 30) starts here.</p>\n<div class=\"cards\">\n");
        card(out, s.fields(), "protected fields");
        card(out, s.specialOrCriminal(), "special category or criminal");
        card(out, s.restricted(), "restricted");
        card(out, s.encrypted(), "encrypted at rest");
        card(out, s.withoutPurpose(), "without purpose");
        card(out, s.withoutRetention(), "without retention");
        out.append("</div>\n");
        for (Map.Entry<Class<?>, List<InventoryEntry>> group : inventory.byClass().entrySet()) {
            out.append("<h2>").append(escape(group.getKey().getName())).append("</h2>\n<table>\n<thead><tr>")
                    .append("<th>Field</th><th>Type</th><th>Category</th><th>Sensitivity</th><th>Purposes</th>")
                    .append("<th>Legal basis</th><th>Retention</th><th>At rest</th><th>API</th><th>Logs</th>")
                    .append("<th>Anonymized</th></tr></thead>\n<tbody>\n");
            for (InventoryEntry e : group.getValue()) {
                out.append("<tr><td><code>").append(escape(e.path())).append("</code></td><td>")
                        .append(e.typeLabel());
                if (e.isCcpaSensitive()) {
                    out.append("<span class=\"tag\" title=\"CCPA sensitive personal information\">CCPA</span>");
                }
                out.append("</td><td>").append(escape(e.category().label()));
                if (!e.category().gdprArticle().isEmpty()) {
                    out.append("<span class=\"tag\">").append(escape(e.category().gdprArticle())).append("</span>");
                }
                Sensitivity sensitivity = e.sensitivity();
                out.append("</td><td class=\"s-").append(sensitivity).append("\">").append(sensitivity)
                        .append("</td><td>").append(orMissing(String.join(", ", e.purposes())))
                        .append("</td><td>").append(orMissing(e.legalBasis().map(Enum::name).orElse("")))
                        .append("</td><td>").append(orMissing(e.retention().map(Object::toString).orElse("")))
                        .append("</td><td>").append(escape(e.atRest()))
                        .append("</td><td>").append(escape(e.apiOutput()))
                        .append("</td><td>").append(escape(e.logOutput()))
                        .append("</td><td>").append(e.anonymization()).append("</td></tr>\n");
            }
            out.append("</tbody>\n</table>\n");
        }
        if (inventory.entries().isEmpty()) {
            out.append("<p>No personal data is declared in the scanned classes.</p>\n");
        }
        return out.append("</body>\n</html>\n").toString();
    }

    private static void card(StringBuilder out, int count, String label) {
        out.append("<div class=\"card\"><b>").append(count).append("</b>").append(label).append("</div>\n");
    }

    private static String orMissing(String text) {
        return text.isEmpty() ? "<span class=\"missing\">not declared</span>" : escape(text);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                case '&':
                    out.append("&amp;");
                    break;
                case '"':
                    out.append("&quot;");
                    break;
                case '\'':
                    out.append("&#39;");
                    break;
                default:
                    out.append(c);
            }
        }
        return out.toString();
    }
}
