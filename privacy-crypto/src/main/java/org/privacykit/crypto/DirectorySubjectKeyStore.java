package org.privacykit.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Subject keys as files, durable and shared by every process that opens the directory:
 *
 * <pre>
 * salt            16 random bytes: file names are salted SHA-256 of subject ids
 * store.lock      operating-system locks, one byte per stripe of subjects
 * keys/NAME       a subject's wrapped key record
 * erased/NAME     a tombstone: the subject was forgotten
 * pending/NAME    a forget in progress (the journal recovery completes)
 * tmp/            records being written
 * </pre>
 *
 * <p>Every change of one subject holds its stripe's lock, in this process and in the others. A new
 * or re-wrapped record is written to {@code tmp/}, forced to disk, renamed into {@code keys/} (so no
 * second name ever points at a live key), and {@code keys/} is forced before the call returns. A
 * forget writes its journal entry and the tombstone, each forced, then deletes the key and forces
 * {@code keys/}. Opening the store, under every stripe's lock, deletes what a crash left in
 * {@code tmp/} (and the temporary files of earlier releases in {@code keys/}) and completes every
 * journalled forget; an empty key file (a record that never reached the disk) is deleted when met.
 * Files are owner-only, directories too.
 */
final class DirectorySubjectKeyStore implements SubjectKeyStore {
    /** Lock stripes: subjects hashing to different stripes are created, re-wrapped and forgotten in parallel. */
    private static final int STRIPES = 64;
    private static final int SALT_LENGTH = 16;
    /** A wrapped key record is 70 bytes; anything much larger is not one. */
    private static final int MAX_RECORD = 4096;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path root;
    private final Path keys;
    private final Path erased;
    private final Path pending;
    private final Path tmp;
    private final FileOps ops;
    private final FileLocks locks;
    private final byte[] salt;
    private final AtomicLong local = new AtomicLong();

    DirectorySubjectKeyStore(Path directory) throws IOException {
        this(directory, FileOps.DEFAULT);
    }

    @SuppressWarnings("try") // every stripe is held for the block
    DirectorySubjectKeyStore(Path directory, FileOps ops) throws IOException {
        this.ops = ops;
        this.root = directory.toAbsolutePath();
        this.keys = root.resolve("keys");
        this.erased = root.resolve("erased");
        this.pending = root.resolve("pending");
        this.tmp = root.resolve("tmp");
        for (Path d : new Path[] {keys, erased, pending, tmp}) {
            ops.createDirectories(d);
        }
        this.locks = FileLocks.of(root.resolve("store.lock"), STRIPES, ops);
        try (FileLocks.Held all = locks.lockAll()) {
            this.salt = salt();
            recover();
        }
    }

    /** Reads the salt, or makes it durably when the store is new. */
    private byte[] salt() throws IOException {
        Path file = root.resolve("salt");
        byte[] existing = ops.readIfExists(file, MAX_RECORD);
        if (existing != null && existing.length == SALT_LENGTH) {
            return existing;
        }
        if (existing != null && (existing.length != 0 || !ops.list(keys).isEmpty() || !ops.list(erased).isEmpty())) {
            throw new IOException("the subject key store's salt file is corrupted (" + existing.length + " bytes): " + file
                    + "; without it no subject key can be found");
        }
        if (existing != null) {
            // an empty salt in an empty store: a creation that never reached the disk
            ops.delete(file);
        }
        byte[] fresh = new byte[SALT_LENGTH];
        RANDOM.nextBytes(fresh);
        Path staged = temporary("salt");
        ops.writeNew(staged, fresh);
        ops.forceFile(staged);
        ops.rename(staged, file);
        ops.forceDirectory(root);
        return fresh;
    }

    /** Completes what a crash interrupted; runs while every stripe is held. */
    private void recover() throws IOException {
        boolean keysChanged = false;
        for (Path p : ops.list(tmp)) {
            ops.delete(p);
        }
        for (Path p : ops.list(keys)) {
            String n = p.getFileName().toString();
            if (n.startsWith(".") && n.endsWith(".tmp")) {
                // the temporary hard links of earlier releases
                keysChanged |= ops.delete(p);
            }
        }
        for (Path p : ops.list(pending)) {
            String name = p.getFileName().toString();
            if (!ops.exists(erased.resolve(name))) {
                ops.createEmpty(erased.resolve(name));
                ops.forceDirectory(erased);
            }
            keysChanged |= ops.delete(keys.resolve(name));
            if (keysChanged) {
                ops.forceDirectory(keys);
                keysChanged = false;
            }
            ops.delete(p);
        }
        if (keysChanged) {
            ops.forceDirectory(keys);
        }
    }

    private String fileName(String subjectId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return HexFormat.of().formatHex(sha.digest(subjectId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private FileLocks.Held lock(String name) throws IOException {
        return locks.lock(HexFormat.fromHexDigits(name, 0, 2) % STRIPES);
    }

    private Path temporary(String name) {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return tmp.resolve(name + "." + HexFormat.of().formatHex(random));
    }

    @Override
    public byte[] find(String subjectId) {
        String name = fileName(subjectId);
        try {
            byte[] record = ops.readIfExists(keys.resolve(name), MAX_RECORD);
            if (record != null && record.length == 0) {
                removeEmpty(name);
                return null;
            }
            return record;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a subject key", e);
        }
    }

    /** Deletes an empty key file: a record that never reached the disk, which no ciphertext can depend on. */
    @SuppressWarnings("try")
    private void removeEmpty(String name) throws IOException {
        try (FileLocks.Held held = lock(name)) {
            byte[] record = ops.readIfExists(keys.resolve(name), MAX_RECORD);
            if (record != null && record.length == 0 && ops.delete(keys.resolve(name))) {
                ops.forceDirectory(keys);
            }
        }
    }

    @Override
    @SuppressWarnings("try")
    public byte[] putIfAbsent(String subjectId, byte[] record) {
        String name = fileName(subjectId);
        try (FileLocks.Held held = lock(name)) {
            if (ops.exists(erased.resolve(name))) {
                return null;
            }
            Path target = keys.resolve(name);
            byte[] existing = ops.readIfExists(target, MAX_RECORD);
            if (existing != null && existing.length > 0) {
                return existing;
            }
            writeRecord(name, record);
            return record.clone();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store a subject key", e);
        }
    }

    /** Writes a record durably: a new file in {@code tmp/}, forced, renamed into {@code keys/}, {@code keys/} forced. */
    private void writeRecord(String name, byte[] record) throws IOException {
        Path staged = temporary(name);
        boolean moved = false;
        try {
            ops.writeNew(staged, record);
            ops.forceFile(staged);
            ops.rename(staged, keys.resolve(name));
            moved = true;
        } finally {
            if (!moved) {
                ops.delete(staged);
            }
        }
        ops.forceDirectory(keys);
    }

    @Override
    @SuppressWarnings("try")
    public boolean replace(String subjectId, byte[] expected, byte[] record) {
        String name = fileName(subjectId);
        try (FileLocks.Held held = lock(name)) {
            if (ops.exists(erased.resolve(name))) {
                return false;
            }
            byte[] current = ops.readIfExists(keys.resolve(name), MAX_RECORD);
            if (current == null || !Arrays.equals(current, expected)) {
                return false;
            }
            writeRecord(name, record);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot re-wrap a subject key", e);
        }
    }

    @Override
    @SuppressWarnings("try")
    public boolean forget(String subjectId) {
        String name = fileName(subjectId);
        try (FileLocks.Held held = lock(name)) {
            Path journal = pending.resolve(name);
            if (!ops.exists(journal)) {
                ops.createEmpty(journal);
                ops.forceDirectory(pending);
            }
            Path tombstone = erased.resolve(name);
            if (!ops.exists(tombstone)) {
                try {
                    ops.createEmpty(tombstone);
                } catch (FileAlreadyExistsException e) {
                    // forgotten by a process of an earlier release, which did not lock
                }
            }
            ops.forceDirectory(erased);
            boolean deleted = ops.delete(keys.resolve(name));
            ops.forceDirectory(keys);
            ops.delete(journal);
            local.incrementAndGet();
            // other processes read erased/'s modification time as their erasure generation
            Files.setLastModifiedTime(erased, FileTime.from(Instant.now()));
            return deleted;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot forget a subject", e);
        }
    }

    @Override
    public boolean isForgotten(String subjectId) {
        return ops.exists(erased.resolve(fileName(subjectId)));
    }

    @Override
    public long erasureGeneration() {
        try {
            Instant modified = Files.getLastModifiedTime(erased).toInstant();
            return local.get() * 31 + modified.getEpochSecond() * 1_000_000_007L + modified.getNano();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the erasure directory", e);
        }
    }

    @Override
    public String toString() {
        return "SubjectKeyStore[directory " + root + "]";
    }
}
