package org.privacykit.dataset;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.NullUnmarked;
import org.privacykit.annotation.QuasiIdentifier;
import org.privacykit.internal.PropertyAccess;
import org.privacykit.metadata.ClassMetadata;
import org.privacykit.metadata.PrivacyMetadata;
import org.privacykit.metadata.PropertyMetadata;

/**
 * A table of rows for privacy-model checks: the rows (objects of one class, or maps), the
 * quasi-identifiers that link a row to a person together, and optionally a sensitive attribute.
 * Attribute names are property names (dotted for nested objects: {@code address.postcode}) or map
 * keys. Immutable: the attribute values are read once, when the dataset is built.
 *
 * <pre>{@code
 * Dataset.of(patients, "age", "sex", "zip").risk().assertKAnonymous(5);     // one line, as arx#406 asks
 * RiskReport risk = Dataset.builder(patients).sensitiveAttribute("diagnosis").build().risk();
 * AnonymizedDataset safe = Mondrian.builder().k(5).l(2).build().anonymize(dataset);
 * }</pre>
 */
@NullUnmarked // nullness to annotate: see NOTES.md
public final class Dataset {
    private final List<Object> rows;
    private final List<String> quasiIdentifiers;
    private final String sensitive;
    private final List<String> kept;
    private final Object[][] qiValues;
    private final Object[] sensitiveValues;
    private final Class<?> rowClass;

    private Dataset(Builder b) {
        this.rows = Collections.unmodifiableList(new ArrayList<>(b.rows));
        this.rowClass = b.rowClass;
        List<String> qis = b.quasiIdentifiers;
        if (qis == null) {
            qis = annotatedQuasiIdentifiers(rowClass);
            if (qis.isEmpty()) {
                throw new IllegalArgumentException(rowClass == null || Map.class.isAssignableFrom(rowClass)
                        ? "name the quasi-identifiers of map rows: Dataset.of(rows, \"age\", \"zip\")"
                        : rowClass.getSimpleName() + " declares no @QuasiIdentifier; mark its fields or name them");
            }
        }
        this.quasiIdentifiers = List.copyOf(qis);
        this.sensitive = b.sensitive;
        if (sensitive != null && quasiIdentifiers.contains(sensitive)) {
            throw new IllegalArgumentException("'" + sensitive + "' cannot be both a quasi-identifier and the sensitive"
                    + " attribute");
        }
        this.kept = List.copyOf(b.kept);
        AttributeReader reader = new AttributeReader(rowClass);
        List<String> all = new ArrayList<>(quasiIdentifiers);
        if (sensitive != null) {
            all.add(sensitive);
        }
        for (String name : all) {
            reader.check(name, rows);
        }
        this.qiValues = new Object[rows.size()][];
        this.sensitiveValues = sensitive == null ? null : new Object[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            Object row = rows.get(r);
            Object[] values = new Object[quasiIdentifiers.size()];
            for (int a = 0; a < values.length; a++) {
                values[a] = reader.read(row, quasiIdentifiers.get(a));
            }
            qiValues[r] = values;
            if (sensitiveValues != null) {
                sensitiveValues[r] = reader.read(row, sensitive);
            }
        }
    }

    /**
     * Returns a dataset whose quasi-identifiers are the {@code @QuasiIdentifier} fields of the row class.
     *
     * @param rows objects of one annotated class
     * @return the dataset
     * @throws IllegalArgumentException when the rows are maps, mix classes, hold {@code null}, or the class
     *         declares no quasi-identifier
     */
    public static Dataset of(Collection<?> rows) {
        return builder(rows).build();
    }

    /**
     * Returns a dataset with named quasi-identifiers.
     *
     * @param rows objects of one class, or maps
     * @param quasiIdentifiers property names or map keys
     * @return the dataset
     * @throws IllegalArgumentException when an attribute is missing from the rows, or rows mix classes
     */
    public static Dataset of(Collection<?> rows, String... quasiIdentifiers) {
        return builder(rows).quasiIdentifiers(quasiIdentifiers).build();
    }

    /**
     * Starts a dataset.
     *
     * @param rows objects of one class, or maps
     * @return a builder
     * @throws IllegalArgumentException when rows mix classes or hold {@code null}
     */
    public static Builder builder(Collection<?> rows) {
        return new Builder(rows);
    }

    /**
     * Returns the rows, as given.
     *
     * @return an unmodifiable list
     */
    public List<Object> rows() {
        return rows;
    }

    /**
     * Returns the number of rows.
     *
     * @return the size
     */
    public int size() {
        return rows.size();
    }

    /**
     * Returns the quasi-identifiers, in order.
     *
     * @return an unmodifiable list
     */
    public List<String> quasiIdentifiers() {
        return quasiIdentifiers;
    }

    /**
     * Returns the sensitive attribute that ℓ-diversity is measured on.
     *
     * @return the attribute, or empty
     */
    public Optional<String> sensitiveAttribute() {
        return Optional.ofNullable(sensitive);
    }

    /**
     * Returns the other columns of map rows that anonymized output keeps.
     *
     * @return an unmodifiable list
     */
    public List<String> keptAttributes() {
        return kept;
    }

    /**
     * Measures the re-identification risk: equivalence classes, k, distinct ℓ, prosecutor risk.
     *
     * @return the report
     */
    public RiskReport risk() {
        Map<List<Object>, int[]> sizes = new HashMap<>();
        Map<List<Object>, Set<Object>> diverse = sensitiveValues == null ? null : new HashMap<>();
        for (int r = 0; r < qiValues.length; r++) {
            List<Object> key = Arrays.asList(qiValues[r]);
            sizes.computeIfAbsent(key, x -> new int[1])[0]++;
            if (diverse != null) {
                diverse.computeIfAbsent(key, x -> new java.util.HashSet<>()).add(sensitiveValues[r]);
            }
        }
        int[] classSizes = new int[sizes.size()];
        int[] distinct = diverse == null ? null : new int[sizes.size()];
        int i = 0;
        for (Map.Entry<List<Object>, int[]> e : sizes.entrySet()) {
            classSizes[i] = e.getValue()[0];
            if (distinct != null) {
                distinct[i] = diverse.get(e.getKey()).size();
            }
            i++;
        }
        return new RiskReport(rows.size(), classSizes, distinct);
    }

    /**
     * Tells whether every combination of quasi-identifier values is shared by at least {@code k} rows.
     *
     * @param k the k of k-anonymity
     * @return {@code true} when k-anonymous
     */
    public boolean isKAnonymous(int k) {
        return risk().isKAnonymous(k);
    }

    /**
     * Checks k-anonymity in one line.
     *
     * @param rows objects of one class, or maps
     * @param k the k of k-anonymity
     * @param quasiIdentifiers property names or map keys
     * @return {@code true} when every combination of their values is shared by at least {@code k} rows
     */
    public static boolean isKAnonymous(Collection<?> rows, int k, String... quasiIdentifiers) {
        return of(rows, quasiIdentifiers).isKAnonymous(k);
    }

    Object[][] qiValues() {
        return qiValues;
    }

    Object[] sensitiveValues() {
        return sensitiveValues;
    }

    Class<?> rowClass() {
        return rowClass;
    }

    @Override
    public String toString() {
        return "Dataset[" + rows.size() + " rows, quasi-identifiers " + quasiIdentifiers
                + (sensitive == null ? "" : ", sensitive " + sensitive) + "]";
    }

    private static List<String> annotatedQuasiIdentifiers(Class<?> type) {
        if (type == null || Map.class.isAssignableFrom(type) || !PrivacyMetadata.isNavigable(type)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (PropertyMetadata p : PrivacyMetadata.of(type).properties()) {
            Field f = PropertyAccess.field(p);
            if (f != null && isQuasiIdentifier(f.getDeclaredAnnotations())) {
                out.add(p.name());
            }
        }
        return out;
    }

    private static boolean isQuasiIdentifier(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a.annotationType() == QuasiIdentifier.class
                    || a.annotationType().isAnnotationPresent(QuasiIdentifier.class)) {
                return true;
            }
        }
        return false;
    }

    /** Builds a {@link Dataset}. */
    public static final class Builder {
        private final List<Object> rows;
        private final Class<?> rowClass;
        private List<String> quasiIdentifiers;
        private String sensitive;
        private List<String> kept = List.of();

        private Builder(Collection<?> rows) {
            Objects.requireNonNull(rows, "rows");
            Class<?> type = null;
            List<Object> copy = new ArrayList<>(rows.size());
            int i = 0;
            for (Object row : rows) {
                if (row == null) {
                    throw new IllegalArgumentException("row " + i + " is null");
                }
                Class<?> rowType = row instanceof Map ? Map.class : row.getClass();
                if (type == null) {
                    type = rowType;
                } else if (type != rowType) {
                    throw new IllegalArgumentException("row " + i + " is a " + rowType.getSimpleName() + ", row 0 a "
                            + type.getSimpleName() + "; rows must be of one class, or all maps");
                }
                copy.add(row);
                i++;
            }
            this.rows = copy;
            this.rowClass = type;
        }

        /**
         * Names the quasi-identifiers; the default is the {@code @QuasiIdentifier} fields of the row class.
         *
         * @param names property names (dotted for nested objects) or map keys; at least one, no repeats
         * @return this builder
         * @throws IllegalArgumentException when empty, blank or repeated
         */
        public Builder quasiIdentifiers(String... names) {
            Objects.requireNonNull(names, "names");
            if (names.length == 0) {
                throw new IllegalArgumentException("name at least one quasi-identifier");
            }
            Set<String> distinct = new LinkedHashSet<>();
            for (String name : names) {
                if (name == null || name.isBlank()) {
                    throw new IllegalArgumentException("a quasi-identifier name is blank");
                }
                if (!distinct.add(name)) {
                    throw new IllegalArgumentException("quasi-identifier '" + name + "' is named twice");
                }
            }
            this.quasiIdentifiers = List.copyOf(distinct);
            return this;
        }

        /**
         * Names the sensitive attribute, for ℓ-diversity.
         *
         * @param name a property name or map key
         * @return this builder
         */
        public Builder sensitiveAttribute(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("the sensitive attribute name is blank");
            }
            this.sensitive = name;
            return this;
        }

        /**
         * Names other columns of map rows that anonymized output keeps as they are (object rows keep
         * their properties that are not personal data anyway).
         *
         * @param names map keys
         * @return this builder
         */
        public Builder keep(String... names) {
            this.kept = List.of(names);
            return this;
        }

        /**
         * Builds the dataset, reading every attribute value once.
         *
         * @return the dataset
         * @throws IllegalArgumentException when an attribute is not found in the rows
         */
        public Dataset build() {
            return new Dataset(this);
        }
    }

    /** Reads attributes by name from objects (through their cached metadata) or maps. */
    static final class AttributeReader {
        private final Class<?> rowClass;

        AttributeReader(Class<?> rowClass) {
            this.rowClass = rowClass;
        }

        void check(String name, List<Object> rows) {
            if (rows.isEmpty()) {
                return;
            }
            if (rowClass == Map.class) {
                for (Object row : rows) {
                    if (readMap((Map<?, ?>) row, name, true) != MISSING) {
                        return;
                    }
                }
                throw new IllegalArgumentException("no row has the attribute '" + name + "'");
            }
            Class<?> type = rowClass;
            for (String part : name.split("\\.", -1)) {
                ClassMetadata metadata = PrivacyMetadata.of(type);
                PropertyMetadata p = metadata.property(part);
                if (p == null) {
                    throw new IllegalArgumentException(type.getSimpleName() + " has no property '" + part + "' (attribute '"
                            + name + "')");
                }
                type = p.rawType();
            }
        }

        private static final Object MISSING = new Object();

        Object read(Object row, String name) {
            if (row instanceof Map) {
                Object v = readMap((Map<?, ?>) row, name, false);
                return v == MISSING ? null : v;
            }
            Object current = row;
            for (String part : name.split("\\.", -1)) {
                if (current == null) {
                    return null;
                }
                PropertyMetadata p = PrivacyMetadata.of(current.getClass()).property(part);
                if (p == null) {
                    throw new IllegalArgumentException(current.getClass().getSimpleName() + " has no property '" + part
                            + "'");
                }
                current = PropertyAccess.read(p, current);
            }
            return current;
        }

        private static Object readMap(Map<?, ?> map, String name, boolean strict) {
            if (map.containsKey(name)) {
                return map.get(name);
            }
            int dot = name.indexOf('.');
            if (dot > 0 && map.get(name.substring(0, dot)) instanceof Map) {
                return readMap((Map<?, ?>) map.get(name.substring(0, dot)), name.substring(dot + 1), strict);
            }
            return MISSING;
        }
    }
}
