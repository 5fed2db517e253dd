package org.privacykit.crypto;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A {@link FileOps} that performs every operation and models what a power loss could undo: a file's
 * content is durable once forced after its last write, a directory entry (create, link, rename,
 * delete) once its directory is forced after the change. It reports a violation when
 *
 * <ul>
 *   <li>a file is linked or renamed under a name while its content is not forced (a power loss could
 *       leave that name pointing at an empty or partial file), or a directory holding such a file is
 *       forced;
 *   <li>a call is {@linkplain #acknowledged acknowledged} (it returned to its caller) while one of its
 *       file contents or directory entries is not durable.
 * </ul>
 *
 * Entries whose loss recovery tolerates (temporary files, the forget journal, lock files) are
 * exempt through a predicate. With {@code dropForces}, forces are performed but not counted, as if
 * the code never made them: the meta-test that shows the checker fails without fsyncs.
 */
final class FsyncChecker extends FileOps {
    private static final class Node {
        boolean dirty;
    }

    private final Predicate<Path> exempt;
    private final boolean dropForces;
    private final Map<Path, Node> nodes = new HashMap<>();
    private final Set<Path> dirtyEntries = new LinkedHashSet<>();
    private final List<String> violations = new ArrayList<>();
    private int forces;

    FsyncChecker(Predicate<Path> exempt, boolean dropForces) {
        this.exempt = exempt;
        this.dropForces = dropForces;
    }

    /** Exempts temporary files, the forget journal and lock files. */
    static FsyncChecker standard() {
        return new FsyncChecker(FsyncChecker::recoverable, false);
    }

    static FsyncChecker withoutForces() {
        return new FsyncChecker(FsyncChecker::recoverable, true);
    }

    static boolean recoverable(Path p) {
        String name = p.getFileName().toString();
        String parent = p.getParent() == null ? "" : p.getParent().getFileName().toString();
        return parent.equals("tmp") || parent.equals("pending") || name.endsWith(".lock")
                || (name.startsWith(".") && name.endsWith(".tmp"));
    }

    private static Path key(Path p) {
        return p.toAbsolutePath().normalize();
    }

    private synchronized void entryChanged(Path p) {
        dirtyEntries.add(key(p));
    }

    @Override
    void writeNew(Path file, byte[] bytes) throws IOException {
        super.writeNew(file, bytes);
        synchronized (this) {
            Node n = new Node();
            n.dirty = bytes.length > 0;
            nodes.put(key(file), n);
            entryChanged(file);
        }
    }

    @Override
    void forceFile(Path file) throws IOException {
        super.forceFile(file);
        synchronized (this) {
            forces++;
            Node n = nodes.get(key(file));
            if (n != null && !dropForces) {
                n.dirty = false;
            }
        }
    }

    @Override
    void forceDirectory(Path directory) throws IOException {
        super.forceDirectory(directory);
        synchronized (this) {
            forces++;
            Path d = key(directory);
            for (Map.Entry<Path, Node> e : nodes.entrySet()) {
                if (d.equals(e.getKey().getParent()) && e.getValue().dirty && !exempt.test(e.getKey())) {
                    violations.add("directory " + d.getFileName() + " forced while " + e.getKey().getFileName()
                            + " has unforced content");
                }
            }
            if (!dropForces) {
                dirtyEntries.removeIf(p -> d.equals(p.getParent()));
            }
        }
    }

    @Override
    void createEmpty(Path file) throws IOException {
        super.createEmpty(file);
        synchronized (this) {
            nodes.put(key(file), new Node());
            entryChanged(file);
        }
    }

    @Override
    void createDirectory(Path directory) throws IOException {
        super.createDirectory(directory);
        entryChanged(directory);
    }

    @Override
    void link(Path link, Path existing) throws IOException {
        super.link(link, existing);
        synchronized (this) {
            Node n = nodes.computeIfAbsent(key(existing), p -> new Node());
            requireClean(n, link, "linked");
            nodes.put(key(link), n);
            entryChanged(link);
        }
    }

    @Override
    void rename(Path source, Path target) throws IOException {
        super.rename(source, target);
        synchronized (this) {
            Node n = nodes.remove(key(source));
            if (n == null) {
                n = new Node();
            }
            requireClean(n, target, "renamed into place");
            nodes.put(key(target), n);
            entryChanged(source);
            entryChanged(target);
        }
    }

    @Override
    boolean delete(Path file) throws IOException {
        boolean deleted = super.delete(file);
        if (deleted) {
            synchronized (this) {
                nodes.remove(key(file));
                entryChanged(file);
            }
        }
        return deleted;
    }

    private void requireClean(Node n, Path name, String how) {
        if (n.dirty && !exempt.test(key(name))) {
            violations.add(name.getFileName() + " " + how + " before its content was forced");
        }
    }

    /** Checks that everything the call that just returned changed is durable. */
    synchronized void acknowledged(String call) {
        for (Path p : dirtyEntries) {
            if (!exempt.test(p)) {
                violations.add(call + " returned while the entry " + p.getParent().getFileName() + "/" + p.getFileName()
                        + " was not forced into its directory");
            }
        }
        for (Map.Entry<Path, Node> e : nodes.entrySet()) {
            if (e.getValue().dirty && !exempt.test(e.getKey())) {
                violations.add(call + " returned while " + e.getKey().getFileName() + " had unforced content");
            }
        }
        // what is reported once is not reported again
        for (Iterator<Path> i = dirtyEntries.iterator(); i.hasNext();) {
            if (!exempt.test(i.next())) {
                i.remove();
            }
        }
        nodes.values().forEach(n -> n.dirty = false);
    }

    synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    synchronized int forces() {
        return forces;
    }
}
