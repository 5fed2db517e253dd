package org.privacykit.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.privacykit.consent.ConsentFixtures.Customer;
import org.privacykit.metadata.RedactedException;

/**
 * The JDBC store on H2, always, and on PostgreSQL when {@code PRIVACYKIT_PG_URL} (or
 * {@code -Dprivacykit.pg.url}) names a server, as {@code .ci/postgres} does.
 */
class JdbcConsentStoreTest {
    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    static DataSource h2() {
        return new UrlDataSource("jdbc:h2:mem:consent_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
    }

    static String pgUrl() {
        String url = System.getProperty("privacykit.pg.url");
        if (url == null || url.isBlank()) {
            url = System.getenv("PRIVACYKIT_PG_URL");
        }
        return url == null || url.isBlank() ? null : url.trim();
    }

    static void execute(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Nested
    class OnH2 extends ConsentStoreContract {
        private final DataSource db = h2();
        private final ConsentStore store = ConsentStore.jdbc(db);

        @Override
        ConsentStore store() {
            return store;
        }

        @Test
        void withdrawalWrittenByAnotherProcess_takesEffectOnTheNextCheck() {
            ConsentStore elsewhere = JdbcConsentStore.builder(db).build();   // table exists: created once
            PurposeCheck check = PurposeCheck.builder(store).auditSink(event -> { }).build();
            elsewhere.record(ConsentRecord.of("c-1", "marketing", ConsentDecision.GRANTED, T, "v", "s"));
            assertThat(check.require(Processing.REVEAL, Customer.class, "email", "c-1", "marketing"))
                    .isEqualTo(PurposeVerdict.ALLOWED_BY_CONSENT);
            elsewhere.record(ConsentRecord.of("c-1", "marketing", ConsentDecision.WITHDRAWN, T, "v", "s"));
            assertThatThrownBy(() -> check.require(Processing.REVEAL, Customer.class, "email", "c-1", "marketing"))
                    .isInstanceOf(PurposeRefusedException.class);
        }

        @Test
        void namedTable_isCreatedOnce_andUsed() throws SQLException {
            execute(db, "CREATE SCHEMA privacy");
            JdbcConsentStore a = JdbcConsentStore.builder(db).table("privacy.consent").build();
            JdbcConsentStore b = JdbcConsentStore.builder(db).table("privacy.consent").build();
            a.record(ConsentRecord.of("c-1", "p", ConsentDecision.GRANTED, T, "v", "s"));
            assertThat(b.history("c-1")).hasSize(1);
            assertThat(store.history("c-1")).isEmpty();
            assertThat(a).hasToString("ConsentStore[jdbc privacy.consent]");
        }

        @Test
        void tableName_mustBeAPlainIdentifier() {
            assertThatThrownBy(() -> JdbcConsentStore.builder(db).table("consent; DROP TABLE x"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("table: not a plain SQL identifier");
        }

        @Test
        void missingTable_isAClearError_withARedactedCause() {
            JdbcConsentStore missing = JdbcConsentStore.builder(db).table("absent").createTable(false).build();
            assertThatThrownBy(() -> missing.history("c-secret"))
                    .isInstanceOf(ConsentStoreException.class)
                    .hasMessage("cannot read consent decisions from absent")
                    .hasCauseInstanceOf(RedactedException.class)
                    .satisfies(e -> assertThat(e.getCause().getMessage()).doesNotContain("c-secret"));
            assertThatThrownBy(() -> missing.record(ConsentRecord.of("c-secret", "p", ConsentDecision.GRANTED, T, "v", "s")))
                    .isInstanceOf(ConsentStoreException.class)
                    .hasMessage("cannot record a consent decision in absent");
        }

        @Test
        void unknownStoredDecision_isAClearError() throws SQLException {
            execute(db, "INSERT INTO privacykit_consent (subject_id, purpose, decision, decided_at, notice_version, source)"
                    + " VALUES ('c-9', 'p', 'MAYBE', TIMESTAMP WITH TIME ZONE '2026-12-01 10:00:00+00', 'v', 's')");
            assertThatThrownBy(() -> store.history("c-9"))
                    .isInstanceOf(ConsentStoreException.class)
                    .hasMessageStartingWith("privacykit_consent.decision holds an unknown decision (5 chars)");
        }

        @Test
        void createTableSql_isWhatMigrationsNeed() {
            assertThat(JdbcConsentStore.builder(db).createTable(false).build().createTableSql())
                    .hasSize(2)
                    .first().asString().startsWith("CREATE TABLE IF NOT EXISTS privacykit_consent (");
        }
    }

    @Nested
    class OnPostgreSql extends ConsentStoreContract {
        private final String url = pgUrl();
        private final String table = "consent_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        private DataSource db;
        private ConsentStore store;

        @BeforeEach
        void connect() {
            Assumptions.assumeTrue(url != null, "PostgreSQL run skipped: set PRIVACYKIT_PG_URL (or -Dprivacykit.pg.url),"
                    + " or run .ci/postgres");
            db = new UrlDataSource(url);
            store = JdbcConsentStore.builder(db).table(table).build();
        }

        @AfterEach
        void drop() throws SQLException {
            if (db != null) {
                execute(db, "DROP TABLE IF EXISTS " + table);
            }
        }

        @Override
        ConsentStore store() {
            return store;
        }
    }
}
