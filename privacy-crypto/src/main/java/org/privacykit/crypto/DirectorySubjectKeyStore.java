package org.privacykit.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Subject keys as files. Creation is atomic (write a temporary file, then hard-link it to its name,
 * which fails when the name exists); forgetting writes the tombstone first, then deletes the key.
 */
final class DirectorySubjectKeyStore implements SubjectKeyStore {
    private final Path keys;
    private final Path erased;
    private final byte[] salt;
    private final AtomicLong local = new AtomicLong();

    DirectorySubjectKeyStore(Path directory) throws IOException {
        Files.createDirectories(directory);
        this.keys = Files.createDirectories(directory.resolve("keys"));
        this.erased = Files.createDirectories(directory.resolve("erased"));
        Path saltFile = directory.resolve("salt");
        if (!Files.exists(saltFile)) {
            byte[] fresh = new byte[16];
            new SecureRandom().nextBytes(fresh);
            try {
                Files.write(saltFile, fresh, StandardOpenOption.CREATE_NEW);
            } catch (FileAlreadyExistsException e) {
                // another process created it first: use theirs
            }
        }
        this.salt = Files.readAllBytes(saltFile);
        if (salt.length != 16) {
            throw new IOException("subject key store salt file is corrupted: " + saltFile);
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

    @Override
    public byte[] find(String subjectId) {
        try {
            return Files.readAllBytes(keys.resolve(fileName(subjectId)));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a subject key", e);
        }
    }

    @Override
    public byte[] putIfAbsent(String subjectId, byte[] record) {
        String name = fileName(subjectId);
        if (Files.exists(erased.resolve(name))) {
            return null;
        }
        Path target = keys.resolve(name);
        try {
            Path tmp = Files.createTempFile(keys, ".new", ".tmp");
            try {
                Files.write(tmp, record);
                Files.createLink(target, tmp);
            } catch (FileAlreadyExistsException e) {
                return Files.readAllBytes(target);
            } finally {
                Files.deleteIfExists(tmp);
            }
            if (Files.exists(erased.resolve(name))) {
                // forgotten while we were writing: the tombstone wins
                Files.deleteIfExists(target);
                return null;
            }
            return record.clone();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store a subject key", e);
        }
    }

    @Override
    public boolean replace(String subjectId, byte[] expected, byte[] record) {
        String name = fileName(subjectId);
        Path target = keys.resolve(name);
        try {
            byte[] current;
            try {
                current = Files.readAllBytes(target);
            } catch (NoSuchFileException e) {
                return false;
            }
            if (!java.util.Arrays.equals(current, expected) || Files.exists(erased.resolve(name))) {
                return false;
            }
            Path tmp = Files.createTempFile(keys, ".rewrap", ".tmp");
            try {
                Files.write(tmp, record);
                Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            if (Files.exists(erased.resolve(name))) {
                // forgotten while we re-wrapped: the tombstone wins
                Files.deleteIfExists(target);
                return false;
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot re-wrap a subject key", e);
        }
    }

    @Override
    public boolean forget(String subjectId) {
        String name = fileName(subjectId);
        try {
            try {
                Files.createFile(erased.resolve(name));
            } catch (FileAlreadyExistsException e) {
                // already forgotten: still make sure the key is gone
            }
            boolean deleted = Files.deleteIfExists(keys.resolve(name));
            local.incrementAndGet();
            // bump the directory's modification time even when the tombstone existed
            Files.setLastModifiedTime(erased, java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
            return deleted;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot forget a subject", e);
        }
    }

    @Override
    public boolean isForgotten(String subjectId) {
        return Files.exists(erased.resolve(fileName(subjectId)));
    }

    @Override
    public long erasureGeneration() {
        try {
            java.time.Instant modified = Files.getLastModifiedTime(erased).toInstant();
            return local.get() * 31 + modified.getEpochSecond() * 1_000_000_007L + modified.getNano();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the erasure directory", e);
        }
    }

    @Override
    public String toString() {
        return "SubjectKeyStore[directory " + keys.getParent() + "]";
    }
}
