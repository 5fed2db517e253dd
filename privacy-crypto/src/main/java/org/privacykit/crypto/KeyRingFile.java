package org.privacykit.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.UnaryOperator;

import org.privacykit.crypto.KeyRingStorageException.Reason;

/**
 * The file a stored {@link KeyRing} lives in, and the two files beside it:
 *
 * <ul>
 *   <li>{@code keys.pkkr}: the ring, replaced as a whole (new file forced to disk, renamed over the
 *       old one, directory forced) under an exclusive lock, so every reader sees one complete
 *       version and no change is lost to a concurrent writer in another process;
 *   <li>{@code keys.pkkr.lock}: the lock file (an operating-system lock held only while changing);
 *   <li>{@code keys.pkkr.version}: the version witness, the highest ring version written here,
 *       updated after each change. A file older than the witness is a rollback and is refused.
 * </ul>
 *
 * Temporary files ({@code .keys.pkkr.<random>.tmp}) left by a crash are deleted when a ring is opened.
 * In a directory this process cannot write (a read-only mount of a secret), the ring opens and
 * reloads but cannot change, and the highest version is remembered in memory only.
 */
final class KeyRingFile {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int WITNESS_MAX_BYTES = 32;

    private final Path file;
    private final Path directory;
    private final Path witness;
    private final String name;
    private final KeyEncryptionKey kek;
    private final FileOps ops;
    private final FileLocks locks;
    /** The highest ring version read or written through this object. */
    private long highestSeen = -1;
    private Identity loaded;

    /** The identity of the file's current version: every replace makes a new file, so this changes. */
    private record Identity(Object fileKey, FileTime modified, long size) {
    }

    private KeyRingFile(Path file, KeyEncryptionKey kek, FileOps ops, FileLocks locks) {
        this.file = file;
        this.directory = file.getParent();
        this.name = file.getFileName().toString();
        this.witness = directory.resolve(name + ".version");
        this.kek = kek;
        this.ops = ops;
        this.locks = locks;
    }

    static KeyRingFile of(Path file, KeyEncryptionKey kek, FileOps ops) throws IOException {
        Objects.requireNonNull(kek, "kek");
        Path absolute = file.toAbsolutePath();
        FileLocks locks;
        try {
            locks = FileLocks.of(absolute.getParent().resolve(absolute.getFileName() + ".lock"), 1, ops);
        } catch (AccessDeniedException | java.nio.file.ReadOnlyFileSystemException e) {
            locks = null;
        } catch (FileSystemException e) {
            if (!"Read-only file system".equals(e.getReason())) {
                throw e;
            }
            locks = null;
        }
        return new KeyRingFile(absolute, kek, ops, locks);
    }

    Path path() {
        return file;
    }

    boolean isWritable() {
        return locks != null;
    }

    /**
     * Opens the ring: under the lock, removes what a crash left, reads the file and checks it
     * against the witness. An older file is refused, or with {@code allowRollback} accepted and
     * written again under a version above the witness, so the acceptance is durable.
     *
     * @return the ring, and whether a rollback was accepted
     */
    @SuppressWarnings("try") // the lock is held for the block
    synchronized Opened open(boolean allowRollback) throws IOException, KeyRingStorageException {
        if (locks == null) {
            return new Opened(read(), -1);
        }
        try (FileLocks.Held held = locks.lock(0)) {
            removeTemporaryFiles();
            Identity before = identity();
            Keyset keyset = KeyRingCodec.read(readBytes(), kek);
            long seen = readWitness();
            if (keyset.version < seen) {
                if (!allowRollback) {
                    wipe(keyset);
                    throw rollback(keyset.version, seen);
                }
                Keyset reissued = new Keyset(keyset.list(), keyset.primary.id, seen + 1);
                replace(reissued);
                return new Opened(reissued, keyset.version);
            }
            loaded = before;
            highestSeen = keyset.version;
            if (keyset.version > seen) {
                writeWitness(keyset.version);
            }
            return new Opened(keyset, -1);
        }
    }

    /** What {@link #open} read; {@code rolledBackFrom} is the file's version when a rollback was accepted, else -1. */
    record Opened(Keyset keyset, long rolledBackFrom) {
    }

    /** Creates the file with a first keyset; fails when it exists. */
    @SuppressWarnings("try") // the lock is held for the block
    synchronized Keyset create(Keyset first) throws IOException, KeyRingStorageException {
        requireWritable();
        try (FileLocks.Held held = locks.lock(0)) {
            removeTemporaryFiles();
            if (ops.exists(file)) {
                throw new FileAlreadyExistsException(file.toString(), null, "a key ring exists; open it instead");
            }
            long version = Math.max(first.version, readWitness() + 1);
            Keyset keyset = version == first.version ? first : new Keyset(first.list(), first.primary.id, version);
            byte[] bytes = encode(keyset);
            Path tmp = temporary();
            try {
                ops.writeNew(tmp, bytes);
                ops.forceFile(tmp);
                ops.link(file, tmp);
            } finally {
                ops.delete(tmp);
            }
            ops.forceDirectory(directory);
            loaded = identity();
            highestSeen = keyset.version;
            writeWitness(keyset.version);
            return keyset;
        }
    }

    /** Reads the current file, refusing a version older than any seen. */
    synchronized Keyset read() throws IOException, KeyRingStorageException {
        Identity before = identity();
        Keyset keyset = KeyRingCodec.read(readBytes(), kek);
        long seen = Math.max(highestSeen, readWitness());
        if (keyset.version < seen) {
            wipe(keyset);
            throw rollback(keyset.version, seen);
        }
        loaded = before;
        highestSeen = keyset.version;
        return keyset;
    }

    /**
     * Changes the ring: under the lock, reads the file as it is now (so a change another process
     * made is kept), applies the edit, writes the result durably and raises the witness. The edit
     * receives the current file's keyset and returns the next one, with version one higher.
     */
    @SuppressWarnings("try") // the lock is held for the block
    synchronized Keyset change(UnaryOperator<Keyset> edit) throws IOException, KeyRingStorageException {
        requireWritable();
        try (FileLocks.Held held = locks.lock(0)) {
            Keyset current = read();
            Keyset next = edit.apply(current);
            if (next.version != current.version + 1) {
                throw new IllegalStateException("a change must raise the ring version by one");
            }
            replace(next);
            return next;
        }
    }

    /** Whether the file is another one than the last read or written (a cheap {@code stat}). */
    synchronized boolean changedSince() throws IOException {
        return !Objects.equals(identity(), loaded);
    }

    private void replace(Keyset keyset) throws IOException, KeyRingStorageException {
        writeDurably(file, encode(keyset));
        loaded = identity();
        highestSeen = keyset.version;
        writeWitness(keyset.version);
    }

    private byte[] encode(Keyset keyset) throws KeyRingStorageException {
        try {
            return KeyRingCodec.write(keyset, kek);
        } catch (GeneralSecurityException e) {
            throw new KeyRingStorageException(Reason.AUTHENTICATION_FAILED,
                    "the key-encryption key failed to wrap the ring (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** Replaces a file: a new file forced to disk, renamed over the target, the directory forced. */
    private void writeDurably(Path target, byte[] bytes) throws IOException {
        Path tmp = temporary();
        boolean renamed = false;
        try {
            ops.writeNew(tmp, bytes);
            ops.forceFile(tmp);
            ops.rename(tmp, target);
            renamed = true;
        } finally {
            if (!renamed) {
                ops.delete(tmp);
            }
        }
        ops.forceDirectory(directory);
    }

    private Path temporary() {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return directory.resolve("." + name + "." + HexFormat.of().formatHex(random) + ".tmp");
    }

    private void removeTemporaryFiles() throws IOException {
        String prefix = "." + name + ".";
        boolean removed = false;
        for (Path p : ops.list(directory)) {
            String n = p.getFileName().toString();
            if (n.startsWith(prefix) && n.endsWith(".tmp")) {
                removed |= ops.delete(p);
            }
        }
        if (removed) {
            ops.forceDirectory(directory);
        }
    }

    private long readWitness() throws IOException {
        byte[] bytes = ops.readIfExists(witness, WITNESS_MAX_BYTES);
        if (bytes == null) {
            return -1;
        }
        String text = new String(bytes, StandardCharsets.US_ASCII).strip();
        if (!text.matches("[0-9]{1,18}")) {
            throw new IOException("the version witness " + witness.getFileName() + " is not a version number;"
                    + " delete it to trust the key-ring file as it is");
        }
        return Long.parseLong(text);
    }

    private void writeWitness(long version) throws IOException {
        if (readWitness() < version) {
            writeDurably(witness, (version + "\n").getBytes(StandardCharsets.US_ASCII));
        }
    }

    private byte[] readBytes() throws IOException {
        byte[] bytes = ops.readIfExists(file, KeyRingCodec.MAX_FILE_BYTES);
        return bytes == null ? missing() : bytes;
    }

    private byte[] missing() throws NoSuchFileException {
        throw new NoSuchFileException(file.toString(), null, "no key-ring file; create one with KeyRing.create(path, kek)");
    }

    private Identity identity() throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new Identity(a.fileKey(), a.lastModifiedTime(), a.size());
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private void requireWritable() throws IOException {
        if (locks == null) {
            throw new AccessDeniedException(directory.toString(), null,
                    "the key ring's directory is read-only here; change the ring where its file can be written");
        }
    }

    private KeyRingStorageException rollback(long version, long seen) {
        return new KeyRingStorageException(Reason.ROLLBACK, "the key-ring file " + name + " holds version " + version
                + ", older than version " + seen + " already seen (" + witness.getFileName() + "): an older copy was"
                + " written back. Restore the newest file, or open the ring with KeyRing.builder().allowRollback()"
                + " to accept this one");
    }

    private static void wipe(Keyset keyset) {
        for (KeyEntry e : keyset.entries) {
            if (e.hasMaterial()) {
                e.material().wipe();
            }
        }
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
