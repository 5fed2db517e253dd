package org.privacykit.crypto;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of a key ring: its keys (oldest first), the primary, and the ring version,
 * which every change raises by one. A key ring swaps its snapshot atomically on each change.
 */
final class Keyset {
    final KeyEntry[] entries;
    final KeyEntry primary;
    final long version;
    /** Enabled keys, the primary first: what decryption and search terms use. */
    final KeyEntry[] enabled;
    private final Map<Integer, KeyEntry> byId;

    Keyset(List<KeyEntry> entries, int primaryId, long version) {
        if (version < 0) {
            throw new IllegalArgumentException("a ring version is not negative");
        }
        this.entries = entries.toArray(new KeyEntry[0]);
        this.version = version;
        this.byId = new HashMap<>(this.entries.length * 2);
        KeyEntry p = null;
        for (KeyEntry e : this.entries) {
            if (byId.put(e.id, e) != null) {
                throw new IllegalArgumentException("duplicate key id " + KeyEntry.name(e.id));
            }
            if (e.id == primaryId) {
                p = e;
            }
        }
        if (p == null || p.status != KeyStatus.ENABLED) {
            throw new IllegalArgumentException("the primary key must be present and enabled");
        }
        this.primary = p;
        List<KeyEntry> on = new ArrayList<>();
        on.add(p);
        for (KeyEntry e : this.entries) {
            if (e != p && e.status == KeyStatus.ENABLED) {
                on.add(e);
            }
        }
        this.enabled = on.toArray(new KeyEntry[0]);
    }

    KeyEntry find(int id) {
        KeyEntry p = primary;
        return p.id == id ? p : byId.get(id);
    }

    /** Whether key {@code a} was added to the ring before key {@code b}. */
    boolean isOlder(KeyEntry a, KeyEntry b) {
        for (KeyEntry e : entries) {
            if (e.id == a.id) {
                return e.id != b.id;
            }
            if (e.id == b.id) {
                return false;
            }
        }
        return false;
    }

    List<KeyEntry> list() {
        List<KeyEntry> out = new ArrayList<>(entries.length);
        Collections.addAll(out, entries);
        return out;
    }
}
