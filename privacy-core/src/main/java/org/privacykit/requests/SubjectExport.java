package org.privacykit.requests;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.privacykit.internal.JsonWriter;
import org.privacykit.rights.AccessExport;

/**
 * A subject's personal data as handed over for an access request (every field) or a portability
 * request (the fields processed on consent or contract, GDPR Art. 20(1)), in the two machine-readable
 * formats a subject can take elsewhere: JSON ({@link #toJson()}) and CSV ({@link #toCsv()}). It holds
 * the subject's values, so {@code toString} shows counts only. Immutable.
 */
public final class SubjectExport {
    /** The CSV header line's columns. */
    public static final List<String> CSV_COLUMNS = List.of("store", "path", "type", "category", "sensitivity", "purposes",
            "legalBasis", "retention", "value");

    private final String subjectId;
    private final Instant generatedAt;
    private final List<Entry> entries;
    private final int omitted;

    SubjectExport(String subjectId, Instant generatedAt, List<Entry> entries, int omitted) {
        this.subjectId = subjectId;
        this.generatedAt = generatedAt;
        this.entries = List.copyOf(entries);
        this.omitted = omitted;
    }

    /**
     * Returns the fields, store by store.
     *
     * @return an unmodifiable list
     */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * Returns how many of the subject's fields were left out: for portability, those processed on a
     * basis other than consent or contract (they are still given by an access request).
     *
     * @return the count
     */
    public int omittedFields() {
        return omitted;
    }

    /**
     * Returns the export as one JSON document: {@code subjectId}, {@code generatedAt},
     * {@code fieldCount}, {@code omittedFields} and {@code fields}, each with its {@code store},
     * {@code path}, {@code type}, {@code category}, {@code sensitivity}, {@code purposes},
     * {@code legalBasis}, {@code retention} and {@code value}.
     *
     * @return the JSON text
     */
    public String toJson() {
        JsonWriter json = new JsonWriter().beginObject()
                .name("subjectId").value(subjectId)
                .name("generatedAt").value(generatedAt.toString())
                .name("fieldCount").any(entries.size())
                .name("omittedFields").any(omitted)
                .name("fields").beginArray();
        for (Entry e : entries) {
            AccessExport.Field f = e.field();
            json.beginObject()
                    .name("store").value(e.store())
                    .name("path").value(f.path())
                    .name("type").value(f.type() == null ? null : f.type().name())
                    .name("category").value(f.category().name())
                    .name("sensitivity").value(f.sensitivity().name())
                    .name("purposes").any(f.purposes().stream().sorted().toArray())
                    .name("legalBasis").value(f.legalBasis().map(Enum::name).orElse(null))
                    .name("retention").value(f.retention().map(r -> r.iso()).orElse(null))
                    .name("value").any(f.value())
                    .endObject();
        }
        return json.endArray().endObject().toString();
    }

    /**
     * Returns the export as CSV (RFC 4180: CRLF line ends, fields with a comma, quote or line break
     * quoted, quotes doubled), a header line then one line per value in the columns
     * {@link #CSV_COLUMNS}; purposes are joined by {@code ;}. Values are written as they are: a
     * spreadsheet that opens the file should import it as text.
     *
     * @return the CSV text
     */
    public String toCsv() {
        StringBuilder csv = new StringBuilder();
        line(csv, CSV_COLUMNS);
        for (Entry e : entries) {
            AccessExport.Field f = e.field();
            line(csv, List.of(e.store(), f.path(), f.type() == null ? "" : f.type().name(), f.category().name(),
                    f.sensitivity().name(), f.purposes().stream().sorted().collect(Collectors.joining(";")),
                    f.legalBasis().map(Enum::name).orElse(""), f.retention().map(r -> r.iso()).orElse(""),
                    String.valueOf(f.value())));
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            String cell = cells.get(i);
            if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
                csv.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                csv.append(cell);
            }
        }
        csv.append("\r\n");
    }

    /** Shows counts, never the subject or a value. */
    @Override
    public String toString() {
        return "SubjectExport[" + entries.size() + " fields, " + omitted + " omitted, generated " + generatedAt + "]";
    }

    /**
     * One exported value and the store it came from. Holds the value.
     *
     * @param store the store
     * @param field the value and its declaration
     */
    public record Entry(String store, AccessExport.Field field) {
        /** Shows the store and path, never the value. */
        @Override
        public String toString() {
            return "SubjectExport.Entry[" + store + ", " + field.path() + "]";
        }
    }
}
