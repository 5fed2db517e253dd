package org.privacykit.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Caches the working keys derived from a key ring, per context name and root key, so HKDF runs once
 * per (key, context, purpose) and never per call. Dropped whole when the ring's snapshot changes
 * (rotation, disable, destroy), so a destroyed key's derived keys do not outlive it past the next call.
 */
final class DerivedKeys {
    private final KeyRing ring;
    private volatile Keyset seen;
    private final ConcurrentHashMap<String, PerContext> contexts = new ConcurrentHashMap<>();

    DerivedKeys(KeyRing ring) {
        this.ring = ring;
        this.seen = ring.snapshot();
    }

    KeyRing ring() {
        return ring;
    }

    /** The ring's current snapshot; clears the cache when it changed since the last call. */
    Keyset keyset() {
        Keyset k = ring.snapshot();
        if (k != seen) {
            contexts.clear();
            seen = k;
        }
        return k;
    }

    PerContext context(String name) {
        PerContext c = contexts.get(name);
        return c != null ? c : contexts.computeIfAbsent(name, PerContext::new);
    }

    /** The derived keys of one context name, and its binding bytes. */
    static final class PerContext {
        final String name;
        final byte[] nameBytes;
        /** Associated data for a value without subject: 0x00, name length (4), name. */
        final byte[] binding;
        private final ConcurrentHashMap<Integer, Engines> byKey = new ConcurrentHashMap<>();
        private volatile Engines primary;

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

        Engines engines(KeyEntry entry) {
            Engines p = primary;
            if (p != null && p.entry == entry) {
                return p;
            }
            Engines e = byKey.computeIfAbsent(entry.id, id -> new Engines(entry, name));
            if (e.entry != entry) {
                // the entry changed status since; rebuild from the current one
                e = new Engines(entry, name);
                byKey.put(entry.id, e);
            }
            return e;
        }

        Engines primaryEngines(KeyEntry primaryEntry) {
            Engines p = primary;
            if (p == null || p.entry != primaryEntry) {
                p = engines(primaryEntry);
                primary = p;
            }
            return p;
        }
    }

    /** The working keys of one root key for one context, each derived on first use. */
    static final class Engines {
        final KeyEntry entry;
        private final String context;
        private volatile AeadEngine aead;
        private volatile AesSiv siv;
        private volatile Ff1 ff1;
        private volatile HmacSha256 mac;
        private volatile byte[] sivPrefix;

        Engines(KeyEntry entry, String context) {
            this.entry = entry;
            this.context = context;
        }

        AeadEngine aead() throws GeneralSecurityException {
            AeadEngine a = aead;
            if (a == null) {
                byte[] k = entry.derive("aead/" + entry.algorithm.code(), context, 32);
                try {
                    a = entry.algorithm.engine(k);
                } finally {
                    Arrays.fill(k, (byte) 0);
                }
                aead = a;
            }
            return a;
        }

        AesSiv siv() throws GeneralSecurityException {
            AesSiv s = siv;
            if (s == null) {
                byte[] k = entry.derive("aes-siv", context, 64);
                try {
                    s = new AesSiv(k);
                } finally {
                    Arrays.fill(k, (byte) 0);
                }
                siv = s;
            }
            return s;
        }

        /**
         * The AES-SIV S2V state after a field's fixed associated data (the deterministic header,
         * which holds this key's id, and the field binding), computed once.
         */
        byte[] sivPrefix(byte[] binding) throws GeneralSecurityException {
            byte[] p = sivPrefix;
            if (p == null) {
                byte[] header = new byte[Envelope.HEADER];
                Envelope.header(header, Envelope.AES_SIV, entry.id);
                p = siv().prefix(header, 0, Envelope.HEADER, binding);
                sivPrefix = p;
            }
            return p;
        }

        Ff1 ff1() throws GeneralSecurityException {
            Ff1 f = ff1;
            if (f == null) {
                byte[] k = entry.derive("ff1", context, 32);
                try {
                    f = new Ff1(k);
                } finally {
                    Arrays.fill(k, (byte) 0);
                }
                ff1 = f;
            }
            return f;
        }

        HmacSha256 mac(String purpose) throws GeneralSecurityException {
            HmacSha256 m = mac;
            if (m == null) {
                byte[] k = entry.derive(purpose, context, 32);
                try {
                    m = new HmacSha256(k);
                } finally {
                    Arrays.fill(k, (byte) 0);
                }
                mac = m;
            }
            return m;
        }
    }
}
