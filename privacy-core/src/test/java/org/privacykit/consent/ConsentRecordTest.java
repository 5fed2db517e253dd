package org.privacykit.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ConsentRecordTest {
    private static final Instant T = Instant.parse("2026-12-01T10:00:00.123456789Z");

    @Test
    void purpose_isTrimmedAndLowerCase_timeKeptToTheMicrosecond() {
        ConsentRecord r = ConsentRecord.of(" c-1 ", " Marketing ", ConsentDecision.GRANTED, T, "2026-11", "form");
        assertThat(r.subjectId()).isEqualTo("c-1");
        assertThat(r.purpose()).isEqualTo("marketing");
        assertThat(r.time()).isEqualTo(Instant.parse("2026-12-01T10:00:00.123456Z"));
    }

    @Test
    void consent_isForOneNamedPurpose_restrictionForAll() {
        assertThatThrownBy(() -> ConsentRecord.of("c-1", "*", ConsentDecision.GRANTED, T, "v", "s"))
                .hasMessageStartingWith("purpose: consent is given for one named purpose");
        assertThatThrownBy(() -> ConsentRecord.of("c-1", "marketing", ConsentDecision.RESTRICTED, T, "v", "s"))
                .hasMessageStartingWith("purpose: a restriction of processing applies to every purpose");
        assertThat(ConsentRecord.of("c-1", "*", ConsentDecision.WITHDRAWN, T, "v", "s").appliesTo("support")).isTrue();
    }

    @Test
    void badText_isRefused_namingTheComponent_neverTheValue() {
        assertThatThrownBy(() -> ConsentRecord.of(null, "p", ConsentDecision.GRANTED, T, "v", "s"))
                .hasMessage("subjectId is required");
        assertThatThrownBy(() -> ConsentRecord.of("c-1", "p", ConsentDecision.GRANTED, T, " ", "s"))
                .hasMessage("noticeVersion must not be blank");
        assertThatThrownBy(() -> ConsentRecord.of("c-1", "p", ConsentDecision.GRANTED, T, "v", "x".repeat(201)))
                .hasMessage("source is longer than 200 chars (201)");
        assertThatThrownBy(() -> ConsentRecord.of("secret\u0007id", "p", ConsentDecision.GRANTED, T, "v", "s"))
                .hasMessage("subjectId holds a control character at index 6");
        assertThatThrownBy(() -> ConsentRecord.of("c-1", "p\uD800x", ConsentDecision.GRANTED, T, "v", "s"))
                .hasMessage("purpose holds invalid UTF-16 (a lone surrogate at index 1)");
        assertThat(ConsentRecord.of("c-\uD83D\uDE00", "p", ConsentDecision.GRANTED, T, "v", "s").subjectId())
                .isEqualTo("c-\uD83D\uDE00");
    }
}
