package org.privacykit.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.discovery.ColumnReport.Storage;
import org.privacykit.discovery.ColumnReport.Verdict;

/**
 * Discovery over a real database: H2 always, and the PostgreSQL server named by
 * {@code PRIVACYKIT_PG_URL} (or {@code -Dprivacykit.pg.url}) when one is given, as {@code .ci/postgres} does.
 */
class DiscoveryJdbcTest {

    /** A database with the fixture tables in a schema of their own. */
    record Place(Connection connection, String schema, List<String> written) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            if (!connection.getMetaData().getDatabaseProductName().equals("H2")) {
                try (Statement s = connection.createStatement()) {
                    s.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
            connection.close();
        }
    }

    static Place open(String database) throws SQLException {
        String id = "pk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (database.equals("h2")) {
            Connection c = DriverManager.getConnection("jdbc:h2:mem:" + id);
            return new Place(c, "PUBLIC", Fixtures.create(c, ""));
        }
        String url = System.getProperty("privacykit.pg.url");
        if (url == null || url.isBlank()) {
            url = System.getenv("PRIVACYKIT_PG_URL");
        }
        assumeThat(url).as("PostgreSQL run skipped: no server given. Set PRIVACYKIT_PG_URL (or -Dprivacykit.pg.url), "
                + "or run .ci/postgres").isNotBlank();
        Connection c = DriverManager.getConnection(url.trim());
        try (Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + id);
        }
        return new Place(c, id, Fixtures.create(c, id + "."));
    }

    private static String table(Place place, String name) {
        boolean h2 = place.schema().equals("PUBLIC");
        return place.schema() + "." + (h2 && !name.contains("<") ? name.toUpperCase(Locale.ROOT) : name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void scan_reportsTypesCountsDeclarationAndStorage_perColumn(String database) throws Exception {
        try (Place place = open(database)) {
            Discovery discovery = Discovery.builder().inventory(Fixtures.inventory()).schema(place.schema()).build();

            DiscoveryReport report = discovery.scan(place.connection());

            TableReport customers = report.table(table(place, "customers"));
            assertThat(customers.rowsSampled()).isEqualTo(Fixtures.ROWS);
            ColumnReport email = customers.column("email");
            assertThat(email.verdict()).isEqualTo(Verdict.DECLARED);
            assertThat(email.declaredBy()).isEqualTo(Fixtures.Customer.class.getName() + ".email");
            assertThat(email.found()).containsExactly(new ColumnReport.TypeCount(PersonalDataType.EMAIL, Fixtures.ROWS));
            assertThat(email.storage()).isEqualTo(Storage.CLEAR);
            assertThat(email.maskedExample()).matches("c\\*+@mail\\.example\\.com");

            ColumnReport card = customers.column("card");
            assertThat(card.verdict()).isEqualTo(Verdict.DECLARED);
            assertThat(card.storage()).isEqualTo(Storage.ENCRYPTED);
            assertThat(card.ciphertexts()).isEqualTo(Fixtures.ROWS);
            assertThat(card.keyIds()).containsExactly("01020304", "0a0b0c0d");
            assertThat(card.found()).isEmpty();

            ColumnReport ssn = customers.column("ssn");
            assertThat(ssn.verdict()).isEqualTo(Verdict.DECLARED_ENCRYPTED_BUT_CLEAR);
            assertThat(ssn.found()).extracting(ColumnReport.TypeCount::type).containsExactly(PersonalDataType.NATIONAL_ID);

            ColumnReport name = customers.column("full_name");
            assertThat(name.verdict()).isEqualTo(Verdict.UNDECLARED);
            assertThat(name.nameSuggests()).isEqualTo("NAME");
            assertThat(name.maskedExample()).isNull();

            ColumnReport notes = customers.column("notes");
            assertThat(notes.verdict()).isEqualTo(Verdict.UNDECLARED);
            assertThat(notes.found()).containsExactly(new ColumnReport.TypeCount(PersonalDataType.PHONE, Fixtures.ROWS / 4));
            assertThat(notes.nameSuggests()).isNull();

            assertThat(customers.column("password_hash").nameSuggests()).isEqualTo("SECRET");
            assertThat(customers.column("password_hash").verdict()).isEqualTo(Verdict.UNDECLARED);
            for (String none : List.of("id", "plan", "created", "active")) {
                assertThat(customers.column(none).verdict()).as(none).isEqualTo(Verdict.NONE);
            }
            assertThat(customers.column("active").sampled()).isZero(); // a boolean is not read

            ColumnReport token = report.table(table(place, "legacy_tokens")).column("token");
            assertThat(token.verdict()).isEqualTo(Verdict.ENCRYPTED);
            assertThat(token.keyIds()).containsExactly("01020304");

            assertThat(report.needsAction()).isTrue();
            assertThat(report.columns(Verdict.UNDECLARED)).contains(customers.name() + "." + notes.name());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void reports_neverHoldASampledValue(String database) throws Exception {
        try (Place place = open(database)) {
            DiscoveryReport report = Discovery.builder().inventory(Fixtures.inventory()).schema(place.schema()).build()
                    .scan(place.connection());

            List<String> outputs = new ArrayList<>(List.of(report.toJson(), report.toHtml(), report.toString()));
            report.tables().forEach(t -> outputs.add(t.toString()));
            for (String output : outputs) {
                for (String value : place.written()) {
                    assertThat(output).as("a report holds a sampled value").doesNotContain(value);
                }
            }
            String withoutExamples = Discovery.builder().schema(place.schema()).maskedExamples(false).build()
                    .scan(place.connection()).toJson();
            assertThat(withoutExamples).contains("\"maskedExample\": null").doesNotContain("@mail.example.com");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void sampleRows_boundsTheRowsRead_andTablePatternTheTables(String database) throws Exception {
        try (Place place = open(database)) {
            DiscoveryReport report = Discovery.builder().schema(place.schema()).sampleRows(7)
                    .tables(database.equals("h2") ? "CUST%" : "cust%").build().scan(place.connection());

            assertThat(report.tables()).hasSize(1);
            assertThat(report.tables().get(0).rowsSampled()).isEqualTo(7);
            assertThat(report.tables().get(0).column("email").sampled()).isEqualTo(7);
            assertThat(report.tables().get(0).column("email").verdict()).isEqualTo(Verdict.UNDECLARED);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void scan_runsInAReadOnlyTransaction_andRestoresTheConnection(String database) throws Exception {
        try (Place place = open(database)) {
            List<String> calls = new ArrayList<>();
            Connection spy = spy(place.connection(), calls);
            place.connection().setAutoCommit(true);

            Discovery.builder().schema(place.schema()).build().scan(spy);

            assertThat(calls.subList(0, 4)).containsExactly("isReadOnly", "getAutoCommit", "setReadOnly true",
                    "setAutoCommit false");
            assertThat(calls).filteredOn(c -> c.startsWith("executeQuery")).hasSize(3)
                    .allMatch(c -> c.startsWith("executeQuery SELECT "));
            assertThat(calls).noneMatch(c -> c.startsWith("execute ") || c.startsWith("executeUpdate")
                    || c.startsWith("prepare") || c.startsWith("commit"));
            assertThat(calls.subList(calls.size() - 3, calls.size())).containsExactly("rollback",
                    "setAutoCommit true", "setReadOnly false");
            assertThat(place.connection().isReadOnly()).isFalse();
            assertThat(place.connection().getAutoCommit()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void html_escapesHostileNames_andLoadsNothing(String database) throws Exception {
        try (Place place = open(database)) {
            DiscoveryReport report = Discovery.builder().schema(place.schema()).build().scan(place.connection());

            var loaded = org.privacykit.HeadlessBrowser.load(report.toHtml());

            assertThat(loaded.alerts()).isEmpty();
            assertThat(loaded.requested()).containsExactly(org.privacykit.HeadlessBrowser.PAGE);
            assertThat(loaded.page().getElementsByTagName("script")).isEmpty();
            assertThat(loaded.page().getElementsByTagName("b")).hasSize(5); // the summary cards' own
            assertThat(loaded.page().asNormalizedText()).contains("odd <b>table</b>", "<script>alert(1)</script>");
            assertThat(report.table(place.schema() + ".odd <b>table</b>").column("<script>alert(1)</script>").found())
                    .extracting(ColumnReport.TypeCount::type).containsExactly(PersonalDataType.EMAIL);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void unreadableTable_failsNamingIt_withoutTheDriversMessage(String database) throws Exception {
        try (Place place = open(database)) {
            Connection failing = failOnQuery(place.connection());

            assertThatThrownBy(() -> Discovery.builder().schema(place.schema()).tables(database.equals("h2") ? "CUST%"
                    : "cust%").build().scan(failing))
                    .isInstanceOf(DiscoveryException.class)
                    .hasMessageStartingWith("table " + table(place, "customers") + ": reading failed (SQLState 42000")
                    .hasMessageNotContaining("secret value")
                    .cause().hasMessageNotContaining("secret value");
            assertThat(place.connection().isReadOnly()).isFalse();
        }
    }

    /** A connection that records what is called on it and on its statements. */
    static Connection spy(Connection real, List<String> calls) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.startsWith("set") || name.equals("isReadOnly") || name.equals("getAutoCommit")
                            || name.equals("rollback") || name.equals("commit") || name.startsWith("prepare")) {
                        calls.add(name + (args != null && args.length == 1 && args[0] instanceof Boolean b ? " " + b : ""));
                    }
                    Object result = invoke(real, method, args);
                    if (result instanceof Statement statement) {
                        return Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {Statement.class},
                                (InvocationHandler) (p, m, a) -> {
                                    if (m.getName().startsWith("execute")) {
                                        calls.add(m.getName() + " " + a[0]);
                                    }
                                    return invoke(statement, m, a);
                                });
                    }
                    return result;
                });
    }

    /** A connection whose queries fail with a message that quotes a value, as some drivers' do. */
    static Connection failOnQuery(Connection real) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("createStatement")) {
                        throw new SQLException("cannot convert 'secret value' to a number", "42000");
                    }
                    return invoke(real, method, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
