package org.privacykit.crypto;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.crypto.AEADBadTagException;

import org.privacykit.crypto.KeyRingStorageException.Reason;

/**
 * The key-ring file format.
 *
 * <pre>
 * header:  "PKKR" (4) | format 2 (1) | ring version (8) | KEK id length (1) | KEK id (UTF-8)
 * body:    wrapped length (4) | KEK.wrap(keys, associated data = header)
 * keys:    list format 2 (1) | ring version (8) | primary id (4) | key count (2) | per key:
 *          id (4) | algorithm (1) | status (1) | created, epoch seconds (8) | material length (1, 32 or 0) | material
 * </pre>
 *
 * The ring version is authenticated twice: as part of the header, which is the wrap's associated
 * data, and inside the wrapped key list (so it holds even for a KEK that ignored associated data).
 */
final class KeyRingCodec {
    private static final byte[] MAGIC = {'P', 'K', 'K', 'R'};
    private static final int FORMAT = 2;
    private static final int LIST_FORMAT = 2;
    /** More keys than ten thousand rotations is not a ring a file should hold. */
    static final int MAX_KEYS = 10_000;
    /** The largest valid file: the header, the key list at {@link #MAX_KEYS}, and a KEK's overhead. */
    static final int MAX_FILE_BYTES = 1 << 20;

    private KeyRingCodec() {
    }

    static byte[] write(Keyset keyset, KeyEncryptionKey kek) throws GeneralSecurityException {
        ByteBuffer keys = ByteBuffer.allocate(1 + 8 + 4 + 2 + keyset.entries.length * (4 + 1 + 1 + 8 + 1 + KeyEntry.ROOT_LENGTH));
        keys.put((byte) LIST_FORMAT).putLong(keyset.version).putInt(keyset.primary.id).putShort((short) keyset.entries.length);
        for (KeyEntry e : keyset.entries) {
            keys.putInt(e.id).put((byte) e.algorithm.code()).put(statusCode(e.status)).putLong(e.createdAt.getEpochSecond());
            byte[] material = e.hasMaterial() ? e.material().root() : new byte[0];
            keys.put((byte) material.length).put(material);
        }
        byte[] plain = Arrays.copyOf(keys.array(), keys.position());
        Arrays.fill(keys.array(), (byte) 0);
        try {
            return seal(plain, keyset.version, kek);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** A file around a serialized key list: the header for {@code version}, then the wrapped list. */
    static byte[] seal(byte[] keyList, long version, KeyEncryptionKey kek) throws GeneralSecurityException {
        byte[] header = header(kek.id(), version);
        byte[] wrapped = kek.wrap(keyList, header);
        return ByteBuffer.allocate(header.length + 4 + wrapped.length).put(header).putInt(wrapped.length).put(wrapped).array();
    }

    private static byte[] header(String kekId, long version) {
        byte[] id = kekId.getBytes(StandardCharsets.UTF_8);
        if (id.length > 255) {
            throw new IllegalArgumentException("a KEK id is at most 255 UTF-8 bytes");
        }
        return ByteBuffer.allocate(MAGIC.length + 1 + 8 + 1 + id.length).put(MAGIC).put((byte) FORMAT).putLong(version)
                .put((byte) id.length).put(id).array();
    }

    static Keyset read(byte[] file, KeyEncryptionKey kek) throws KeyRingStorageException {
        int fixed = MAGIC.length + 1 + 8 + 1;
        if (file == null || file.length < MAGIC.length + 1) {
            throw new KeyRingStorageException(Reason.TRUNCATED, "key-ring file is truncated (" + (file == null ? 0 : file.length) + " bytes)");
        }
        if (!Arrays.equals(file, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new KeyRingStorageException(Reason.CORRUPTED, "not a key-ring file (bad magic)");
        }
        int format = file[4] & 0xff;
        if (format != FORMAT) {
            throw new KeyRingStorageException(Reason.UNSUPPORTED_VERSION, "key-ring file format " + format + " is not supported"
                    + (format < FORMAT ? " (written by an older release; create the ring again)" : ""));
        }
        if (file.length < fixed) {
            throw new KeyRingStorageException(Reason.TRUNCATED, "key-ring file is truncated in its header");
        }
        long version = ByteBuffer.wrap(file, 5, 8).getLong();
        int idLength = file[13] & 0xff;
        int headerLength = fixed + idLength;
        if (file.length < headerLength + 4) {
            throw new KeyRingStorageException(Reason.TRUNCATED, "key-ring file is truncated in its header");
        }
        if (version < 0) {
            throw new KeyRingStorageException(Reason.CORRUPTED, "key-ring file has an invalid version");
        }
        String fileKekId = new String(file, fixed, idLength, StandardCharsets.UTF_8);
        byte[] header = Arrays.copyOf(file, headerLength);
        int wrappedLength = ByteBuffer.wrap(file, headerLength, 4).getInt();
        int available = file.length - headerLength - 4;
        if (wrappedLength < 0) {
            throw new KeyRingStorageException(Reason.CORRUPTED, "key-ring file has an invalid length");
        }
        if (wrappedLength > available) {
            throw new KeyRingStorageException(Reason.TRUNCATED, "key-ring file is truncated: "
                    + available + " of " + wrappedLength + " wrapped bytes");
        }
        if (wrappedLength < available) {
            throw new KeyRingStorageException(Reason.CORRUPTED, "key-ring file has " + (available - wrappedLength) + " bytes of trailing data");
        }
        if (!fileKekId.equals(kek.id())) {
            throw new KeyRingStorageException(Reason.WRONG_KEY_ENCRYPTION_KEY,
                    "key-ring file was saved with KEK '" + fileKekId + "', not '" + kek.id() + "'");
        }
        byte[] plain;
        try {
            plain = kek.unwrap(Arrays.copyOfRange(file, headerLength + 4, file.length), header);
        } catch (KeyRingStorageException e) {
            throw e;
        } catch (AEADBadTagException e) {
            throw new KeyRingStorageException(Reason.AUTHENTICATION_FAILED,
                    "key-ring file failed authentication: wrong key-encryption key, or the file was modified", e);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new KeyRingStorageException(Reason.AUTHENTICATION_FAILED,
                    "key-ring file could not be unwrapped: wrong key-encryption key, or the file was modified ("
                            + e.getClass().getSimpleName() + ")", e);
        }
        try {
            return parseKeys(plain, version);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static Keyset parseKeys(byte[] plain, long headerVersion) throws KeyRingStorageException {
        List<KeyEntry> entries = new ArrayList<>();
        boolean parsed = false;
        try {
            Keyset keyset = parseKeys(plain, headerVersion, entries);
            parsed = true;
            return keyset;
        } finally {
            if (!parsed) {
                // no copy of a key outlives a file that failed to load
                for (KeyEntry e : entries) {
                    if (e.hasMaterial()) {
                        e.material().wipe();
                    }
                }
            }
        }
    }

    private static Keyset parseKeys(byte[] plain, long headerVersion, List<KeyEntry> entries) throws KeyRingStorageException {
        try {
            ByteBuffer in = ByteBuffer.wrap(plain);
            int listFormat = in.get() & 0xff;
            if (listFormat != LIST_FORMAT) {
                throw new KeyRingStorageException(Reason.UNSUPPORTED_VERSION, "key list format " + listFormat + " is not supported");
            }
            long version = in.getLong();
            if (version != headerVersion) {
                throw new KeyRingStorageException(Reason.CORRUPTED, "the key list's ring version does not match the header's");
            }
            int primary = in.getInt();
            int count = in.getShort() & 0xffff;
            if (count == 0 || count > MAX_KEYS) {
                throw new KeyRingStorageException(Reason.CORRUPTED, "key-ring holds an invalid number of keys: " + count);
            }
            for (int i = 0; i < count; i++) {
                int id = in.getInt();
                AeadAlgorithm algorithm = AeadAlgorithm.ofCode(in.get());
                int statusCode = in.get();
                long created = in.getLong();
                int length = in.get() & 0xff;
                KeyStatus status = statusOf(statusCode);
                if (algorithm == null || status == null) {
                    throw new KeyRingStorageException(Reason.CORRUPTED, "key " + i + " has an unknown algorithm or status");
                }
                if (id == 0) {
                    throw new KeyRingStorageException(Reason.CORRUPTED, "key " + i + " has the reserved id 0");
                }
                boolean destroyed = status == KeyStatus.DESTROYED;
                if (length != (destroyed ? 0 : KeyEntry.ROOT_LENGTH)) {
                    throw new KeyRingStorageException(Reason.CORRUPTED, "key " + KeyEntry.name(id) + " has invalid material length");
                }
                KeyMaterial material = null;
                if (!destroyed) {
                    byte[] root = new byte[length];
                    in.get(root);
                    material = new KeyMaterial(root);
                }
                entries.add(new KeyEntry(id, algorithm, status, Instant.ofEpochSecond(created), material));
            }
            if (in.hasRemaining()) {
                throw new KeyRingStorageException(Reason.CORRUPTED, "key list has trailing data");
            }
            try {
                return new Keyset(entries, primary, version);
            } catch (IllegalArgumentException e) {
                throw new KeyRingStorageException(Reason.CORRUPTED, "key list is inconsistent: " + e.getMessage());
            }
        } catch (BufferUnderflowException | java.time.DateTimeException e) {
            throw new KeyRingStorageException(Reason.CORRUPTED, "key list is truncated or invalid", e);
        }
    }

    /** A key's status as written in the file: fixed codes, so reordering {@link KeyStatus} cannot change a file. */
    private static byte statusCode(KeyStatus status) {
        return switch (status) {
            case ENABLED -> 0;
            case DISABLED -> 1;
            case DESTROYED -> 2;
        };
    }

    private static KeyStatus statusOf(int code) {
        return switch (code) {
            case 0 -> KeyStatus.ENABLED;
            case 1 -> KeyStatus.DISABLED;
            case 2 -> KeyStatus.DESTROYED;
            default -> null;
        };
    }
}
