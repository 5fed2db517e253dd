package org.privacykit.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The file-system operations that durable key state is made of, as SQLite and PostgreSQL use them:
 * write a new file, force it to disk, link or rename it into place, force the directory. Every
 * key-ring file, ring version witness, subject key, tombstone and journal entry goes through one
 * instance, so a test can record the calls and check that each acknowledged change was forced
 * (file first, then directory) before the call returned.
 *
 * <p>Files are created readable and writable by their owner only, directories usable by their owner
 * only, where the file system has POSIX permissions.
 */
class FileOps {
    static final FileOps DEFAULT = new FileOps();

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<OpenOption> CREATE_NEW = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    /** Creates a file that must not exist, owner-only, and writes the bytes; does not force them. */
    void writeNew(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, CREATE_NEW, ownerOnly(OWNER_FILE))) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    /** Forces a file's content and metadata to the storage device ({@code fsync}). */
    void forceFile(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /**
     * Forces a directory's entries to the storage device, so that a file created, linked, renamed
     * or deleted in it stays so after a power loss. Windows cannot open a directory for this, and
     * NTFS journals its directory changes: there it does nothing.
     */
    void forceDirectory(Path directory) throws IOException {
        if (WINDOWS) {
            return;
        }
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Creates an empty file that must not exist, owner-only (a tombstone, a journal entry). */
    void createEmpty(Path file) throws IOException {
        writeNew(file, new byte[0]);
    }

    /** Gives an existing file a second name, atomically; fails when the name exists. */
    void link(Path link, Path existing) throws IOException {
        Files.createLink(link, existing);
    }

    /** Renames a file over another, atomically. */
    void rename(Path source, Path target) throws IOException {
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Deletes a file; {@code false} when it did not exist. */
    boolean delete(Path file) throws IOException {
        return Files.deleteIfExists(file);
    }

    /**
     * Creates a directory and its missing parents, the new ones owner-only, each forced into its
     * parent so that it is still there after a power loss.
     */
    void createDirectories(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath();
        if (!Files.isDirectory(absolute)) {
            Path parent = absolute.getParent();
            if (parent != null) {
                createDirectories(parent);
            }
            try {
                createDirectory(absolute);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (!Files.isDirectory(absolute)) {
                    throw e;
                }
            }
            if (parent != null) {
                forceDirectory(parent);
            }
        }
    }

    /** Creates one directory, owner-only; fails when it exists. */
    void createDirectory(Path directory) throws IOException {
        Files.createDirectory(directory, ownerOnly(OWNER_DIRECTORY));
    }

    /** Reads a whole file; {@code null} when it does not exist. */
    byte[] readIfExists(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Reads a whole file of at most {@code limit} bytes; {@code null} when it does not exist. */
    byte[] readIfExists(Path file, int limit) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > limit) {
                throw new IOException(file.getFileName() + " is " + size + " bytes, more than the " + limit + " expected");
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) size);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // keep reading
            }
            return buffer.position() == buffer.capacity() ? buffer.array() : java.util.Arrays.copyOf(buffer.array(), buffer.position());
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    boolean exists(Path file) {
        return Files.exists(file, LinkOption.NOFOLLOW_LINKS);
    }

    /** The entries of a directory; empty when it does not exist. */
    List<Path> list(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return new ArrayList<>(entries.toList());
        }
    }

    private static FileAttribute<?>[] ownerOnly(Set<PosixFilePermission> permissions) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)} : new FileAttribute<?>[0];
    }
}
