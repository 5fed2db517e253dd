package org.privacykit.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** What every {@link ConsentStore} does; each implementation's test extends it. */
abstract class ConsentStoreContract {
    private static final Instant T = Instant.parse("2026-12-01T10:00:00.654321Z");

    abstract ConsentStore store();

    @Test
    void history_isEmptyForAnUnknownSubject() {
        assertThat(store().history("nobody")).isEmpty();
        assertThat(store().state("nobody").consented("marketing")).isFalse();
    }

    @Test
    void history_keepsEveryDecision_inOrder_withTimeVersionAndSource() {
        ConsentStore store = store();
        ConsentRecord granted = ConsentRecord.of("c-1", "marketing", ConsentDecision.GRANTED, T, "2026-11", "signup-form");
        ConsentRecord withdrawn = ConsentRecord.of("c-1", "marketing", ConsentDecision.WITHDRAWN, T, "2026-12",
                "preference-centre");
        ConsentRecord other = ConsentRecord.of("c-2", "support", ConsentDecision.GRANTED, T.plusSeconds(1), "2026-11", "call");
        store.record(granted);
        store.record(other);
        store.record(withdrawn);
        assertThat(store.history("c-1")).containsExactly(granted, withdrawn);
        assertThat(store.history("c-2")).containsExactly(other);
        assertThat(store.state("c-1").consented("marketing")).isFalse();
        assertThat(store.state("c-1").latest("Marketing")).contains(withdrawn);
    }

    @Test
    void sameTime_decisionsStillReadBackInTheOrderRecorded() {
        ConsentStore store = store();
        for (int i = 0; i < 20; i++) {
            store.record(ConsentRecord.of("c-3", "p", i % 2 == 0 ? ConsentDecision.GRANTED : ConsentDecision.WITHDRAWN,
                    T, "v" + i, "s"));
        }
        assertThat(store.history("c-3")).extracting(ConsentRecord::noticeVersion)
                .containsExactly("v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9", "v10", "v11", "v12", "v13",
                        "v14", "v15", "v16", "v17", "v18", "v19");
        assertThat(store.state("c-3").consented("p")).isFalse();
    }

    @Test
    void restriction_isReadBack() {
        ConsentStore store = store();
        store.record(ConsentRecord.of("c-4", "*", ConsentDecision.RESTRICTED, T, "v", "request r-1"));
        assertThat(store.state("c-4").restricted()).isTrue();
        store.record(ConsentRecord.of("c-4", "*", ConsentDecision.RESTRICTION_LIFTED, T, "v", "request r-1"));
        assertThat(store.state("c-4").restricted()).isFalse();
    }

    @Test
    void concurrentRecords_areAllKept() throws Exception {
        ConsentStore store = store();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        store.record(ConsentRecord.of("c-5", "p" + thread, ConsentDecision.GRANTED, T, "v", "s"));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.history("c-5")).hasSize(100);
    }

    @Test
    void toString_namesTheStore_notItsData() {
        ConsentStore store = store();
        store.record(ConsentRecord.of("c-secret", "p", ConsentDecision.GRANTED, T, "v", "s"));
        assertThat(store.toString()).doesNotContain("c-secret");
    }
}
