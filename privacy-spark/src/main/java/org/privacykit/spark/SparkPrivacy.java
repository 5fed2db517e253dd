package org.privacykit.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;
import org.privacykit.mask.Maskers;

/**
 * The privacy declarations on Spark data sets: masks, pseudonyms, encryption and anonymization of
 * columns, computed on the executors by the library's own engines, so a token or ciphertext made in
 * Spark equals one made by the application (and joins with it).
 *
 * <pre>{@code
 * SparkPrivacy privacy = SparkPrivacy.with(keys);              // ExecutorKeys: paths and names only
 * Dataset<Row> safe = privacy.mask(customers, Customer.class); // declared masks
 * Dataset<Row> stored = privacy.encrypt(customers, Customer.class);
 * Dataset<Customer> copies = privacy.anonymize(customers.as(Encoders.bean(Customer.class)));
 * }</pre>
 *
 * <p>Immutable; the functions it adds to a plan hold descriptions only (see {@link ExecutorKeys}).
 */
public final class SparkPrivacy {
    private final @Nullable ExecutorKeys keys;

    private SparkPrivacy(@Nullable ExecutorKeys keys) {
        this.keys = keys;
    }

    /**
     * Returns the functions that need keys (pseudonyms, encryption, fakes, anonymization).
     *
     * @param keys where executors find their keys
     * @return the entry point
     */
    public static SparkPrivacy with(ExecutorKeys keys) {
        return new SparkPrivacy(java.util.Objects.requireNonNull(keys, "keys"));
    }

    /**
     * Returns the functions that need no key (masks, redaction, suppression).
     *
     * @return the entry point
     */
    public static SparkPrivacy withoutKeys() {
        return new SparkPrivacy(null);
    }

    /**
     * Applies a column policy: one projection that replaces each named column.
     *
     * @param data the data set
     * @param policy what to do to which column
     * @return the protected data set, with the same columns in the same order
     * @throws IllegalArgumentException when an explicit policy names a missing column or a
     *         non-text column for a text operation, or a declared policy finds none of its columns
     */
    public Dataset<Row> apply(Dataset<Row> data, ColumnPolicy policy) {
        StructType schema = data.schema();
        Map<String, Column> replaced = new LinkedHashMap<>();
        for (Map.Entry<String, Protection> e : policy.columns().entrySet()) {
            StructField field = find(schema, e.getKey(), policy.isDeclared());
            if (field == null) {
                continue;
            }
            Protection p = e.getValue();
            requireText(field, p);
            replaced.put(field.name(), column(col(quote(field.name())), field.name(), p, schema, policy.isDeclared()));
        }
        if (replaced.isEmpty()) {
            throw new IllegalArgumentException("no column of " + schema.simpleString() + " matches " + policy);
        }
        return data.withColumns(replaced);
    }

    /**
     * Masks the columns a class declares personal, with their declared masks.
     *
     * @param data the data set
     * @param declarations the annotated class whose properties name the columns
     * @return the masked data set
     */
    public Dataset<Row> mask(Dataset<Row> data, Class<?> declarations) {
        return apply(data, ColumnPolicy.masking(declarations));
    }

    /**
     * Pseudonymizes the columns a class declares personal (and its subject ids).
     *
     * @param data the data set
     * @param declarations the annotated class
     * @return the data set with tokens in place of those values
     */
    public Dataset<Row> pseudonymize(Dataset<Row> data, Class<?> declarations) {
        return apply(data, ColumnPolicy.pseudonymizing(declarations));
    }

    /**
     * Encrypts the columns a class declares {@code @Encrypted}, as {@code FieldEncryptor} does.
     *
     * @param data the data set
     * @param declarations the annotated class
     * @return the data set with ciphertexts in those columns
     */
    public Dataset<Row> encrypt(Dataset<Row> data, Class<?> declarations) {
        return apply(data, ColumnPolicy.encrypting(declarations));
    }

    /**
     * Decrypts the columns a class declares {@code @Encrypted}; values of forgotten subjects become {@code null}.
     *
     * @param data the data set
     * @param declarations the annotated class
     * @return the data set in clear
     */
    public Dataset<Row> decrypt(Dataset<Row> data, Class<?> declarations) {
        return apply(data, ColumnPolicy.decrypting(declarations));
    }

    /**
     * Anonymizes rows as the {@code Anonymizer} anonymizes objects of a bean class (every operator:
     * consistent keyed fakes, pseudonyms, generalization, date shifts per subject, noise): each row
     * becomes a bean, its anonymized copy, and a row again.
     *
     * @param data the data set; its columns are the bean's properties
     * @param beanClass a JavaBean class Spark's bean encoder reads
     * @return the anonymized data set
     */
    public Dataset<Row> anonymize(Dataset<Row> data, Class<?> beanClass) {
        return anonymizeAs(data, beanClass).toDF();
    }

    /**
     * Masks a typed data set by its class's declarations.
     *
     * @param data the data set
     * @param <T> the annotated bean
     * @return the masked data set
     */
    public <T> Dataset<T> mask(Dataset<T> data) {
        return applyTyped(data, ColumnPolicy.masking(typeOf(data)));
    }

    /**
     * Pseudonymizes a typed data set by its class's declarations.
     *
     * @param data the data set
     * @param <T> the annotated bean
     * @return the pseudonymized data set
     */
    public <T> Dataset<T> pseudonymize(Dataset<T> data) {
        return applyTyped(data, ColumnPolicy.pseudonymizing(typeOf(data)));
    }

    /**
     * Encrypts a typed data set's {@code @Encrypted} properties.
     *
     * @param data the data set
     * @param <T> the annotated bean
     * @return the data set with ciphertexts
     */
    public <T> Dataset<T> encrypt(Dataset<T> data) {
        return applyTyped(data, ColumnPolicy.encrypting(typeOf(data)));
    }

    /**
     * Decrypts a typed data set's {@code @Encrypted} properties.
     *
     * @param data the data set
     * @param <T> the annotated bean
     * @return the data set in clear
     */
    public <T> Dataset<T> decrypt(Dataset<T> data) {
        return applyTyped(data, ColumnPolicy.decrypting(typeOf(data)));
    }

    /**
     * Anonymizes each object of a typed data set with the {@code Anonymizer}.
     *
     * @param data the data set
     * @param <T> the annotated bean
     * @return the anonymized copies
     */
    public <T> Dataset<T> anonymize(Dataset<T> data) {
        typeOf(data);
        return anonymizeBeans(data, data.encoder());
    }

    /**
     * Returns one protected column, for use in a {@code select} or {@code withColumn}.
     *
     * @param value the column to protect
     * @param protection what to do; {@link Protection.Encrypt} and {@link Protection.Decrypt} read
     *        their subject column by name
     * @return the protected column
     */
    public Column protect(Column value, Protection protection) {
        return column(value, value.toString(), protection, null, false);
    }

    private <T> Dataset<T> applyTyped(Dataset<T> data, ColumnPolicy policy) {
        return apply(data.toDF(), policy).as(data.encoder());
    }

    private <T> Dataset<T> anonymizeAs(Dataset<Row> data, Class<T> beanClass) {
        Encoder<T> encoder = Encoders.bean(beanClass);
        return anonymizeBeans(data.as(encoder), encoder);
    }

    private <T> Dataset<T> anonymizeBeans(Dataset<T> data, Encoder<T> encoder) {
        ExecutorKeys k = Udfs.require(keys, "anonymize", new Protection.Redact());
        return data.map(new AnonymizeRows<>(k), encoder);
    }

    private static Class<?> typeOf(Dataset<?> data) {
        Class<?> type = data.encoder().clsTag().runtimeClass();
        if (type == Row.class) {
            throw new IllegalArgumentException("a Dataset<Row> needs the declaring class, such as mask(rows, Customer.class)");
        }
        return type;
    }

    private Column column(Column value, String name, Protection p, @Nullable StructType schema, boolean declared) {
        DataType string = DataTypes.StringType;
        UserDefinedFunction f;
        Column subject = null;
        if (p instanceof Protection.Mask m) {
            f = org.apache.spark.sql.functions.udf(new Udfs.Mask(m), string);
        } else if (p instanceof Protection.Pseudonymize s) {
            f = org.apache.spark.sql.functions.udf(new Udfs.Pseudonymize(Udfs.require(keys, name, p), name, s.domain()), string);
        } else if (p instanceof Protection.Encrypt e) {
            f = org.apache.spark.sql.functions.udf(new Udfs.Crypt(Udfs.require(keys, name, p), name, e.context(), true), string);
            subject = subjectColumn(e.subjectColumn(), name, schema, declared);
            if (e.context().mode() == org.privacykit.annotation.EncryptionMode.RANDOMIZED) {
                f = f.asNondeterministic();
            }
        } else if (p instanceof Protection.Decrypt d) {
            f = org.apache.spark.sql.functions.udf(new Udfs.Crypt(Udfs.require(keys, name, p), name, d.context(), false), string);
            subject = subjectColumn(d.subjectColumn(), name, schema, declared);
        } else if (p instanceof Protection.Fake fake) {
            f = org.apache.spark.sql.functions.udf(new Udfs.Fake(Udfs.require(keys, name, p), name, fake), string);
        } else if (p instanceof Protection.Redact) {
            return when(value.isNull(), lit(null).cast(string)).otherwise(lit(Maskers.REDACTED)).as(name);
        } else {
            DataType type = schema == null ? string : schema.apply(schema.fieldIndex(name)).dataType();
            return lit(null).cast(type).as(name);
        }
        Column out = subject != null ? f.apply(value, subject)
                : p instanceof Protection.Encrypt || p instanceof Protection.Decrypt ? f.apply(value, lit(null).cast(string))
                : f.apply(value);
        return out.as(name);
    }

    private static @Nullable Column subjectColumn(@Nullable String subject, String column, @Nullable StructType schema, boolean declared) {
        if (subject == null) {
            return null;
        }
        if (schema == null) {
            return col(quote(subject)).cast(DataTypes.StringType);
        }
        StructField field = find(schema, subject, declared);
        if (field == null) {
            throw new IllegalArgumentException(column + " is bound to its data subject, but no column holds the subject id "
                    + subject + " in " + schema.simpleString());
        }
        return col(quote(field.name())).cast(DataTypes.StringType);
    }

    private static void requireText(StructField field, Protection p) {
        if (!(p instanceof Protection.Suppress) && !field.dataType().equals(DataTypes.StringType)) {
            throw new IllegalArgumentException("column " + field.name() + " is " + field.dataType().simpleString()
                    + ": " + p.getClass().getSimpleName().toLowerCase(Locale.ROOT) + " applies to string columns (cast it first)");
        }
    }

    /** The column of a name: exact, then ignoring case, then (for a declared policy) in snake_case. */
    static @Nullable StructField find(StructType schema, String name, boolean declared) {
        String snake = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2");
        for (StructField f : schema.fields()) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        for (StructField f : schema.fields()) {
            if (f.name().equalsIgnoreCase(name) || declared && f.name().equalsIgnoreCase(snake)) {
                return f;
            }
        }
        if (!declared) {
            throw new IllegalArgumentException("no column " + name + " in " + schema.simpleString());
        }
        return null;
    }

    private static String quote(String column) {
        return "`" + column.replace("`", "``") + "`";
    }

    @Override
    public String toString() {
        return "SparkPrivacy[" + (keys == null ? "no keys" : keys) + "]";
    }

    /** Anonymizes each object with the executor's anonymizer. */
    private static final class AnonymizeRows<T> implements MapFunction<T, T> {
        private static final long serialVersionUID = 1L;
        private final ExecutorKeys keys;

        AnonymizeRows(ExecutorKeys keys) {
            this.keys = keys;
        }

        @Override
        public T call(T value) {
            return keys.anonymizer().anonymize(value);
        }
    }
}
