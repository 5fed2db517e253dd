package org.privacykit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacykit.annotation.EncryptionMode.DETERMINISTIC;
import static org.privacykit.annotation.PersonalDataType.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.Sensitive;
import org.privacykit.annotation.SubjectId;
import org.privacykit.anonymize.Anonymizer;
import org.privacykit.audit.AuditEvent;
import org.privacykit.audit.AuditSink;
import org.privacykit.audit.InMemoryAuditSink;
import org.privacykit.crypto.FieldEncryptor;
import org.privacykit.crypto.KeyRing;
import org.privacykit.crypto.SubjectKeyStore;
import org.privacykit.detect.Checksums;
import org.privacykit.inventory.DataInventory;
import org.privacykit.inventory.PrivacyLint;
import org.privacykit.jackson.PrivacyModule;
import org.privacykit.mask.Masked;
import org.privacykit.metadata.PrivacyMetadata;
import org.privacykit.rights.SubjectRights;
import org.privacykit.spi.FieldContext;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * The leak probe: generated personal values of every type, pushed through every channel a user has
 * (toString, the Jackson masking mapper, privacy-logback, exception messages, audit events, the
 * inventory and lint, anonymized copies, encrypted copies), counting each value that appears in
 * clear where the policy says it must not. Any leak fails the test. Each value is long and random
 * (letters and digits no other value shares), so finding it is a leak, not a coincidence; dates,
 * which have too few values for that, are compared field by field.
 *
 * <p>Run with {@code -Dleakprobe.readme=README.md} (a path) to write the figures into the README
 * between its {@code leak-probe} markers, with the date and the machine.
 */
class LeakProbeTest {
    private static final long SEED = 20_261_203L;
    private static final int PEOPLE = 40;

    /** An address; it masks its toString, as lint asks. */
    public record Address(@PersonalData(POSTAL_ADDRESS) String street, @PersonalData(POSTCODE) String postcode,
                          String country) {
        @Override
        public String toString() {
            return Masked.toString(this);
        }
    }

    /** One field of every personal data type, a secret, a password, nested values and personal map keys. */
    public record Person(@SubjectId String id,
                         @PersonalData(NAME) String name,
                         @PersonalData(EMAIL) @Encrypted(mode = DETERMINISTIC) String email,
                         @PersonalData(PHONE) String phone,
                         @PersonalData(DATE_OF_BIRTH) LocalDate born,
                         @PersonalData(NATIONAL_ID) @Encrypted String ssn,
                         @PersonalData(PASSPORT) @Encrypted String passport,
                         @PersonalData(PAYMENT_CARD) @Encrypted String card,
                         @PersonalData(IBAN) @Encrypted String iban,
                         @PersonalData(BANK_ACCOUNT) String account,
                         @PersonalData(IP_ADDRESS) String ip,
                         @PersonalData(DEVICE_ID) String device,
                         @PersonalData(GEOLOCATION) String location,
                         @PersonalData(USERNAME) String login,
                         @PersonalData(HEALTH) @Encrypted String diagnosis,
                         @PersonalData(BIOMETRIC) @Encrypted String faceprint,
                         @PersonalData(GENETIC) @Encrypted String genome,
                         @PersonalData(ETHNIC_ORIGIN) @Encrypted String ethnicity,
                         @PersonalData(POLITICAL_OPINION) @Encrypted String politics,
                         @PersonalData(RELIGION) @Encrypted String religion,
                         @PersonalData(TRADE_UNION) @Encrypted String union,
                         @PersonalData(SEX_LIFE) @Encrypted String orientation,
                         @PersonalData(CRIMINAL_RECORD) @Encrypted String conviction,
                         @PersonalData(FREE_TEXT) @Encrypted String note,
                         @PersonalData(OTHER) String other,
                         @Sensitive @Encrypted String apiToken,
                         @Sensitive char[] password,
                         Address home,
                         List<Address> previous,
                         Map<@PersonalData(EMAIL) String, Integer> loginsByEmail,
                         @PersonalData(PHONE) @Encrypted List<String> otherPhones,
                         String plan) {
        @Override
        public String toString() {
            return Masked.toString(this);
        }
    }

    /** One generated value: where it sits, its type (or SECRET), its text, and whether it is {@code @Encrypted}. */
    record Value(String field, String type, String text, boolean encrypted) {
    }

    /** A person and every value generated for it. */
    record Probe(Person person, List<Value> values) {
    }

    // ------------------------------------------------------------------ generated people

    private static final class Generator {
        private final Random random = new Random(SEED);
        private int serial;

        String letters(int n) {
            StringBuilder out = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                out.append((char) ('a' + random.nextInt(26)));
            }
            return out.toString();
        }

        String digits(int n) {
            StringBuilder out = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                out.append((char) ('0' + random.nextInt(10)));
            }
            return out.toString();
        }

        int between(int low, int high) {
            return low + random.nextInt(high - low + 1);
        }

        Probe person() {
            List<Value> values = new ArrayList<>();
            String id = "p-" + (++serial);
            String name = put(values, "name", "NAME", "Q" + letters(6) + " Z" + letters(8), false);
            String email = put(values, "email", "EMAIL", letters(8) + "." + letters(6) + "@probe-" + letters(6)
                    + ".example", true);
            String phone = put(values, "phone", "PHONE", "+44 20 7" + digits(3) + " " + digits(4), false);
            // never the first of January: a date generalized to its year is that day, which would be its own value
            LocalDate born = LocalDate.ofYearDay(between(1940, 2005), between(2, 360));
            values.add(new Value("born", "DATE_OF_BIRTH", born.toString(), false));
            String ssn = put(values, "ssn", "NATIONAL_ID", between(100, 665) + "-" + between(10, 99) + "-"
                    + between(1000, 9999), true);
            String passport = put(values, "passport", "PASSPORT", "P" + digits(9), true);
            String pan = "4" + digits(14);
            pan = pan + Checksums.luhnCheckDigit(pan);
            String card = put(values, "card", "PAYMENT_CARD", pan.substring(0, 4) + " " + pan.substring(4, 8) + " "
                    + pan.substring(8, 12) + " " + pan.substring(12), true);
            String bban = digits(18);
            String iban = put(values, "iban", "IBAN", "DE" + Checksums.ibanCheckDigits("DE", bban) + bban, true);
            String account = put(values, "account", "BANK_ACCOUNT", "ACC" + digits(9), false);
            String ip = put(values, "ip", "IP_ADDRESS", "10." + between(100, 254) + "." + between(100, 254) + "."
                    + between(100, 254), false);
            String device = put(values, "device", "DEVICE_ID", "dev-" + letters(16), false);
            String location = put(values, "location", "GEOLOCATION", between(10, 60) + "." + digits(5) + ","
                    + between(10, 60) + "." + digits(5), false);
            String login = put(values, "login", "USERNAME", "u" + letters(11), false);
            String diagnosis = put(values, "diagnosis", "HEALTH", "diagnosis " + letters(12), true);
            String faceprint = put(values, "faceprint", "BIOMETRIC", "face " + letters(12), true);
            String genome = put(values, "genome", "GENETIC", "genome " + letters(12), true);
            String ethnicity = put(values, "ethnicity", "ETHNIC_ORIGIN", "origin " + letters(12), true);
            String politics = put(values, "politics", "POLITICAL_OPINION", "opinion " + letters(12), true);
            String religion = put(values, "religion", "RELIGION", "faith " + letters(12), true);
            String union = put(values, "union", "TRADE_UNION", "union " + letters(12), true);
            String orientation = put(values, "orientation", "SEX_LIFE", "orientation " + letters(12), true);
            String conviction = put(values, "conviction", "CRIMINAL_RECORD", "conviction " + letters(12), true);
            String note = put(values, "note", "FREE_TEXT", "note " + letters(16), true);
            String other = put(values, "other", "OTHER", "other" + letters(10), false);
            String token = put(values, "apiToken", "SECRET", "sk_live_" + letters(24), true);
            String password = put(values, "password", "SECRET", "pw" + letters(14), false);
            String street = put(values, "home.street", "POSTAL_ADDRESS", between(10, 999) + " " + capital(letters(9))
                    + " Street, " + capital(letters(8)), false);
            String postcode = put(values, "home.postcode", "POSTCODE", "Q" + digits(1) + letters(1).toUpperCase(Locale.ROOT)
                    + " " + digits(1) + letters(2).toUpperCase(Locale.ROOT) + digits(2), false);
            String oldStreet = put(values, "previous[0].street", "POSTAL_ADDRESS", between(10, 999) + " "
                    + capital(letters(9)) + " Road, " + capital(letters(8)), false);
            String loginEmail = put(values, "loginsByEmail{key}", "EMAIL", letters(9) + "@keys-" + letters(6)
                    + ".example", false);
            String otherPhone = put(values, "otherPhones[0]", "PHONE", "+44 161 4" + digits(2) + " " + digits(4), true);
            Map<String, Integer> logins = new LinkedHashMap<>();
            logins.put(loginEmail, between(1, 99));
            Person person = new Person(id, name, email, phone, born, ssn, passport, card, iban, account, ip, device,
                    location, login, diagnosis, faceprint, genome, ethnicity, politics, religion, union, orientation,
                    conviction, note, other, token, password.toCharArray(), new Address(street, postcode, "GB"),
                    List.of(new Address(oldStreet, postcode, "GB")), logins, List.of(otherPhone), "gold");
            return new Probe(person, values);
        }

        private static String capital(String s) {
            return Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }

        private static String put(List<Value> values, String field, String type, String text, boolean encrypted) {
            values.add(new Value(field, type, text, encrypted));
            return text;
        }
    }

    // ------------------------------------------------------------------ the tally

    /** Values checked and leaks found, per channel. */
    private static final class Tally {
        final Map<String, int[]> channels = new LinkedHashMap<>();
        final List<String> leaks = new ArrayList<>();

        /** Checks that a text holds none of the values; each value counted once per channel and output. */
        void check(String channel, String output, Collection<Value> values) {
            int[] counts = channels.computeIfAbsent(channel, c -> new int[2]);
            for (Value v : values) {
                counts[0]++;
                if (output.contains(v.text())) {
                    counts[1]++;
                    leaks.add(channel + ": " + v.field() + " (" + v.type() + ")");
                }
            }
        }

        /** Records one comparison a channel makes field by field (a date in a copy). */
        void compare(String channel, String field, boolean leaked) {
            int[] counts = channels.computeIfAbsent(channel, c -> new int[2]);
            counts[0]++;
            if (leaked) {
                counts[1]++;
                leaks.add(channel + ": " + field);
            }
        }

        int checks() {
            return channels.values().stream().mapToInt(c -> c[0]).sum();
        }

        int found() {
            return channels.values().stream().mapToInt(c -> c[1]).sum();
        }
    }

    private static List<Value> texts(Probe probe) {
        return probe.values().stream().filter(v -> !v.type().equals("DATE_OF_BIRTH")).toList();
    }

    // ------------------------------------------------------------------ the probe

    @Test
    void noPersonalValueAppearsInClearOnAnyChannel() throws Exception {
        Generator generator = new Generator();
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            probes.add(generator.person());
        }
        Tally tally = new Tally();
        KeyRing keys = KeyRing.builder().auditSink(AuditSink.noop()).generate();
        InMemoryAuditSink audit = new InMemoryAuditSink();
        FieldEncryptor fields = FieldEncryptor.builder(keys).subjectKeyStore(SubjectKeyStore.inMemory())
                .auditSink(audit).build();
        ObjectMapper api = JsonMapper.builder().addModule(new JavaTimeModule()).addModule(PrivacyModule.masking(audit))
                .build();
        ObjectMapper store = JsonMapper.builder().addModule(new JavaTimeModule())
                .addModule(PrivacyModule.encrypting(fields, audit)).build();
        Anonymizer anonymizer = Anonymizer.withKey(org.privacykit.test.PrivacyFixtures.secret("leak-probe"));

        try (CapturedLogs logs = CapturedLogs.open()) {
            for (Probe probe : probes) {
                Person person = probe.person();
                List<Value> all = texts(probe);

                // toString: every value is masked or redacted on the log channel
                tally.check("toString (Masked)", person.toString() + Masked.toString(List.of(person)), all);

                // Jackson masking mapper, no purpose declared: CONFIDENTIAL and RESTRICTED values are not shown
                tally.check("Jackson masking mapper", api.writeValueAsString(person), apiProtected(all));

                // privacy-logback: an annotated argument, a container, MDC and key-values by masked key, and an
                // exception whose message quotes values the detector knows
                Logger log = logs.logger("probe");
                MDC.put("email", person.email());
                log.atInfo().addKeyValue("email", person.email()).log("signed up {}", person);
                log.info("family {}", List.of(person, Map.of("spouse", person)));
                log.warn("payment failed", new IllegalStateException("card " + person.card() + " declined for "
                        + person.email() + " from " + person.ip()));
                MDC.clear();

                // encrypted copies: FieldEncryptor's and the Jackson encrypting mapper's
                Person stored = fields.encrypt(person);
                List<Value> encrypted = all.stream().filter(Value::encrypted).toList();
                tally.check("encrypted copies", strings(stored) + store.writeValueAsString(person), encrypted);
                assertThat(fields.decrypt(stored)).usingRecursiveComparison().isEqualTo(person);

                // anonymized copies: no text value, and no date as it was
                Person copy = anonymizer.anonymize(person);
                tally.check("anonymized copies", strings(copy), all);
                tally.compare("anonymized copies", "born", person.born().equals(copy.born()));

                // exception messages and stack traces on privacy-kit's paths
                tally.check("exception messages", failures(person, fields, anonymizer, api), all);
            }
            String logged = logs.text();
            for (Probe probe : probes) {
                tally.check("privacy-logback output", logged, texts(probe));
            }

            // audit events: decrypting RESTRICTED fields, reveals, export, erasure
            SubjectRights rights = SubjectRights.builder(anonymizer).auditSink(audit).cryptoShredder(fields).build();
            rights.export(probes.get(0).person().id(), List.of(probes.get(0).person()));
            rights.erase(probes.get(1).person().id(), List.of(probes.get(1).person()));
            StringBuilder events = new StringBuilder();
            for (AuditEvent event : audit.events()) {
                events.append(event).append('\n');
            }
            assertThat(audit.events()).isNotEmpty();
            // inventory and lint: they describe fields, never values
            String inventory = DataInventory.scan(Person.class).toJson() + DataInventory.scan(Person.class).toMarkdown()
                    + DataInventory.scan(Person.class).toHtml() + PrivacyLint.check(Person.class);
            for (Probe probe : probes) {
                tally.check("audit events", events.toString(), texts(probe));
                tally.check("inventory and lint", inventory, texts(probe));
            }
        }

        int values = probes.stream().mapToInt(p -> p.values().size()).sum();
        String figures = figures(values, tally);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "leak-probe.md"), figures);
        String readme = System.getProperty("leakprobe.readme");
        if (readme != null && !readme.isBlank()) {
            writeIntoReadme(Path.of(readme), figures);
        }
        assertThat(tally.leaks).as("values in clear where the policy forbids them").isEmpty();
        assertThat(tally.channels).hasSize(8);
    }

    /** The values the API channel must not show: CONFIDENTIAL and RESTRICTED (INTERNAL types are clear there). */
    private static List<Value> apiProtected(List<Value> values) {
        Set<String> internal = Set.of("POSTCODE", "IP_ADDRESS", "DEVICE_ID", "USERNAME", "OTHER");
        return values.stream().filter(v -> !internal.contains(v.type())).toList();
    }

    /** Everything privacy-kit's paths throw for this person, messages and stack traces, as one text. */
    private static String failures(Person person, FieldEncryptor fields, Anonymizer anonymizer, ObjectMapper api) {
        StringBuilder out = new StringBuilder();
        List<ThrowingCall> calls = List.of(
                () -> fields.encrypt(FieldContext.of("Probe.email", DETERMINISTIC), person.email() + "\uD800"),
                () -> fields.decrypt(FieldContext.of("Probe.note", org.privacykit.annotation.EncryptionMode.RANDOMIZED),
                        person.note()),
                () -> fields.encrypt(new Strict(person.email())),
                () -> fields.encrypt(new Unstorable(person.born(), person.name())),
                () -> anonymizer.anonymize(new Strict(person.email())),
                () -> {
                    PrivacyMetadata.walk(new ThrowingGetter(person.email()), (path, p, v, s) -> { });
                    return "walked";
                },
                () -> Masked.toString(new ThrowingGetter(person.email())),
                () -> api.writeValueAsString(new Strict(person.email())));
        for (ThrowingCall call : calls) {
            try {
                out.append(call.run()).append('\n');
            } catch (Exception e) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                out.append(trace).append('\n');
            }
        }
        return out.toString();
    }

    @FunctionalInterface
    private interface ThrowingCall {
        Object run() throws Exception;
    }

    /** A record whose constructor rejects what a copy puts in it, quoting the value in its message. */
    public record Strict(@PersonalData(EMAIL) @Encrypted String email) {
        public Strict {
            if (email == null || !email.contains("@")) {
                throw new IllegalArgumentException("not an e-mail: " + email);
            }
        }

        @Override
        public String toString() {
            return Masked.toString(this);
        }
    }

    /** A date a FieldEncryptor copy cannot hold encrypted. */
    public record Unstorable(@PersonalData(DATE_OF_BIRTH) @Encrypted LocalDate born, @PersonalData(NAME) String name) {
        @Override
        public String toString() {
            return Masked.toString(this);
        }
    }

    /** A getter that fails, quoting the value. */
    public static final class ThrowingGetter {
        private final String backup;

        ThrowingGetter(String backup) {
            this.backup = backup;
        }

        @PersonalData(EMAIL)
        public String getBackup() {
            throw new IllegalStateException("cannot read " + backup);
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Every string reachable from an object (fields, elements, keys, char arrays), as one text. */
    static String strings(Object root) throws IllegalAccessException {
        StringBuilder out = new StringBuilder();
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Object value = todo.pop();
            if (value instanceof String || value instanceof Number || value instanceof LocalDate) {
                out.append(value).append('\n');
            } else if (value instanceof char[] chars) {
                out.append(chars).append('\n');
            } else if (!seen.add(value)) {
                continue;
            } else if (value instanceof Optional<?> o) {
                o.ifPresent(todo::push);
            } else if (value instanceof Collection<?> c) {
                c.stream().filter(e -> e != null).forEach(todo::push);
            } else if (value instanceof Map<?, ?> m) {
                m.forEach((k, v) -> {
                    if (k != null) {
                        todo.push(k);
                    }
                    if (v != null) {
                        todo.push(v);
                    }
                });
            } else if (value.getClass().isRecord()) {
                for (RecordComponent c : value.getClass().getRecordComponents()) {
                    Field f;
                    try {
                        f = value.getClass().getDeclaredField(c.getName());
                    } catch (NoSuchFieldException e) {
                        throw new IllegalStateException(e);
                    }
                    f.setAccessible(true);
                    Object v = f.get(value);
                    if (v != null) {
                        todo.push(v);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String figures(int values, Tally tally) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("Leak probe (`LeakProbeTest`, ").append(LocalDate.now()).append(", ").append(machine())
                .append("): ").append(String.format(Locale.ROOT, "%,d", values)).append(" generated personal values (")
                .append(PEOPLE).append(" people, every `PersonalDataType`, a secret, a `char[]` password, nested"
                        + " addresses, a personal map key) through ").append(tally.channels.size())
                .append(" channels, ").append(String.format(Locale.ROOT, "%,d", tally.checks()))
                .append(" checks, **").append(tally.found()).append(" leaks**.\n\n")
                .append("| channel | values checked | in clear |\n| --- | --- | --- |\n");
        tally.channels.forEach((channel, counts) -> out.append("| ").append(channel).append(" | ")
                .append(String.format(Locale.ROOT, "%,d", counts[0])).append(" | ").append(counts[1]).append(" |\n"));
        if (!tally.leaks.isEmpty()) {
            out.append("\nLeaks: ").append(String.join("; ", new TreeMap<>(count(tally.leaks)).keySet())).append('\n');
        }
        return out.toString();
    }

    private static Map<String, Integer> count(List<String> leaks) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        leaks.forEach(l -> counts.merge(l, 1, Integer::sum));
        return counts;
    }

    private static String machine() throws IOException {
        String cpu = "";
        Path info = Path.of("/proc/cpuinfo");
        if (Files.isReadable(info)) {
            cpu = Files.readAllLines(info).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("");
        }
        return Runtime.getRuntime().availableProcessors() + "-core " + (cpu.isEmpty() ? System.getProperty("os.arch")
                : cpu) + ", JDK " + Runtime.version().feature();
    }

    private static void writeIntoReadme(Path readme, String figures) throws IOException {
        String text = Files.readString(readme);
        String begin = "<!-- leak-probe:begin -->";
        String end = "<!-- leak-probe:end -->";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException(readme + " has no leak-probe markers");
        }
        Files.writeString(readme, text.substring(0, from + begin.length()) + "\n" + figures + text.substring(to));
    }

    /** A private Logback context whose one appender writes privacy-logback's output to memory. */
    static final class CapturedLogs implements AutoCloseable {
        private static final String CONFIGURATION = """
                <configuration>
                  <appender name="OUT" class="org.privacykit.examples.LeakProbeTest$MemoryAppender">
                    <encoder class="org.privacykit.logback.PrivacyPatternLayoutEncoder">
                      <pattern>%msg %kvp %X%n%ex</pattern>
                      <maskKeys>email:EMAIL</maskKeys>
                    </encoder>
                  </appender>
                  <root level="DEBUG"><appender-ref ref="OUT"/></root>
                </configuration>
                """;

        private final LoggerContext context = new LoggerContext();

        static CapturedLogs open() throws JoranException {
            CapturedLogs logs = new CapturedLogs();
            logs.context.setMDCAdapter(MDC.getMDCAdapter());
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(logs.context);
            configurator.doConfigure(new ByteArrayInputStream(CONFIGURATION.getBytes(StandardCharsets.UTF_8)));
            return logs;
        }

        Logger logger(String name) {
            return context.getLogger(name);
        }

        String text() {
            return ((MemoryAppender) context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("OUT")).text();
        }

        @Override
        public void close() {
            context.stop();
        }
    }

    /** An appender over a byte array, configurable from XML. */
    public static final class MemoryAppender extends OutputStreamAppender<ILoggingEvent> {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public void start() {
            setOutputStream(bytes);
            super.start();
        }

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
