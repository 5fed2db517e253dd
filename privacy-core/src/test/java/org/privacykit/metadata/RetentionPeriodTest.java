package org.privacykit.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class RetentionPeriodTest {

    @Test
    void parse_periodAndDuration() {
        assertThat(RetentionPeriod.parse("P10Y").iso()).isEqualTo("P10Y");
        assertThat(RetentionPeriod.parse(" p1y6m ").iso()).isEqualTo("P1Y6M");
        assertThat(RetentionPeriod.parse("PT12H").iso()).isEqualTo("PT12H");
    }

    @Test
    void expiry_calendarPeriodIsAppliedInUtc() {
        Instant collected = Instant.parse("2024-02-29T10:00:00Z");

        assertThat(RetentionPeriod.parse("P1Y").expiry(collected)).isEqualTo(Instant.parse("2025-02-28T10:00:00Z"));
        assertThat(RetentionPeriod.parse("PT12H").expiry(collected)).isEqualTo(Instant.parse("2024-02-29T22:00:00Z"));
    }

    @Test
    void isExpired_atAndAfterTheEnd() {
        RetentionPeriod days = RetentionPeriod.parse("P30D");
        Instant collected = Instant.parse("2026-01-01T00:00:00Z");

        assertThat(days.isExpired(collected, Instant.parse("2026-01-30T23:59:59Z"))).isFalse();
        assertThat(days.isExpired(collected, Instant.parse("2026-01-31T00:00:00Z"))).isTrue();
    }

    @Test
    void parse_invalidOrNonPositive_throwsWithTheText() {
        assertThatThrownBy(() -> RetentionPeriod.parse("10 years")).hasMessageContaining("'10 years'")
                .hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> RetentionPeriod.parse("P0D")).hasMessageContaining("positive");
        assertThatThrownBy(() -> RetentionPeriod.parse("PT-1H")).hasMessageContaining("positive");
        assertThatThrownBy(() -> RetentionPeriod.parse("")).hasMessageContaining("empty");
    }

    @Test
    void equalsByText() {
        assertThat(RetentionPeriod.parse("p2y")).isEqualTo(RetentionPeriod.parse("P2Y"))
                .hasSameHashCodeAs(RetentionPeriod.parse("P2Y"));
    }
}
