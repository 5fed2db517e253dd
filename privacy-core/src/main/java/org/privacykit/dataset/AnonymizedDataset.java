package org.privacykit.dataset;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;

import org.jspecify.annotations.Nullable;
import org.privacykit.dataset.hierarchy.Generalized;
import org.privacykit.dataset.model.PrivacyModel;

/**
 * A release made by {@link Mondrian} or {@link GlobalRecoding}: typed rows in which each
 * quasi-identifier holds a {@link Generalized} value (the value, a range, a hierarchy label, a set, or
 * {@code *}) and the other columns keep their values and types; the per-class view; and what it cost
 * and what risk remains, measured afresh. Identifiers are never released. Immutable and thread-safe.
 *
 * <pre>{@code
 * for (Map<String, Object> row : release.rows()) {
 *     Generalized age = (Generalized) row.get("age");        // Range 30-39, or Label, Value, Any
 *     String salary = (String) row.get("salary");            // unchanged
 * }
 * record Published(Generalized age, String country, String salary) {}
 * List<Published> typed = release.rowsAs(Published.class);   // labels into String components
 * release.classes();                                         // generalization, size, sensitive counts
 * release.utility();                                         // NCP, discernibility, entropy, per column
 * }</pre>
 */
public final class AnonymizedDataset {
    private final Release release;
    private final List<String> columns;
    private volatile @Nullable UtilityReport utility;

    AnonymizedDataset(Release release) {
        this.release = release;
        List<String> out = new ArrayList<>();
        for (String column : release.source.columns()) {
            if (release.source.role(column) != ColumnRole.IDENTIFIER) {
                out.add(column);
            }
        }
        this.columns = List.copyOf(out);
    }

    /**
     * Returns the released columns, in the input's order: every column but the identifiers.
     *
     * @return an unmodifiable list
     */
    public List<String> columns() {
        return columns;
    }

    /**
     * Returns the released rows, in input order, suppressed rows left out: quasi-identifiers as
     * {@link Generalized} values, other columns as they were. The list is a view: each row is built
     * when read, so writing a large release streams it.
     *
     * @return an unmodifiable list of unmodifiable maps, keyed by column in order
     */
    public List<Map<String, Object>> rows() {
        int[] published = new int[release.classOf.length - release.suppressed];
        int i = 0;
        for (int row = 0; row < release.classOf.length; row++) {
            if (release.classOf[row] >= 0) {
                published[i++] = row;
            }
        }
        return new RowView(published, false);
    }

    /**
     * Returns every input row, in order: suppressed rows hold {@code *} in every quasi-identifier, and
     * also in their sensitive attributes when the suppressed rows, taken as one class, would not meet
     * the release's models (so a CSV release keeps its number of rows without exposing them). A view,
     * like {@link #rows()}.
     *
     * @return an unmodifiable list of unmodifiable maps
     */
    public List<Map<String, Object>> allRows() {
        int[] all = new int[release.classOf.length];
        for (int row = 0; row < all.length; row++) {
            all[row] = row;
        }
        return new RowView(all, suppressedFailModels());
    }

    /** Rows built when read. */
    private final class RowView extends AbstractList<Map<String, Object>> implements RandomAccess {
        private final int[] inputRows;
        private final boolean hideSensitive;

        RowView(int[] inputRows, boolean hideSensitive) {
            this.inputRows = inputRows;
            this.hideSensitive = hideSensitive;
        }

        @Override
        public Map<String, Object> get(int index) {
            return row(inputRows[index], hideSensitive);
        }

        @Override
        public int size() {
            return inputRows.length;
        }
    }

    private boolean suppressedFailModels() {
        if (release.suppressed == 0) {
            return false;
        }
        if (release.models.needsPopulation) {
            return true;
        }
        int[] rows = new int[release.suppressed];
        int i = 0;
        for (int row = 0; row < release.classOf.length; row++) {
            if (release.classOf[row] < 0) {
                rows[i++] = row;
            }
        }
        ClassStats stats = release.models.newStats();
        release.models.collect(rows, 0, rows.length, stats);
        return !release.models.accepts(stats);
    }

    private Map<String, Object> row(int row, boolean hideSensitive) {
        Dataset source = release.source;
        int cls = release.classOf[row];
        Map<String, Object> out = new LinkedHashMap<>();
        for (String column : columns) {
            ColumnRole role = source.role(column);
            if (role == ColumnRole.QUASI_IDENTIFIER) {
                int a = source.quasiIdentifiers().indexOf(column);
                out.put(column, cls < 0 ? Generalized.any() : release.cells[cls][a]);
            } else if (cls < 0 && hideSensitive && role == ColumnRole.SENSITIVE) {
                out.put(column, Generalized.any());
            } else {
                out.put(column, source.value(row, column));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Returns the released rows as records: each component takes the column of its name; a
     * quasi-identifier goes into a component of type {@link Generalized} (or the subtype it holds, or
     * {@code Object}), or into a {@code String} component as its published text; other columns go into
     * components of their type.
     *
     * <pre>{@code
     * record Published(Generalized.Range<Integer> age, String education, String salary) {}
     * }</pre>
     *
     * @param <R> the record type
     * @param type a record whose components are named after released columns
     * @return one record per released row
     * @throws IllegalArgumentException naming the component when a column is missing or its cells do not
     *         fit the component's type
     */
    public <R extends Record> List<R> rowsAs(Class<R> type) {
        Objects.requireNonNull(type, "type");
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            if (!columns.contains(components[i].getName())) {
                throw new IllegalArgumentException(type.getSimpleName() + "." + components[i].getName()
                        + ": the release has no such column");
            }
        }
        Constructor<R> constructor;
        try {
            constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
        } catch (NoSuchMethodException | RuntimeException e) {
            throw new IllegalArgumentException(type.getSimpleName() + ": its canonical constructor cannot be called ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        List<R> out = new ArrayList<>();
        int number = 0;
        for (Map<String, Object> row : rows()) {
            number++;
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                args[i] = fit(type, components[i], row.get(components[i].getName()), number);
            }
            try {
                out.add(constructor.newInstance(args));
            } catch (InvocationTargetException e) {
                throw new IllegalArgumentException(type.getSimpleName() + ": its constructor refused released row "
                        + number + " (" + (e.getCause() == null ? "no cause" : e.getCause().getClass().getSimpleName()) + ")",
                        e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException(type.getSimpleName() + " cannot be built", e);
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static @Nullable Object fit(Class<?> type, RecordComponent component, @Nullable Object value, int row) {
        Class<?> target = wrap(component.getType());
        if (value == null) {
            if (component.getType().isPrimitive()) {
                throw new IllegalArgumentException(type.getSimpleName() + "." + component.getName()
                        + ": released row " + row + " has no value for a primitive component");
            }
            return null;
        }
        if (target.isInstance(value)) {
            return value;
        }
        if (target == String.class && value instanceof Generalized g) {
            return g.toString();
        }
        if (value instanceof Generalized.Value v && v.value() != null && target.isInstance(v.value())) {
            return v.value();
        }
        throw new IllegalArgumentException(type.getSimpleName() + "." + component.getName() + ": released row " + row
                + " holds a " + value.getClass().getSimpleName() + ", which a " + component.getType().getSimpleName()
                + " cannot hold; declare the component as Generalized");
    }

    private static Class<?> wrap(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        return switch (c.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "double" -> Double.class;
            case "float" -> Float.class;
            case "short" -> Short.class;
            case "byte" -> Byte.class;
            case "char" -> Character.class;
            default -> Boolean.class;
        };
    }

    /**
     * Returns the equivalence classes: what each publishes, its size, its input rows and the counts of
     * its sensitive values.
     *
     * @return an unmodifiable list, in the order of each class's first row
     */
    public List<EquivalenceClass> classes() {
        Dataset source = release.source;
        List<String> qis = source.quasiIdentifiers();
        List<String> sensitive = source.sensitiveAttributes();
        List<EquivalenceClass> out = new ArrayList<>(release.classes);
        for (int c = 0; c < release.classes; c++) {
            Map<String, Generalized> generalization = new LinkedHashMap<>();
            for (int a = 0; a < qis.size(); a++) {
                generalization.put(qis.get(a), release.cells[c][a]);
            }
            int[] members = release.members[c];
            List<Integer> rowList = new ArrayList<>(members.length);
            for (int row : members) {
                rowList.add(row);
            }
            Map<String, Map<Object, Integer>> counts = new LinkedHashMap<>();
            for (String attribute : sensitive) {
                Map<Object, Integer> perValue = new LinkedHashMap<>();
                for (int row : members) {
                    perValue.merge(source.value(row, attribute), 1, Integer::sum);
                }
                counts.put(attribute, perValue);
            }
            out.add(new EquivalenceClass(generalization, members.length, rowList, counts));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Tells whether an input row was suppressed.
     *
     * @param inputRow the row, from 0
     * @return {@code true} when the row is left out of {@link #rows()}
     * @throws IndexOutOfBoundsException when there is no such row
     */
    public boolean isSuppressed(int inputRow) {
        return release.classOf[Objects.checkIndex(inputRow, release.classOf.length)] < 0;
    }

    /**
     * Returns the hierarchy level global recoding chose for each quasi-identifier.
     *
     * @return quasi-identifier to level (0 is the original value), empty for local recoding
     */
    public Map<String, Integer> generalizationLevels() {
        int[] levels = release.levels;
        if (levels == null) {
            return Map.of();
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int a = 0; a < levels.length; a++) {
            out.put(release.source.quasiIdentifiers().get(a), levels[a]);
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Measures the risk of the released rows: their classes, sizes and distinct sensitive values, and
     * journalist and marketer risk against the population when the dataset has one.
     *
     * @return the report
     */
    public RiskReport risk() {
        Dataset source = release.source;
        int[] sizes = new int[release.classes];
        for (int c = 0; c < release.classes; c++) {
            sizes[c] = release.members[c].length;
        }
        int @Nullable [] distinct = null;
        if (!source.sensitiveAttributes().isEmpty()) {
            distinct = new int[release.classes];
            java.util.Arrays.fill(distinct, Integer.MAX_VALUE);
            for (String attribute : source.sensitiveAttributes()) {
                int column = source.indexOf(attribute);
                int[] codes = source.codes(column);
                for (int c = 0; c < release.classes; c++) {
                    java.util.BitSet seen = new java.util.BitSet();
                    for (int row : release.members[c]) {
                        seen.set(codes[row]);
                    }
                    distinct[c] = Math.min(distinct[c], seen.cardinality());
                }
            }
        }
        int @Nullable [] population = source.population().isPresent() ? release.populationPerClass() : null;
        return new RiskReport(release.classOf.length - release.suppressed, sizes, distinct, population);
    }

    /**
     * Checks privacy models on the released classes (suppressed rows left out).
     *
     * @param models the models
     * @return one result per model
     */
    public ModelCheck check(PrivacyModel... models) {
        ModelSet set = new ModelSet(release.source, List.of(models));
        int @Nullable [] population = set.needsPopulation ? release.populationPerClass() : null;
        return ModelCheck.evaluate(set, release.classOf, release.classes, population);
    }

    /**
     * Returns the utility metrics of the release.
     *
     * @return NCP (published and held), discernibility, class sizes, entropy, per quasi-identifier
     */
    public UtilityReport utility() {
        UtilityReport out = utility;
        if (out == null) {
            out = UtilityReport.of(release);
            utility = out;
        }
        return out;
    }

    /**
     * Returns the released rows as a dataset with the same roles (quasi-identifiers holding
     * {@link Generalized} values), for further checks.
     *
     * @return the dataset
     */
    public Dataset toDataset() {
        Dataset.Builder b = Dataset.table(columns);
        for (String column : columns) {
            b.role(column, release.source.role(column));
        }
        for (Map<String, Object> row : rows()) {
            b.addRow(row.values().toArray());
        }
        return b.build();
    }

    /**
     * Returns the number of equivalence classes released.
     *
     * @return the classes
     */
    public int equivalenceClasses() {
        return release.classes;
    }

    /**
     * Returns the information loss as the normalized certainty penalty of what the classes publish,
     * averaged over rows and quasi-identifiers; suppressed rows count as fully generalized.
     *
     * @return from 0 (nothing generalized) to 1 (nothing left)
     */
    public double informationLoss() {
        return utility().ncp();
    }

    /**
     * Returns the discernibility metric: the sum of squared equivalence class sizes, each suppressed row
     * counting the size of the input.
     *
     * @return the discernibility
     */
    public double discernibility() {
        return utility().discernibility();
    }

    /**
     * Returns how many input rows were suppressed.
     *
     * @return the suppressed rows
     */
    public int suppressedRows() {
        return release.suppressed;
    }

    /**
     * Returns the share of input rows suppressed.
     *
     * @return from 0 to 1
     */
    public double suppressedShare() {
        return release.classOf.length == 0 ? 0 : (double) release.suppressed / release.classOf.length;
    }

    @Override
    public String toString() {
        UtilityReport u = utility();
        return String.format(Locale.ROOT, "AnonymizedDataset[%s, %s, %d rows in %d classes, information loss (NCP)"
                + " %.4f (held values %.4f), suppressed %.2f%%]", release.method, release.models.models,
                release.classOf.length - release.suppressed, release.classes, u.ncp(), u.ncpOfHeldValues(),
                suppressedShare() * 100);
    }
}
