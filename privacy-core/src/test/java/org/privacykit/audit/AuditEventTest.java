package org.privacykit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class AuditEventTest {

    @Test
    void builder_setsEveryPart() {
        Instant at = Instant.parse("2026-11-29T10:00:00Z");
        AuditEvent event = AuditEvent.builder(AuditAction.REVEAL).time(at).field("Customer.email").subject("c-1")
                .purpose("support").actor("alice").detail("key 7").build();

        assertThat(event.action()).isEqualTo(AuditAction.REVEAL);
        assertThat(event.time()).isEqualTo(at);
        assertThat(event.field()).isEqualTo("Customer.email");
        assertThat(event.subjectId()).isEqualTo("c-1");
        assertThat(event.purpose()).isEqualTo("support");
        assertThat(event.actor()).isEqualTo("alice");
        assertThat(event.detail()).isEqualTo("key 7");
        assertThat(event).hasToString("AuditEvent[REVEAL at 2026-11-29T10:00:00Z, field=Customer.email, "
                + "subject=c-1, purpose=support, actor=alice, detail=key 7]");
        assertThat(event).isEqualTo(AuditEvent.builder(AuditAction.REVEAL).time(at).field("Customer.email")
                .subject("c-1").purpose("support").actor("alice").detail("key 7").build());
    }

    @Test
    void builder_defaultsTimeToNow() {
        Instant before = Instant.now();
        AuditEvent event = AuditEvent.builder(AuditAction.KEY_ROTATED).build();

        assertThat(event.time()).isBetween(before, Instant.now());
        assertThat(event.field()).isNull();
        assertThat(event).hasToString("AuditEvent[KEY_ROTATED at " + event.time() + "]");
    }

    @Test
    void inMemorySink_keepsEventsByAction() {
        InMemoryAuditSink sink = new InMemoryAuditSink();
        sink.record(AuditEvent.builder(AuditAction.REVEAL).field("a").build());
        sink.record(AuditEvent.builder(AuditAction.ERASE).subject("c-1").build());

        assertThat(sink.events()).hasSize(2);
        assertThat(sink.events(AuditAction.ERASE)).extracting(AuditEvent::subjectId).containsExactly("c-1");
        sink.clear();
        assertThat(sink.events()).isEmpty();
    }

    @Test
    void slf4jAndNoopSinks_acceptEvents() {
        AuditEvent event = AuditEvent.builder(AuditAction.DECRYPT).field("Customer.diagnosis").subject("c-1").build();

        assertThatCode(() -> AuditSink.slf4j().record(event)).doesNotThrowAnyException();
        assertThatCode(() -> AuditSink.noop().record(event)).doesNotThrowAnyException();
        assertThat(AuditSink.slf4j()).hasToString("AuditSink[slf4j privacykit.audit]");
    }

    @Test
    void toString_isOneLine_whateverTheFieldsHold() {
        AuditEvent event = AuditEvent.builder(AuditAction.REVEAL).time(java.time.Instant.EPOCH)
                .field("Customer.email").subject("c-1\rc-2").purpose("support")
                .actor("mallory\nAuditEvent[REVEAL at 1970-01-01T00:00:00Z, actor=admin]\u2028").build();
        assertThat(event.toString()).doesNotContain("\n").doesNotContain("\r").doesNotContain("\u2028")
                .isEqualTo("AuditEvent[REVEAL at 1970-01-01T00:00:00Z, field=Customer.email, subject=c-1\\u000dc-2,"
                        + " purpose=support, actor=mallory\\u000aAuditEvent[REVEAL at 1970-01-01T00:00:00Z,"
                        + " actor=admin]\\u2028]");
        assertThat(event.actor()).contains("\n"); // the event keeps what it was given; only its text is escaped
    }
}
