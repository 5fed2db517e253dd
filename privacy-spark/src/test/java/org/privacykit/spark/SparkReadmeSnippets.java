package org.privacykit.spark;

// snippet-start job
import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.privacykit.spark.ExecutorKeys;
import org.privacykit.spark.KekSource;
import org.privacykit.spark.PiiScan;
import org.privacykit.spark.SecretSource;
import org.privacykit.spark.SparkPrivacy;
// snippet-end job
import org.privacykit.spark.ColumnPolicy;
import org.privacykit.spark.PiiScanReport;
import org.privacykit.spark.SparkMondrian;
import org.privacykit.spark.SparkRiskReport;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.annotation.EncryptionMode;

/** The Java snippets of privacy-spark/README.md, compiled with the tests. */
final class SparkReadmeSnippets {
    private SparkReadmeSnippets() {
    }

    // snippet-start job
    public final class ExportCustomers {
        public static void main(String[] args) {
            SparkSession spark = SparkSession.builder().appName("export-customers").getOrCreate();
            ExecutorKeys keys = ExecutorKeys.builder()
                    .keyRing("privacykit-ring.pkr",           // shipped with --files: in each executor's working directory
                            KekSource.passphrase(SecretSource.environment("PRIVACYKIT_RING_PASSWORD")))
                    .subjectKeys("/mnt/shared/privacykit/subject-keys")
                    .pseudonymSecret(SecretSource.file("/var/run/secrets/privacykit/pseudonym-key"))
                    .build();
            SparkPrivacy privacy = SparkPrivacy.with(keys);

            Dataset<Row> customers = spark.read().parquet(args[0]);
            Dataset<Row> analytics = privacy.pseudonymize(customers, Customer.class); // tokens equal the application's
            analytics.write().mode(SaveMode.Overwrite).parquet(args[1]);

            Dataset<Row> notes = spark.read().parquet(args[2]);
            notes.withColumn("body", PiiScan.defaults().masked(col("body")))
                    .write().mode(SaveMode.Overwrite).parquet(args[3]);
            spark.stop();
        }
    }
    // snippet-end job

    static void columns(SparkPrivacy privacy, Dataset<Row> customers) {
        // snippet-start columns
        Dataset<Row> masked = privacy.mask(customers, Customer.class);          // declared masks: a***@example.com
        Dataset<Row> stored = privacy.encrypt(customers, Customer.class);       // FieldEncryptor's ciphertexts
        Dataset<Row> clear = privacy.decrypt(stored, Customer.class);           // forgotten subjects read as null
        Dataset<Row> copies = privacy.anonymize(customers, Customer.class);     // the Anonymizer's operators, per row

        ColumnPolicy policy = ColumnPolicy.builder()                           // a table without a class
                .mask("email", PersonalDataType.EMAIL)
                .pseudonymize("customer_id", "Customer.id")
                .encrypt("note", "orders.note", EncryptionMode.RANDOMIZED)
                .suppress("birth_date")
                .build();
        Dataset<Row> shared = privacy.apply(customers, policy);
        // snippet-end columns
        List.of(masked, clear, copies, shared).forEach(Dataset::count);
    }

    static void scans(Dataset<Row> tickets, Dataset<Row> people) {
        // snippet-start scan
        PiiScanReport found = PiiScan.defaults().scan(tickets);                 // every string column, one pass
        found.undeclared(Customer.class);                                       // personal data nobody declared

        SparkRiskReport risk = SparkRiskReport.of(people, List.of("age", "zip", "sex"), "diagnosis");
        risk.uniqueShare();                                                     // share of rows alone in their class

        SparkMondrian.Release release = SparkMondrian.builder().k(10)
                .quasiIdentifiers("age", "zip", "sex").build().anonymize(people);
        release.risk().assertKAnonymous(10);                                    // verified with Spark's aggregation
        release.ncp();                                                          // NCP as the in-JVM Mondrian reports it
        // snippet-end scan
    }
}
