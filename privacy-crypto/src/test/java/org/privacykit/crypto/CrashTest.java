package org.privacykit.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacykit.annotation.EncryptionMode;
import org.privacykit.audit.AuditSink;
import org.privacykit.spi.FieldContext;
import org.privacykit.spi.SubjectErasedException;

/**
 * Kills child JVMs with {@code kill -9} at random points while two of them at a time share one key
 * ring file and one subject key store, encrypting, forgetting, rotating and reloading; then checks
 * every acknowledged write. A child acknowledges an operation by printing a line to its standard
 * output after the call returned; a line in the pipe survives the child's death, a line it never
 * finished printing was never acknowledged.
 *
 * <p>What must hold after any number of kills: every acknowledged value of a subject whose forget
 * was never acknowledged decrypts to itself (or, when a forget of it was interrupted, is erased);
 * every value of a subject whose forget was acknowledged is erased, and the store holds no key for
 * it; every value under ring keys decrypts, however many rotations happened since. Power loss is
 * covered by {@link DurabilityTest}; a kill cannot simulate it.
 */
class CrashTest {
    /** How long the test kills children for: about half a minute, whatever the machine's speed. */
    private static final long KILLING_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final int MIN_LIFE_MILLIS = 150;
    private static final int MAX_LIFE_MILLIS = 1_800;
    /** How long a child JVM may take to acknowledge its first write before its life starts anyway. */
    private static final int STARTUP_SECONDS = 60;
    /** Subjects shared by all children; forgets are rare enough that most stay alive to the end. */
    private static final int SUBJECTS = 60;
    private static final FieldContext NOTE = FieldContext.of("Crash.note", EncryptionMode.RANDOMIZED);
    private static final FieldContext EMAIL = FieldContext.of("Crash.email", EncryptionMode.DETERMINISTIC);

    static KeyEncryptionKey kek() throws Exception {
        return KeyEncryptionKey.aes("crash-test", new byte[32]);
    }

    /** One child process: loops over random operations until it is killed. */
    static final class Child {
        public static void main(String[] args) throws Exception {
            Path dir = Path.of(args[0]);
            Random random = new Random(Long.parseLong(args[1]));
            PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
            Path ringFile = dir.resolve("keys.pkkr");
            KeyRing keys;
            try {
                keys = KeyRing.builder().auditSink(AuditSink.noop()).create(ringFile, kek());
            } catch (FileAlreadyExistsException e) {
                keys = KeyRing.builder().auditSink(AuditSink.noop()).open(ringFile, kek());
            }
            FieldEncryptor fields = FieldEncryptor.builder(keys).subjectKeyStore(SubjectKeyStore.directory(dir.resolve("subjects")))
                    .auditSink(AuditSink.noop()).build();
            List<String[]> mine = new ArrayList<>();
            for (long n = 0; ; n++) {
                int op = random.nextInt(100);
                String subject = "s-" + random.nextInt(SUBJECTS);
                if (op < 45) {
                    String value = "v-" + args[1] + "-" + n;
                    FieldContext field = random.nextInt(3) == 0 ? NOTE : NOTE.withSubject(subject);
                    try {
                        String c = fields.encrypt(field, value);
                        String[] ack = {"ENC", field.subjectId() == null ? "-" : subject, value, c};
                        mine.add(ack);
                        out.println(String.join("\t", ack));
                    } catch (SubjectErasedException e) {
                        out.println("REFUSED\t" + subject);
                    }
                } else if (op < 55) {
                    String value = "d-" + args[1] + "-" + n;
                    String c = fields.encrypt(EMAIL, value);
                    mine.add(new String[] {"DET", "-", value, c});
                    out.println("DET\t-\t" + value + "\t" + c);
                } else if (op < 63) {
                    out.println("ROT\t" + KeyEntry.name(keys.rotate()));
                } else if (op < 66) {
                    fields.forget(subject);
                    out.println("FGT\t" + subject);
                } else if (op < 77) {
                    keys.reload();
                    out.println("RLD");
                } else if (!mine.isEmpty()) {
                    String[] a = mine.get(random.nextInt(mine.size()));
                    FieldContext field = a[0].equals("DET") ? EMAIL : a[1].equals("-") ? NOTE : NOTE.withSubject(a[1]);
                    try {
                        String clear = fields.decrypt(field, a[3]);
                        out.println(clear.equals(a[2]) ? "OK" : "BAD\twrong value for " + a[2]);
                    } catch (SubjectErasedException e) {
                        out.println("ERASED\t" + a[1]);
                    } catch (Exception e) {
                        out.println("BAD\t" + a[2] + " " + e);
                    }
                }
                out.flush();
            }
        }
    }

    private record Ack(String kind, String subject, String value, String ciphertext) {
    }

    @Test
    void killedAtRandomPoints_twoProcessesAtATime_loseNoAcknowledgedValue(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Random random = new Random(20261203L);
        List<Ack> acks = Collections.synchronizedList(new ArrayList<>());
        List<String> bad = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> forgetAcks = Collections.synchronizedMap(new HashMap<>());
        long deadline = System.nanoTime() + KILLING_NANOS;
        int children = 0;
        int kills = 0;
        while (System.nanoTime() < deadline) {
            List<Process> running = new ArrayList<>();
            List<Thread> readers = new ArrayList<>();
            List<CountDownLatch> working = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Process p = new ProcessBuilder(java, "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp", classPath,
                        Child.class.getName(), dir.toString(), Long.toString(random.nextLong() & Long.MAX_VALUE))
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                children++;
                running.add(p);
                CountDownLatch firstLine = new CountDownLatch(1);
                working.add(firstLine);
                Thread reader = new Thread(() -> read(p, firstLine, acks, bad, forgetAcks));
                reader.start();
                readers.add(reader);
            }
            for (int i = 0; i < running.size(); i++) {
                Process p = running.get(i);
                // a child's life counts from its first acknowledgement, not from the start of a JVM that
                // a loaded machine may take seconds to bring up
                working.get(i).await(STARTUP_SECONDS, TimeUnit.SECONDS);
                Thread.sleep(MIN_LIFE_MILLIS + random.nextInt(MAX_LIFE_MILLIS - MIN_LIFE_MILLIS));
                p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block, no flush
                kills++;
            }
            for (Process p : running) {
                p.waitFor(30, TimeUnit.SECONDS);
            }
            for (Thread t : readers) {
                t.join(TimeUnit.SECONDS.toMillis(30));
            }
        }

        assertThat(bad).as("a child read back a wrong value").isEmpty();
        assertThat(acks).as("children acknowledged writes").hasSizeGreaterThan(children);
        verify(dir, acks, forgetAcks.keySet());
        System.out.printf("crash test: %d children killed, %d values acknowledged, %d subjects forgotten%n",
                kills, acks.size(), forgetAcks.size());
    }

    private static void read(Process p, CountDownLatch firstLine, List<Ack> acks, List<String> bad, Map<String, Integer> forgets) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder line = new StringBuilder();
            int ch;
            while ((ch = in.read()) >= 0) {
                if (ch != '\n') {
                    line.append((char) ch);
                    continue;
                }
                // only a whole line is an acknowledgement
                firstLine.countDown();
                String[] f = line.toString().split("\t", -1);
                line.setLength(0);
                switch (f[0]) {
                    case "ENC", "DET" -> acks.add(new Ack(f[0], f[1], f[2], f[3]));
                    case "FGT" -> forgets.merge(f[1], 1, Integer::sum);
                    case "BAD" -> bad.add(f[1]);
                    default -> {
                        // OK, ERASED, REFUSED, ROT, RLD
                    }
                }
            }
        } catch (java.io.IOException e) {
            // the child died mid-read
        }
    }

    /** Opens ring and store as a restarted process would (recovery runs) and checks every acknowledgement. */
    private static void verify(Path dir, List<Ack> acks, Set<String> forgotten) throws Exception {
        KeyRing keys = KeyRing.builder().auditSink(AuditSink.noop()).open(dir.resolve("keys.pkkr"), kek());
        SubjectKeyStore store = SubjectKeyStore.directory(dir.resolve("subjects"));
        FieldEncryptor fields = FieldEncryptor.builder(keys).subjectKeyStore(store).auditSink(AuditSink.noop()).build();
        Set<String> interrupted = new HashSet<>();
        for (Ack a : acks) {
            FieldContext field = a.kind().equals("DET") ? EMAIL : a.subject().equals("-") ? NOTE : NOTE.withSubject(a.subject());
            if (forgotten.contains(a.subject())) {
                try {
                    fields.decrypt(field, a.ciphertext());
                    fail("forgotten subject " + a.subject() + " came back: " + a.value() + " decrypts");
                } catch (SubjectErasedException expected) {
                    // erased for good
                }
                continue;
            }
            try {
                assertThat(fields.decrypt(field, a.ciphertext())).as(a.value()).isEqualTo(a.value());
            } catch (SubjectErasedException e) {
                interrupted.add(a.subject()); // a forget killed before it was acknowledged took effect
            }
        }
        for (String s : forgotten) {
            assertThat(store.isForgotten(s)).isTrue();
            assertThat(store.find(s)).as("key of forgotten " + s).isNull();
        }
        for (String s : interrupted) {
            assertThat(store.isForgotten(s)).as(s + " reads as erased, so it is forgotten").isTrue();
        }
        try (var files = Files.list(dir.resolve("subjects").resolve("keys"))) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .as("keys/ holds one file per subject, no second name of any key").allMatch(n -> n.matches("[0-9a-f]{64}"));
        }
        try (var tmp = Files.list(dir.resolve("subjects").resolve("tmp"))) {
            assertThat(tmp).as("recovery removed temporary files").isEmpty();
        }
        try (var pending = Files.list(dir.resolve("subjects").resolve("pending"))) {
            assertThat(pending).as("recovery completed interrupted forgets").isEmpty();
        }
    }
}
