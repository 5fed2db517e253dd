package org.privacykit.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * Issue 13.5: nonce state in the heap is cloned with a VM snapshot, a CRaC checkpoint or a VM clone.
 * A clone is simulated by two generators in the same state (the same seed), after which the real
 * kernel entropy diverges, as it does in two clones.
 */
class NonceSourceTest {
    private static final int DRAWS = 2_000;

    /** Entropy that gives {@code first} once (the state both clones share), then real randomness. */
    private static NonceSource.Entropy clonedFrom(byte[] first) {
        SecureRandom random = new SecureRandom();
        boolean[] used = {false};
        return (out, off, len) -> {
            if (!used[0]) {
                used[0] = true;
                System.arraycopy(first, 0, out, off, len);
            } else {
                byte[] b = new byte[len];
                random.nextBytes(b);
                System.arraycopy(b, 0, out, off, len);
            }
        };
    }

    private static int sameNonces(NonceSource a, NonceSource b) {
        int same = 0;
        byte[] x = new byte[12];
        byte[] y = new byte[12];
        for (int i = 0; i < DRAWS; i++) {
            a.fill(x, 0, 12);
            b.fill(y, 0, 12);
            if (Arrays.equals(x, y)) {
                same++;
            }
        }
        return same;
    }

    @Test
    void aCloneWithoutRestoreHook_repeatsAtMostTheRestOfOneBatch() {
        byte[] state = new byte[48];
        new SecureRandom().nextBytes(state);
        NonceSource original = new NonceSource(clonedFrom(state));
        NonceSource clone = new NonceSource(clonedFrom(state));
        int same = sameNonces(original, clone);
        assertThat(same).isEqualTo(NonceSource.BATCH_NONCES); // then each batch is keyed from the kernel again
        assertThat(NonceSource.BATCH_NONCES).isLessThanOrEqualTo(128);
    }

    @Test
    void afterRestore_everyGeneratorDropsItsBatch_soClonesShareNoNonce() {
        byte[] state = new byte[48];
        new SecureRandom().nextBytes(state);
        NonceSource original = new NonceSource(clonedFrom(state));
        NonceSource clone = new NonceSource(clonedFrom(state));
        byte[] warm = new byte[12];
        original.fill(warm, 0, 12); // both hold the same batch, as a snapshot would
        clone.fill(warm, 0, 12);
        Aead.afterSnapshotRestore(); // the public hook for platforms without CRaC
        assertThat(sameNonces(original, clone)).isZero();
    }

    /** The restore hook is wired to CRaC's API by reflection (exercised through a test double of {@code org.crac}). */
    @Test
    void cracRestore_reseedsThroughTheRegisteredResource() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        assertThat(RestoreHooks.register(runs::incrementAndGet)).isEqualTo(1); // org.crac here; jdk.crac absent
        NonceSource.next(new byte[12], 0, 12); // NonceSource registered itself when first used
        long before = NonceSource.epoch();
        org.crac.Core.checkpointRestore();
        assertThat(runs).hasValue(2); // before the checkpoint and after the restore
        assertThat(NonceSource.epoch()).isGreaterThanOrEqualTo(before + 2);
    }

    @Test
    void nonces_fromTheSystemSource_doNotRepeat_acrossManyBatches() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        byte[] n = new byte[12];
        for (int i = 0; i < 20 * NonceSource.BATCH_NONCES; i++) {
            NonceSource.next(n, 0, 12);
            assertThat(seen.add(java.util.HexFormat.of().formatHex(n))).isTrue();
        }
    }
}
