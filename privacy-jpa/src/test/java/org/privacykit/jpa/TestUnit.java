package org.privacykit.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceConfiguration;

import org.hibernate.SessionFactory;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.hibernate.stat.Statistics;
import org.privacykit.crypto.FieldEncryptor;

/** A persistence unit for tests: entities on a fresh database, with statistics and an UPDATE counter. */
final class TestUnit implements AutoCloseable {
    final Database.Place place;
    final EntityManagerFactory emf;
    private final UpdateCounter updates = new UpdateCounter();

    private TestUnit(Database.Place place, FieldEncryptor encryptor, Map<String, Object> extra, Class<?>... entities) {
        this.place = place;
        PersistenceConfiguration config = new PersistenceConfiguration("privacy-jpa-test");
        for (Class<?> entity : entities) {
            config.managedClass(entity);
        }
        Map<String, Object> properties = new HashMap<>(place.properties());
        properties.put("jakarta.persistence.schema-generation.database.action", "drop-and-create");
        properties.put("hibernate.generate_statistics", "true");
        properties.put("hibernate.session_factory.statement_inspector", updates);
        properties.put("hibernate.connection.pool_size", "4");
        if (encryptor != null) {
            properties.put(EncryptedEntities.FIELD_ENCRYPTOR, encryptor);
        }
        properties.putAll(extra);
        config.properties(properties);
        this.emf = Persistence.createEntityManagerFactory(config);
    }

    static TestUnit open(Database database, FieldEncryptor encryptor, Class<?>... entities) {
        return new TestUnit(database.newPlace(), encryptor, Map.of(), entities);
    }

    /** Opens another unit on the same tables, as a restarted application would. */
    TestUnit reopen(FieldEncryptor encryptor, Class<?>... entities) {
        close();
        return new TestUnit(place, encryptor, Map.of("jakarta.persistence.schema-generation.database.action", "none"), entities);
    }

    static TestUnit open(Database database, FieldEncryptor encryptor, Map<String, Object> extra, Class<?>... entities) {
        return new TestUnit(database.newPlace(), encryptor, extra, entities);
    }

    void run(Consumer<EntityManager> work) {
        emf.runInTransaction(work);
    }

    <R> R call(Function<EntityManager, R> work) {
        return emf.callInTransaction(work);
    }

    Statistics statistics() {
        return emf.unwrap(SessionFactory.class).getStatistics();
    }

    /** Counts SQL UPDATE statements and entity updates from now on. */
    void resetCounters() {
        statistics().clear();
        updates.count.set(0);
    }

    int updateStatements() {
        return updates.count.get();
    }

    long entityUpdates() {
        return statistics().getEntityUpdateCount();
    }

    /** Reads a column as stored, with plain JDBC. */
    String raw(String table, String column, Object id) {
        try (Connection c = place.connect();
             PreparedStatement s = c.prepareStatement("select " + column + " from " + place.table(table) + " where id = ?")) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new AssertionError("no row " + id + " in " + table);
                }
                return r.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a column with plain JDBC, as a person with database access could. */
    void write(String table, String column, Object id, String value) {
        sql("update " + place.table(table) + " set " + column + " = ? where id = ?", value, id);
    }

    int sql(String sql, Object... parameters) {
        try (Connection c = place.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        emf.close();
    }

    /** Counts UPDATE statements Hibernate sends. */
    static final class UpdateCounter implements StatementInspector {
        private static final long serialVersionUID = 1L;
        final AtomicInteger count = new AtomicInteger();

        @Override
        public String inspect(String sql) {
            if (sql.stripLeading().toLowerCase(Locale.ROOT).startsWith("update")) {
                count.incrementAndGet();
            }
            return sql;
        }
    }
}
