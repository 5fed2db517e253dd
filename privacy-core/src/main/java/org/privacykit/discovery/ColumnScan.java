package org.privacykit.discovery;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.detect.PiiDetector;
import org.privacykit.detect.PiiFinding;
import org.privacykit.inventory.NameRules;
import org.privacykit.mask.Maskers;

/**
 * The tallies of one column while its values are sampled: each value is looked at once and
 * dropped; only counts, key ids and one masked finding are kept.
 */
final class ColumnScan {
    /** Key ids kept per column: a ring rarely has more live keys; more would only lengthen the report. */
    static final int MAX_KEY_IDS = 16;

    private final String container;
    private final String name;
    private final String valueType;
    private final Class<?> javaType;
    private final boolean readsValues;
    private long sampled;
    private long ciphertexts;
    private final Map<PersonalDataType, Long> found = new EnumMap<>(PersonalDataType.class);
    private final Set<String> keyIds = new TreeSet<>();
    private @Nullable String example;

    ColumnScan(String container, String name, String valueType, Class<?> javaType, boolean readsValues) {
        this.container = container;
        this.name = name;
        this.valueType = valueType;
        this.javaType = javaType;
        this.readsValues = readsValues;
    }

    String name() {
        return name;
    }

    boolean readsValues() {
        return readsValues;
    }

    void add(@Nullable String value, PiiDetector detector, int maxChars, boolean examples) {
        if (value == null || value.isBlank()) {
            return;
        }
        sampled++;
        Ciphertexts.Envelope envelope = Ciphertexts.inspect(value.strip());
        if (envelope != null) {
            ciphertexts++;
            if (keyIds.size() < MAX_KEY_IDS) {
                keyIds.add(envelope.keyIdHex());
            }
            return;
        }
        String text = value.length() <= maxChars ? value
                : value.substring(0, Character.isHighSurrogate(value.charAt(maxChars - 1)) ? maxChars - 1 : maxChars);
        List<PiiFinding> findings = detector.detect(text);
        if (findings.isEmpty()) {
            return;
        }
        Set<PersonalDataType> types = new TreeSet<>();
        findings.forEach(f -> types.add(f.type()));
        types.forEach(type -> found.merge(type, 1L, Long::sum));
        if (examples && example == null) {
            PiiFinding first = findings.get(0);
            example = Maskers.of(first.type().defaultMask(), -1, -1, '*').mask(first.text(text));
        }
    }

    ColumnReport report(Declarations.@Nullable Declared declared) {
        List<ColumnReport.TypeCount> counts = new ArrayList<>();
        found.forEach((type, values) -> counts.add(new ColumnReport.TypeCount(type, values)));
        counts.sort((a, b) -> Long.compare(b.values(), a.values()));
        String suggests = NameRules.suggest(container, name, javaType).map(NameRules.Suggestion::label).orElse(null);
        ColumnReport.Storage storage = sampled == 0 ? ColumnReport.Storage.EMPTY
                : ciphertexts == 0 ? ColumnReport.Storage.CLEAR
                : ciphertexts == sampled ? ColumnReport.Storage.ENCRYPTED : ColumnReport.Storage.PARTLY_ENCRYPTED;
        boolean personal = !counts.isEmpty() || suggests != null;
        ColumnReport.Verdict verdict;
        if (declared != null) {
            boolean clearValues = storage == ColumnReport.Storage.CLEAR || storage == ColumnReport.Storage.PARTLY_ENCRYPTED;
            verdict = declared.encrypted() && clearValues ? ColumnReport.Verdict.DECLARED_ENCRYPTED_BUT_CLEAR
                    : ColumnReport.Verdict.DECLARED;
        } else if (storage == ColumnReport.Storage.ENCRYPTED) {
            verdict = ColumnReport.Verdict.ENCRYPTED;
        } else {
            verdict = personal ? ColumnReport.Verdict.UNDECLARED : ColumnReport.Verdict.NONE;
        }
        return new ColumnReport(name, valueType, sampled, counts, suggests, declared == null ? null : declared.field(),
                storage, ciphertexts, new ArrayList<>(keyIds), example, verdict);
    }
}
