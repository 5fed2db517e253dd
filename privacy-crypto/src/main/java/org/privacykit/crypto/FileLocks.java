package org.privacykit.crypto;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Locks that exclude writers in this process and in every other process sharing a directory: each
 * lock file has a number of slots, and holding a slot means holding an in-process lock and the
 * operating system's byte-range lock on that byte of the file.
 *
 * <p>One channel per lock file for the life of the process, never closed: on POSIX systems closing
 * any channel of a file releases every lock the process holds on it, and the JDK refuses two
 * overlapping locks from one process, so the in-process lock is taken first and the file lock is
 * only ever requested once per slot. The registry holds channels and locks, never key material.
 */
final class FileLocks {
    private static final ConcurrentHashMap<Path, FileLocks> OPEN = new ConcurrentHashMap<>();

    private final FileChannel channel;
    private final ReentrantLock[] slots;

    private FileLocks(FileChannel channel, int slots) {
        this.channel = channel;
        this.slots = new ReentrantLock[slots];
        for (int i = 0; i < slots; i++) {
            this.slots[i] = new ReentrantLock();
        }
    }

    /**
     * Returns the locks of a lock file, creating the file (owner-only) when missing.
     *
     * @param lockFile the lock file
     * @param slots how many independent slots it has; every user of one file must agree
     */
    static FileLocks of(Path lockFile, int slots, FileOps ops) throws IOException {
        Path directory = lockFile.toAbsolutePath().getParent().toRealPath();
        Path key = directory.resolve(lockFile.getFileName().toString());
        FileLocks existing = OPEN.get(key);
        if (existing != null) {
            return existing;
        }
        synchronized (OPEN) {
            existing = OPEN.get(key);
            if (existing != null) {
                return existing;
            }
            if (!ops.exists(key)) {
                try {
                    ops.createEmpty(key);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    // another process created it first
                }
            }
            FileLocks locks = new FileLocks(FileChannel.open(key, StandardOpenOption.READ, StandardOpenOption.WRITE), slots);
            OPEN.put(key, locks);
            return locks;
        }
    }

    /** A held lock; closing releases it. */
    interface Held extends AutoCloseable {
        @Override
        void close() throws IOException;
    }

    /** Holds one slot, waiting for other threads and processes that hold it. */
    Held lock(int slot) throws IOException {
        ReentrantLock local = slots[slot];
        local.lock();
        try {
            FileLock file = channel.lock(slot, 1, false);
            return () -> {
                try {
                    file.release();
                } finally {
                    local.unlock();
                }
            };
        } catch (IOException | RuntimeException e) {
            local.unlock();
            throw e;
        }
    }

    /** Holds every slot at once (recovery when a store is opened), waiting for every holder. */
    Held lockAll() throws IOException {
        int taken = 0;
        try {
            for (ReentrantLock slot : slots) {
                slot.lock();
                taken++;
            }
            FileLock file = channel.lock(0, slots.length, false);
            return () -> {
                try {
                    file.release();
                } finally {
                    unlockFirst(slots.length);
                }
            };
        } catch (IOException | RuntimeException e) {
            unlockFirst(taken);
            throw e;
        }
    }

    private void unlockFirst(int n) {
        for (int i = n - 1; i >= 0; i--) {
            slots[i].unlock();
        }
    }

    int slots() {
        return slots.length;
    }
}
