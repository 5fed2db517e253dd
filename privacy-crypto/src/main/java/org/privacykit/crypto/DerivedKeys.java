package org.privacykit.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An encryptor's view of a key ring: the ring's current snapshot, and per context name the binding
 * bytes and a shortcut to the primary key's {@link FieldKeys}. The derived keys themselves belong
 * to each key's {@link KeyMaterial}, shared by every encryptor over the ring and wiped with it.
 */
final class DerivedKeys {
    private final KeyRing ring;
    private final ConcurrentHashMap<String, PerContext> contexts = new ConcurrentHashMap<>();

    DerivedKeys(KeyRing ring) {
        this.ring = ring;
    }

    KeyRing ring() {
        return ring;
    }

    /** The ring's current snapshot. */
    Keyset keyset() {
        return ring.snapshot();
    }

    PerContext context(String name) {
        PerContext c = contexts.get(name);
        return c != null ? c : contexts.computeIfAbsent(name, PerContext::new);
    }

    /** One context name: its binding bytes, and the primary's working keys at hand. */
    static final class PerContext {
        final String name;
        final byte[] nameBytes;
        /** Associated data for a value without subject: 0x00, name length (4), name. */
        final byte[] binding;
        /** The last primary seen and its keys, one object so the pair is read consistently. */
        private volatile Primary primary;

        private static final class Primary {
            final KeyEntry entry;
            final FieldKeys keys;

            Primary(KeyEntry entry, FieldKeys keys) {
                this.entry = entry;
                this.keys = keys;
            }
        }

        PerContext(String name) {
            this.name = name;
            this.nameBytes = name.getBytes(StandardCharsets.UTF_8);
            this.binding = ByteBuffer.allocate(5 + nameBytes.length).put((byte) 0).putInt(nameBytes.length).put(nameBytes).array();
        }

        /** Associated data for a value of a subject: 0x01, name length (4), name, subject length (4), subject. */
        byte[] binding(byte[] subject) {
            return ByteBuffer.allocate(9 + nameBytes.length + subject.length).put((byte) 1).putInt(nameBytes.length)
                    .put(nameBytes).putInt(subject.length).put(subject).array();
        }

        /** The working keys of this context under a key. */
        FieldKeys keys(KeyEntry entry) throws GeneralSecurityException {
            Primary p = primary;
            return p != null && p.entry == entry ? p.keys : entry.keys(name);
        }

        /** The working keys of this context under the primary key, remembered for the next call. */
        FieldKeys primaryKeys(KeyEntry entry) throws GeneralSecurityException {
            Primary p = primary;
            if (p == null || p.entry != entry) {
                p = new Primary(entry, entry.keys(name));
                primary = p;
            }
            return p.keys;
        }
    }
}
