package org.privacykit.jpa;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The databases the suite runs on: H2 embedded, always; PostgreSQL when a JDBC URL is given in the
 * system property {@code privacykit.pg.url} or the environment variable {@code PRIVACYKIT_PG_URL}
 * (for example {@code jdbc:postgresql://127.0.0.1:55432/privacykit?user=postgres}; see
 * {@code .ci/postgres}), otherwise its runs are skipped with a message saying so.
 */
final class Database {
    static final Database H2 = new Database("H2", null);
    static final Database POSTGRESQL = new Database("PostgreSQL", pgUrl());

    private final String name;
    private final String url;

    private Database(String name, String url) {
        this.name = name;
        this.url = url;
    }

    /** The arguments of the suite's parameterized classes. */
    static List<Database> all() {
        return List.of(H2, POSTGRESQL);
    }

    private static String pgUrl() {
        String url = System.getProperty("privacykit.pg.url");
        if (url == null || url.isBlank()) {
            url = System.getenv("PRIVACYKIT_PG_URL");
        }
        return url == null || url.isBlank() ? null : url.trim();
    }

    boolean isH2() {
        return this == H2;
    }

    boolean available() {
        return isH2() || url != null;
    }

    String skipMessage() {
        return "PostgreSQL run skipped: no server given. Set PRIVACYKIT_PG_URL (or -Dprivacykit.pg.url) to a JDBC URL, "
                + "for example jdbc:postgresql://127.0.0.1:55432/privacykit?user=postgres, or run .ci/postgres";
    }

    /** A fresh, empty place for one persistence unit: an in-memory H2 database, or a PostgreSQL schema. */
    Place newPlace() {
        String id = "pk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return isH2() ? new Place("jdbc:h2:mem:" + id + ";DB_CLOSE_DELAY=-1", null) : new Place(url, id);
    }

    @Override
    public String toString() {
        return name;
    }

    /** Where one unit's tables live. */
    static final class Place {
        final String url;
        final String schema;

        Place(String url, String schema) {
            this.url = url;
            this.schema = schema;
        }

        Map<String, Object> properties() {
            Map<String, Object> p = new HashMap<>();
            p.put("jakarta.persistence.jdbc.url", url);
            if (schema != null) {
                p.put("hibernate.default_schema", schema);
                p.put("hibernate.hbm2ddl.create_namespaces", "true");
            }
            return p;
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(url);
        }

        /** The table name to use in plain SQL. */
        String table(String table) {
            return schema == null ? table : schema + "." + table;
        }
    }
}
