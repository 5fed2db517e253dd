package org.privacykit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/**
 * The default sink, through slf4j-simple (INFO to System.err), as a test run sees it. Only the sink's
 * own lines (logger {@code privacykit.audit}) are read: other code in the test JVM (Jazzer's agent)
 * may print to System.err at any time.
 */
class Slf4jAuditSinkTest {

    @Test
    void record_decision_logsOneLineThatSaysEachPartOnce() {
        String out = logged(AuditEvent.builder(AuditAction.REVEAL).time(Instant.EPOCH).field("Customer.diagnosis")
                .subject("c-1001").purpose("support").actor("agent-17").detail("RESTRICTED").build());

        assertThat(out.lines()).hasSize(1);
        assertThat(out).contains("REVEAL").contains("field=Customer.diagnosis").contains("subject=c-1001")
                .contains("purpose=support").contains("actor=agent-17").contains("detail=RESTRICTED");
        for (String part : new String[] {"REVEAL", "Customer.diagnosis", "c-1001", "support", "agent-17", "RESTRICTED"}) {
            assertThat(out.split(part, -1)).as(part + " in " + out).hasSize(2);
        }
    }

    @Test
    void record_eventsThatRepeatWithTraffic_areNotPrintedAtInfo() {
        assertThat(logged(AuditEvent.builder(AuditAction.KEY_CREATED).detail("key 1").build())).isEmpty();
        assertThat(logged(AuditEvent.builder(AuditAction.DECRYPT).field("Customer.diagnosis")
                .detail("RESTRICTED field decrypted").build())).isEmpty();
    }

    @Test
    void record_partsWithLineBreaks_cannotForgeALine() {
        String out = logged(AuditEvent.builder(AuditAction.EXPORT).actor("eve\nINFO privacykit.audit - ERASE").build());

        assertThat(out.lines()).hasSize(1);
        assertThat(out).contains("eve\\u000aINFO");
    }

    @Test
    void levelOf_decisionsAtInfo_repeatedEventsAtDebug() {
        assertThat(Slf4jAuditSink.levelOf(AuditAction.REVEAL)).isEqualTo(Level.INFO);
        assertThat(Slf4jAuditSink.levelOf(AuditAction.ERASE)).isEqualTo(Level.INFO);
        assertThat(Slf4jAuditSink.levelOf(AuditAction.KEY_ROTATED)).isEqualTo(Level.INFO);
        assertThat(Slf4jAuditSink.levelOf(AuditAction.DECRYPT)).isEqualTo(Level.DEBUG);
        assertThat(Slf4jAuditSink.levelOf(AuditAction.KEY_CREATED)).isEqualTo(Level.DEBUG);
        assertThat(Slf4jAuditSink.levelOf(AuditAction.KEY_RING_LOADED)).isEqualTo(Level.DEBUG);
    }

    private static String logged(AuditEvent event) {
        PrintStream saved = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            AuditSink.slf4j().record(event);
        } finally {
            System.setErr(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains(" privacykit.audit - "))
                .map(line -> line + "\n").collect(Collectors.joining());
    }
}
