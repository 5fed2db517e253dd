package org.privacykit.benchmarks;

import static org.privacykit.annotation.EncryptionMode.DETERMINISTIC;
import static org.privacykit.annotation.PersonalDataType.EMAIL;
import static org.privacykit.annotation.PersonalDataType.HEALTH;
import static org.privacykit.annotation.PersonalDataType.PAYMENT_CARD;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Id;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceConfiguration;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.SubjectId;
import org.privacykit.audit.AuditSink;
import org.privacykit.crypto.FieldEncryptor;
import org.privacykit.crypto.KeyRing;
import org.privacykit.jpa.EncryptedEntities;

/**
 * privacy-jpa's cost on a real database: insert, then load, 100,000 rows of an entity with three
 * {@code @Encrypted} attributes (one deterministic, two randomized and bound to the row's subject),
 * beside the same entity without encryption (the anchor), on Hibernate ORM 7 and embedded H2, in
 * memory (the database as fast as it gets, so encryption's share is the largest) and on disk.
 * Inserts go in transactions of 1,000 rows with JDBC batching; loads read pages of 1,000 entities
 * by identifier. Single-shot: each measured iteration is one full pass over the 100,000 rows.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar JpaEncryptionBenchmark -p storage=mem
 * java -jar benchmarks/target/benchmarks.jar JpaEncryptionBenchmark -p rows=10000 -wi 3 -i 3    # quicker
 * bash .ci/postgres --run java -jar benchmarks/target/benchmarks.jar JpaEncryptionBenchmark -p storage=postgres
 * </pre>
 *
 * {@code storage=postgres} runs against the server named by {@code PRIVACYKIT_PG_URL}, which
 * {@code .ci/postgres --run} starts on a loopback port (fsync off, as a throwaway test server).
 *
 * Six warm-up shots: the encrypted load reaches its steady state only after four or five passes
 * (the first shots measure the JIT, at 1–2 s against about 0.3 s), and a fixed 2 GB heap keeps
 * heap resizing out of the shots.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 6)
@Measurement(iterations = 6)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class JpaEncryptionBenchmark {
    private static final int PAGE = 1_000;

    /** What the pager needs of each entity. */
    interface Row {
        String id();
    }

    /** The entity with three encrypted attributes. */
    @Entity(name = "EncryptedCustomer")
    public static class EncryptedCustomer implements Row {
        @Id
        @SubjectId
        @Column(length = 16)
        String id;
        String fullName;
        @PersonalData(EMAIL)
        @Encrypted(mode = DETERMINISTIC)
        @Column(length = 120)
        String email;
        @PersonalData(PAYMENT_CARD)
        @Encrypted
        @Column(length = 120)
        String cardNumber;
        @PersonalData(HEALTH)
        @Encrypted
        @Column(length = 120)
        String diagnosis;

        /** For Hibernate. */
        protected EncryptedCustomer() {
        }

        EncryptedCustomer(int i) {
            id = idOf(i);
            fullName = "Customer " + i;
            email = "customer" + i + "@example.com";
            cardNumber = "4111 1111 " + String.format("%04d %04d", i / 10_000, i % 10_000);
            diagnosis = "diagnosis of customer " + i;
        }

        @Override
        public String id() {
            return id;
        }
    }

    /**
     * The same attributes encrypted by hand with the JDK's AES ({@link RawJdkColumnCrypto}): the
     * anchor for privacy-kit's own cost above the raw crypto.
     */
    @Entity(name = "RawJdkCustomer")
    public static class RawJdkCustomer implements Row {
        @Id
        @Column(length = 16)
        String id;
        String fullName;
        @Convert(converter = RawJdkColumnCrypto.Email.class)
        @Column(length = 120)
        String email;
        @Convert(converter = RawJdkColumnCrypto.CardNumber.class)
        @Column(length = 120)
        String cardNumber;
        @Convert(converter = RawJdkColumnCrypto.Diagnosis.class)
        @Column(length = 120)
        String diagnosis;

        /** For Hibernate. */
        protected RawJdkCustomer() {
        }

        RawJdkCustomer(int i) {
            id = idOf(i);
            fullName = "Customer " + i;
            email = "customer" + i + "@example.com";
            cardNumber = "4111 1111 " + String.format("%04d %04d", i / 10_000, i % 10_000);
            diagnosis = "diagnosis of customer " + i;
        }

        @Override
        public String id() {
            return id;
        }
    }

    /** The same entity without encryption: the anchor. */
    @Entity(name = "PlainCustomer")
    public static class PlainCustomer implements Row {
        @Id
        @Column(length = 16)
        String id;
        String fullName;
        @Column(length = 120)
        String email;
        @Column(length = 120)
        String cardNumber;
        @Column(length = 120)
        String diagnosis;

        /** For Hibernate. */
        protected PlainCustomer() {
        }

        PlainCustomer(int i) {
            id = idOf(i);
            fullName = "Customer " + i;
            email = "customer" + i + "@example.com";
            cardNumber = "4111 1111 " + String.format("%04d %04d", i / 10_000, i % 10_000);
            diagnosis = "diagnosis of customer " + i;
        }

        @Override
        public String id() {
            return id;
        }
    }

    static String idOf(int i) {
        return String.format("c-%07d", i);
    }

    /** A fresh database with the two tables. */
    @State(Scope.Benchmark)
    public static class Database {
        @Param({"100000"})
        int rows;

        /**
         * {@code plain}: no encryption; {@code rawjdk}: encrypted by hand with the JDK's AES
         * ({@link RawJdkColumnCrypto}); {@code encrypted}: privacy-jpa.
         */
        @Param({"plain", "rawjdk", "encrypted"})
        String entity;

        /**
         * {@code mem}: H2 in memory, the fastest database there is; {@code file}: H2 on disk, as an
         * embedded application keeps it; {@code postgres} (not run by default): the PostgreSQL server
         * at {@code PRIVACYKIT_PG_URL}.
         */
        @Param({"mem", "file"})
        String storage;

        String url;
        Path directory;

        EntityManagerFactory emf;
        Class<? extends Row> type;
        Function<Integer, Row> make;

        void open() {
            FieldEncryptor encryptor = FieldEncryptor.builder(KeyRing.builder().auditSink(AuditSink.noop()).generate())
                    .auditSink(AuditSink.noop()).build();
            Map<String, Object> properties = new HashMap<>();
            if (storage.equals("postgres")) {
                url = System.getenv("PRIVACYKIT_PG_URL");
                if (url == null || url.isBlank()) {
                    throw new IllegalStateException("storage=postgres needs PRIVACYKIT_PG_URL; run the benchmark through "
                            + "bash .ci/postgres --run java -jar benchmarks/target/benchmarks.jar ...");
                }
            } else if (storage.equals("file")) {
                try {
                    directory = Files.createTempDirectory("privacykit-jpa-benchmark");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                url = "jdbc:h2:file:" + directory.resolve("db");
            } else {
                url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
            }
            properties.put("jakarta.persistence.jdbc.url", url);
            properties.put("jakarta.persistence.schema-generation.database.action", "drop-and-create");
            properties.put("hibernate.jdbc.batch_size", "50");
            properties.put("hibernate.order_inserts", "true");
            properties.put("hibernate.connection.pool_size", "2");
            properties.put(EncryptedEntities.FIELD_ENCRYPTOR, encryptor);
            PersistenceConfiguration config = new PersistenceConfiguration("benchmark")
                    .managedClass(EncryptedCustomer.class).managedClass(RawJdkCustomer.class).managedClass(PlainCustomer.class)
                    .properties(properties);
            emf = Persistence.createEntityManagerFactory(config);
            switch (entity) {
                case "encrypted" -> {
                    type = EncryptedCustomer.class;
                    make = EncryptedCustomer::new;
                }
                case "rawjdk" -> {
                    type = RawJdkCustomer.class;
                    make = RawJdkCustomer::new;
                }
                case "plain" -> {
                    type = PlainCustomer.class;
                    make = PlainCustomer::new;
                }
                default -> throw new IllegalArgumentException("entity is plain, rawjdk or encrypted, not " + entity);
            }
        }

        /** Closes and drops the database, so that iterations do not pile databases up in the heap or on disk. */
        void close() {
            emf.close();
            if (storage.equals("postgres")) {
                return; // the next open drops and creates the tables; the server's data directory is thrown away
            }
            try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            } catch (SQLException e) {
                throw new IllegalStateException("could not shut the benchmark database down", e);
            }
            if (directory != null) {
                try (Stream<Path> files = Files.walk(directory)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        void insertAll() {
            for (int from = 0; from < rows; from += PAGE) {
                int start = from;
                emf.runInTransaction(em -> {
                    for (int i = start; i < Math.min(rows, start + PAGE); i++) {
                        em.persist(make.apply(i));
                    }
                });
            }
        }

        int loadAll() {
            String query = "select e from " + type.getSimpleName() + " e where e.id > :after order by e.id";
            String after = "";
            int loaded = 0;
            while (true) {
                String from = after;
                List<? extends Row> page = emf.callInTransaction((EntityManager em) -> em.createQuery(query, type)
                        .setParameter("after", from).setMaxResults(PAGE).getResultList());
                if (page.isEmpty()) {
                    return loaded;
                }
                loaded += page.size();
                after = page.get(page.size() - 1).id();
            }
        }
    }

    /** Each insert iteration starts from an empty database. */
    @State(Scope.Benchmark)
    public static class Empty extends Database {
        @Setup(Level.Iteration)
        public void setUp() {
            open();
        }

        @TearDown(Level.Iteration)
        public void tearDown() {
            close();
        }
    }

    /** Loads read a database filled once. */
    @State(Scope.Benchmark)
    public static class Filled extends Database {
        @Setup(Level.Trial)
        public void setUp() {
            open();
            insertAll();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            close();
        }
    }

    /**
     * Inserts every row.
     *
     * @param db an empty database
     */
    @Benchmark
    public void insert(Empty db) {
        db.insertAll();
    }

    /**
     * Loads every row as an entity.
     *
     * @param db a filled database
     * @return the number of entities loaded
     */
    @Benchmark
    public int load(Filled db) {
        return db.loadAll();
    }
}
