package org.privacykit.crypto;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An immutable snapshot of a key ring's keys; a key ring swaps its snapshot atomically on each change. */
final class Keyset {
    final KeyEntry[] entries;
    final KeyEntry primary;

    Keyset(List<KeyEntry> entries, int primaryId) {
        this.entries = entries.toArray(new KeyEntry[0]);
        KeyEntry p = null;
        java.util.Set<Integer> ids = new java.util.HashSet<>();
        for (KeyEntry e : this.entries) {
            if (!ids.add(e.id)) {
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
    }

    KeyEntry find(int id) {
        for (KeyEntry e : entries) {
            if (e.id == id) {
                return e;
            }
        }
        return null;
    }

    List<KeyEntry> list() {
        List<KeyEntry> out = new ArrayList<>(entries.length);
        Collections.addAll(out, entries);
        return out;
    }

    /** Enabled keys, the primary first. */
    List<KeyEntry> enabled() {
        List<KeyEntry> out = new ArrayList<>();
        out.add(primary);
        for (KeyEntry e : entries) {
            if (e != primary && e.status == KeyStatus.ENABLED) {
                out.add(e);
            }
        }
        return out;
    }
}
