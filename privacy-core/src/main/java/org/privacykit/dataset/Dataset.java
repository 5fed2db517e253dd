package org.privacykit.dataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.dataset.hierarchy.Hierarchy;
import org.privacykit.dataset.model.PrivacyModel;

/**
 * A table for privacy checks and anonymization: named columns, each with a {@link ColumnRole}
 * (identifier, quasi-identifier, sensitive, insensitive), optional generalization hierarchies for
 * the quasi-identifiers, and optionally the population table the rows were drawn from. Rows come
 * from objects of one class (roles from their annotations), from maps, or one by one from a reader
 * ({@link #table(String...)}: CSV files, JDBC result sets). Values are read once and kept
 * dictionary-encoded; the rows themselves are not kept. Immutable.
 *
 * <pre>{@code
 * Dataset.of(patients, "age", "sex", "zip").risk().assertKAnonymous(5);     // one line, as arx#406 asks
 * Dataset data = Dataset.builder(patients)                                 // roles from annotations
 *         .hierarchy("age", Hierarchy.intervals(5, 10, 20).build())
 *         .hierarchy("zip", Hierarchy.masking(5).build())
 *         .build();
 * AnonymizedDataset release = Mondrian.builder().k(5).l(2).build().anonymize(data);
 * }</pre>
 */
public final class Dataset {
    private final int size;
    private final List<String> columns;
    private final Map<String, Integer> index;
    private final ColumnRole[] roles;
    private final Object[][] dictionaries;
    private final int[][] codes;
    private final Hierarchy[] hierarchies;
    private final PersonalDataType[] types;
    private final List<String> quasiIdentifiers;
    private final List<String> sensitive;
    private final @Nullable Dataset population;
    private final @Nullable Class<?> rowClass;

    private Dataset(Builder b, List<String> columns, ColumnRole[] roles, ColumnStore[] stores, int size) {
        this.size = size;
        this.columns = List.copyOf(columns);
        this.index = new HashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            index.put(columns.get(c), c);
        }
        this.roles = roles;
        this.dictionaries = new Object[columns.size()][];
        this.codes = new int[columns.size()][];
        for (int c = 0; c < columns.size(); c++) {
            dictionaries[c] = stores[c].dictionary();
            codes[c] = stores[c].codes();
        }
        this.hierarchies = new Hierarchy[columns.size()];
        this.types = new PersonalDataType[columns.size()];
        List<String> qis = new ArrayList<>();
        List<String> sens = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            if (roles[c] == ColumnRole.QUASI_IDENTIFIER) {
                qis.add(columns.get(c));
            } else if (roles[c] == ColumnRole.SENSITIVE) {
                sens.add(columns.get(c));
            }
        }
        if (b.quasiIdentifiers != null) {
            qis = b.quasiIdentifiers; // the order they were named in
        }
        this.quasiIdentifiers = List.copyOf(qis);
        this.sensitive = List.copyOf(sens);
        for (Map.Entry<String, Hierarchy> e : b.hierarchies.entrySet()) {
            int c = indexOf(e.getKey());
            if (roles[c] != ColumnRole.QUASI_IDENTIFIER) {
                throw new IllegalArgumentException("column '" + e.getKey() + "' has a hierarchy but is not a quasi-identifier");
            }
            hierarchies[c] = e.getValue();
        }
        for (Map.Entry<String, PersonalDataType> e : b.types.entrySet()) {
            types[indexOf(e.getKey())] = e.getValue();
        }
        RowReader reader = b.reader;
        this.rowClass = reader == null ? null : reader.isMaps() ? Map.class : b.rowClass;
        if (reader != null) {
            for (int c = 0; c < columns.size(); c++) {
                if (types[c] == null) {
                    types[c] = reader.declaredType(columns.get(c));
                }
            }
        }
        Dataset from = b.population;
        this.population = from;
        if (from != null) {
            for (String qi : quasiIdentifiers) {
                if (!from.quasiIdentifiers.contains(qi)) {
                    throw new IllegalArgumentException("the population table has no quasi-identifier '" + qi + "'");
                }
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
     * Starts a dataset of objects or maps.
     *
     * @param rows objects of one class, or maps
     * @return a builder
     * @throws IllegalArgumentException when rows mix classes or hold {@code null}
     */
    public static Builder builder(Collection<?> rows) {
        return new Builder(rows);
    }

    /**
     * Starts a dataset read row by row, as the CSV and JDBC readers do: add rows with
     * {@link Builder#addRow(Object...)}; undeclared columns are {@link ColumnRole#INSENSITIVE}.
     *
     * @param columns the column names, distinct
     * @return a builder
     * @throws IllegalArgumentException when a name is blank or repeated
     */
    public static Builder table(String... columns) {
        return new Builder(List.of(columns));
    }

    /**
     * Starts a dataset read row by row.
     *
     * @param columns the column names, distinct
     * @return a builder
     * @throws IllegalArgumentException when a name is blank or repeated
     */
    public static Builder table(List<String> columns) {
        return new Builder(columns);
    }

    /**
     * Returns the number of rows.
     *
     * @return the size
     */
    public int size() {
        return size;
    }

    /**
     * Returns every column, identifiers included, in order.
     *
     * @return an unmodifiable list
     */
    public List<String> columns() {
        return columns;
    }

    /**
     * Returns the columns that have a role, in order.
     *
     * @param role the role
     * @return an unmodifiable list
     */
    public List<String> columns(ColumnRole role) {
        if (role == ColumnRole.QUASI_IDENTIFIER) {
            return quasiIdentifiers;
        }
        List<String> out = new ArrayList<>();
        for (int c = 0; c < roles.length; c++) {
            if (roles[c] == role) {
                out.add(columns.get(c));
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Returns a column's role.
     *
     * @param column the column
     * @return its role
     * @throws IllegalArgumentException when there is no such column
     */
    public ColumnRole role(String column) {
        return roles[indexOf(column)];
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
     * Returns the sensitive attributes, in order.
     *
     * @return an unmodifiable list
     */
    public List<String> sensitiveAttributes() {
        return sensitive;
    }

    /**
     * Returns the first sensitive attribute, the one ℓ-diversity and t-closeness apply to when they
     * name none.
     *
     * @return the attribute, or empty
     */
    public Optional<String> sensitiveAttribute() {
        return sensitive.isEmpty() ? Optional.empty() : Optional.of(sensitive.get(0));
    }

    /**
     * Returns the hierarchy of a quasi-identifier.
     *
     * @param column the column
     * @return the hierarchy, or empty when its values are generalized to ranges or sets
     */
    public Optional<Hierarchy> hierarchy(String column) {
        return Optional.ofNullable(hierarchies[indexOf(column)]);
    }

    /**
     * Returns the personal data type a column holds, declared on the builder or by
     * {@code @PersonalData} on the row class.
     *
     * @param column the column
     * @return the type, or empty
     */
    public Optional<PersonalDataType> personalDataType(String column) {
        return Optional.ofNullable(types[indexOf(column)]);
    }

    /**
     * Returns the population table the rows were drawn from, for δ-presence, k-map and journalist risk.
     *
     * @return the population, or empty
     */
    public Optional<Dataset> population() {
        return Optional.ofNullable(population);
    }

    /**
     * Returns a value.
     *
     * @param row the row, from 0
     * @param column the column
     * @return the value, possibly {@code null}
     * @throws IndexOutOfBoundsException when the row does not exist
     */
    public @Nullable Object value(int row, String column) {
        Objects.checkIndex(row, size);
        int c = indexOf(column);
        return dictionaries[c][codes[c][row]];
    }

    /**
     * Measures the re-identification risk: equivalence classes, k, distinct ℓ, prosecutor risk, and
     * journalist and marketer risk against the population table when there is one.
     *
     * @return the report
     */
    public RiskReport risk() {
        return RiskReport.of(this);
    }

    /**
     * Checks privacy models on the rows as they are.
     *
     * @param models the models
     * @return one result per model, with the failing classes and rows
     * @throws IllegalArgumentException when a model names a column that is not sensitive, or needs a
     *         population the dataset lacks
     */
    public ModelCheck check(PrivacyModel... models) {
        return ModelCheck.of(this, List.of(models));
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

    int indexOf(String column) {
        Integer c = index.get(column);
        if (c == null) {
            throw new IllegalArgumentException("no column '" + column + "'");
        }
        return c;
    }

    Object[] dictionary(int column) {
        return dictionaries[column];
    }

    int[] codes(int column) {
        return codes[column];
    }

    @Nullable Hierarchy hierarchyAt(int column) {
        return hierarchies[column];
    }

    ColumnRole roleAt(int column) {
        return roles[column];
    }

    @Nullable Class<?> rowClass() {
        return rowClass;
    }

    /** The column indexes of the quasi-identifiers, in their order. */
    int[] quasiIdentifierIndexes() {
        int[] out = new int[quasiIdentifiers.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = indexOf(quasiIdentifiers.get(i));
        }
        return out;
    }

    @Override
    public String toString() {
        return "Dataset[" + size + " rows, quasi-identifiers " + quasiIdentifiers
                + (sensitive.isEmpty() ? "" : ", sensitive " + sensitive) + "]";
    }

    /** Builds a {@link Dataset}. */
    public static final class Builder {
        private final @Nullable List<Object> rows;
        private final @Nullable Class<?> rowClass;
        private final @Nullable RowReader reader;
        private final @Nullable List<String> header;
        private final ColumnStore @Nullable [] stores;
        private int tableRows;
        private @Nullable List<String> quasiIdentifiers;
        private final Map<String, ColumnRole> declared = new LinkedHashMap<>();
        private final Map<String, Hierarchy> hierarchies = new LinkedHashMap<>();
        private final Map<String, PersonalDataType> types = new LinkedHashMap<>();
        private @Nullable Dataset population;

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
            this.reader = new RowReader(type);
            this.header = null;
            this.stores = null;
        }

        private Builder(List<String> columns) {
            Objects.requireNonNull(columns, "columns");
            Set<String> distinct = new LinkedHashSet<>();
            for (String name : columns) {
                if (name == null || name.isBlank()) {
                    throw new IllegalArgumentException("column " + (distinct.size() + 1) + " has no name");
                }
                if (!distinct.add(name)) {
                    throw new IllegalArgumentException("column '" + name + "' is named twice");
                }
            }
            this.rows = null;
            this.rowClass = null;
            this.reader = null;
            this.header = List.copyOf(distinct);
            ColumnStore[] created = new ColumnStore[distinct.size()];
            for (int c = 0; c < created.length; c++) {
                created[c] = new ColumnStore();
            }
            this.stores = created;
        }

        /**
         * Names the quasi-identifiers; the default is the {@code @QuasiIdentifier} fields of the row class.
         *
         * @param names property names (dotted for nested objects), map keys or column names; at least one,
         *        no repeats
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
         * Names a sensitive attribute, for ℓ-diversity and t-closeness; call again for more.
         *
         * @param name a column
         * @return this builder
         */
        public Builder sensitiveAttribute(String name) {
            return role(name, ColumnRole.SENSITIVE);
        }

        /**
         * Names direct identifiers, which releases leave out.
         *
         * @param names columns
         * @return this builder
         */
        public Builder identifiers(String... names) {
            for (String name : names) {
                role(name, ColumnRole.IDENTIFIER);
            }
            return this;
        }

        /**
         * Names columns that releases keep as they are (for map rows, the only other columns kept;
         * object rows keep their properties that are not personal data anyway).
         *
         * @param names columns
         * @return this builder
         */
        public Builder keep(String... names) {
            for (String name : names) {
                role(name, ColumnRole.INSENSITIVE);
            }
            return this;
        }

        /**
         * Declares a column's role, over what annotations say.
         *
         * @param name the column
         * @param role its role
         * @return this builder
         * @throws IllegalArgumentException when the name is blank or the column already has another role
         */
        public Builder role(String name, ColumnRole role) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a column name is blank");
            }
            Objects.requireNonNull(role, "role");
            if (role == ColumnRole.QUASI_IDENTIFIER) {
                List<String> qis = quasiIdentifiers == null ? new ArrayList<>() : new ArrayList<>(quasiIdentifiers);
                if (!qis.contains(name)) {
                    qis.add(name);
                }
                quasiIdentifiers = List.copyOf(qis);
                return this;
            }
            ColumnRole earlier = declared.putIfAbsent(name, role);
            if (earlier != null && earlier != role) {
                throw new IllegalArgumentException("column '" + name + "' is declared both " + earlier + " and " + role);
            }
            return this;
        }

        /**
         * Gives a quasi-identifier a generalization hierarchy: releases publish its labels, local
         * recoding keeps every class within one node, and global recoding searches its levels.
         *
         * @param name a quasi-identifier
         * @param hierarchy a hierarchy holding every value of the column
         * @return this builder
         */
        public Builder hierarchy(String name, Hierarchy hierarchy) {
            Objects.requireNonNull(name, "name");
            hierarchies.put(name, Objects.requireNonNull(hierarchy, "hierarchy"));
            return this;
        }

        /**
         * Declares the personal data type a column holds, for the HIPAA Safe Harbor check of map and
         * table rows (object rows declare it with {@code @PersonalData}).
         *
         * @param name the column
         * @param type the type
         * @return this builder
         */
        public Builder personalDataType(String name, PersonalDataType type) {
            Objects.requireNonNull(name, "name");
            types.put(name, Objects.requireNonNull(type, "type"));
            return this;
        }

        /**
         * Gives the population table the rows were drawn from (a superset holding the same
         * quasi-identifiers), for δ-presence, k-map and journalist risk.
         *
         * @param population the population
         * @return this builder
         */
        public Builder population(Dataset population) {
            this.population = Objects.requireNonNull(population, "population");
            return this;
        }

        /**
         * Adds a row to a dataset started with {@link Dataset#table(String...)}.
         *
         * @param values one value per column, in the columns' order
         * @return this builder
         * @throws IllegalStateException when the builder was started from objects or maps
         * @throws IllegalArgumentException when the number of values differs from the number of columns
         */
        public Builder addRow(@Nullable Object... values) {
            ColumnStore[] stores = this.stores;
            if (stores == null) {
                throw new IllegalStateException("rows are added only to a dataset started with Dataset.table");
            }
            Objects.requireNonNull(values, "values");
            if (values.length != stores.length) {
                throw new IllegalArgumentException("row " + (tableRows + 1) + " has " + values.length + " values for "
                        + stores.length + " columns");
            }
            for (int c = 0; c < values.length; c++) {
                stores[c].add(values[c]);
            }
            tableRows++;
            return this;
        }

        /**
         * Builds the dataset, reading every value once.
         *
         * @return the dataset
         * @throws IllegalArgumentException when a named column is not found, no quasi-identifier is
         *         declared, or a column has two roles
         */
        public Dataset build() {
            List<String> header = this.header;
            ColumnStore[] stores = this.stores;
            return header != null && stores != null ? buildTable(header, stores) : buildFromRows();
        }

        private Dataset buildTable(List<String> header, ColumnStore[] stores) {
            List<String> qis = quasiIdentifiers;
            if (qis == null) {
                throw new IllegalArgumentException("name the quasi-identifiers of the table");
            }
            ColumnRole[] roles = new ColumnRole[header.size()];
            Arrays.fill(roles, ColumnRole.INSENSITIVE);
            for (String name : named()) {
                if (!header.contains(name)) {
                    throw new IllegalArgumentException("no column '" + name + "' in the table");
                }
            }
            assignRoles(header, roles, qis, null);
            return new Dataset(this, header, roles, stores, tableRows);
        }

        private Dataset buildFromRows() {
            RowReader reader = Objects.requireNonNull(this.reader);
            List<Object> rows = Objects.requireNonNull(this.rows);
            List<String> qis = quasiIdentifiers;
            if (qis == null) {
                List<String> annotated = reader.annotatedQuasiIdentifiers();
                if (annotated.isEmpty()) {
                    throw new IllegalArgumentException(rowClass == null || reader.isMaps()
                            ? "name the quasi-identifiers of map rows: Dataset.of(rows, \"age\", \"zip\")"
                            : rowClass.getSimpleName() + " declares no @QuasiIdentifier; mark its fields or name them");
                }
                qis = annotated;
                quasiIdentifiers = annotated;
            }
            Set<String> columns = new LinkedHashSet<>(reader.defaultColumns());
            columns.addAll(named());
            List<String> ordered = new ArrayList<>(columns);
            for (String name : named()) {
                reader.check(name, rows);
            }
            ColumnRole[] roles = new ColumnRole[ordered.size()];
            for (int c = 0; c < roles.length; c++) {
                roles[c] = reader.declaredRole(ordered.get(c));
            }
            assignRoles(ordered, roles, qis, reader);
            ColumnStore[] read = new ColumnStore[ordered.size()];
            for (int c = 0; c < read.length; c++) {
                read[c] = new ColumnStore();
                String name = ordered.get(c);
                for (Object row : rows) {
                    read[c].add(reader.read(row, name));
                }
            }
            return new Dataset(this, ordered, roles, read, rows.size());
        }

        private void assignRoles(List<String> columns, ColumnRole[] roles, List<String> qis,
                                 @Nullable RowReader annotations) {
            for (int c = 0; c < roles.length; c++) {
                String name = columns.get(c);
                if (qis.contains(name)) {
                    ColumnRole other = declared.get(name);
                    if (other != null) {
                        throw new IllegalArgumentException("column '" + name + "' is declared both QUASI_IDENTIFIER and "
                                + other);
                    }
                    roles[c] = ColumnRole.QUASI_IDENTIFIER;
                } else if (declared.get(name) != null) {
                    roles[c] = Objects.requireNonNull(declared.get(name));
                } else if (roles[c] == ColumnRole.QUASI_IDENTIFIER) {
                    roles[c] = ColumnRole.INSENSITIVE;
                } else if (annotations != null && annotations.isMaps()) {
                    roles[c] = ColumnRole.IDENTIFIER;
                }
            }
        }

        private Set<String> named() {
            Set<String> names = new LinkedHashSet<>(quasiIdentifiers == null ? List.of() : quasiIdentifiers);
            names.addAll(declared.keySet());
            names.addAll(hierarchies.keySet());
            names.addAll(types.keySet());
            return names;
        }
    }
}
