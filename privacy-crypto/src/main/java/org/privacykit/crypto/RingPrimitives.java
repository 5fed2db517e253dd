package org.privacykit.crypto;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;

import javax.crypto.AEADBadTagException;

import org.privacykit.crypto.FieldKeys.Purpose;

/**
 * The primitives a {@link KeyRing} hands out for one context: primary key to encrypt, any enabled
 * key to decrypt. Their keys are derived for the raw primitives only ({@code ring-*} purposes), so
 * a component holding one cannot read or forge what a {@link FieldEncryptor} or a
 * {@link BlindIndex} makes for a field of the same name.
 */
final class RingPrimitives {
    private static final int MAC_PREFIX = 5;

    private final DerivedKeys keys;
    private final DerivedKeys.PerContext context;

    RingPrimitives(KeyRing ring, String context) {
        if (context == null || context.isEmpty()) {
            throw new IllegalArgumentException("a context name is required");
        }
        this.keys = new DerivedKeys(ring);
        this.context = keys.context(context);
    }

    /** The enabled key a ciphertext or tag names; a key this ring does not hold enabled reloads the ring once. */
    private FieldKeys enabledKey(int keyId) throws GeneralSecurityException {
        KeyEntry e = keys.keyset().find(keyId);
        if (e == null || e.status != KeyStatus.ENABLED) {
            try {
                if (keys.ring().refreshForMissingKey()) {
                    e = keys.keyset().find(keyId);
                }
            } catch (IOException ex) {
                throw new GeneralSecurityException("the key is unknown here, and reloading the key ring failed ("
                        + ex.getClass().getSimpleName() + ")", ex);
            }
        }
        if (e == null || e.status != KeyStatus.ENABLED) {
            throw new GeneralSecurityException("the key " + KeyEntry.name(keyId) + " is unknown, disabled or destroyed");
        }
        return context.keys(e);
    }

    private FieldKeys decryptionKey(byte[] in) throws GeneralSecurityException {
        if (in == null || in.length < Envelope.HEADER || in[0] != Envelope.VERSION) {
            throw new GeneralSecurityException("not a ciphertext of this format");
        }
        return enabledKey(Envelope.keyId(in));
    }

    Aead aead() {
        return new Aead() {
            @Override
            public byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
                KeyEntry primary = keys.keyset().primary;
                byte[] ad = associatedData == null ? AeadEngine.EMPTY : associatedData;
                byte[] out = new byte[Envelope.randomizedBytes(plaintext.length)];
                Envelope.header(out, primary.algorithm.code(), primary.id);
                context.primaryKeys(primary).aead(Purpose.RING_AEAD).seal(plaintext, 0, plaintext.length, out, Envelope.HEADER,
                        out, 0, Envelope.HEADER, ad);
                return out;
            }

            @Override
            public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
                FieldKeys k = decryptionKey(ciphertext);
                if (ciphertext[1] != k.algorithm.code() || ciphertext.length < Envelope.randomizedBytes(0)) {
                    throw new AEADBadTagException("algorithm mismatch or ciphertext too short");
                }
                byte[] ad = associatedData == null ? AeadEngine.EMPTY : associatedData;
                byte[] out = new byte[ciphertext.length - Envelope.randomizedBytes(0)];
                k.aead(Purpose.RING_AEAD).open(ciphertext, Envelope.HEADER, ciphertext.length - Envelope.HEADER, out, 0,
                        ciphertext, 0, Envelope.HEADER, ad);
                return out;
            }

            @Override
            public String toString() {
                return "Aead[key ring, " + context.name + "]";
            }
        };
    }

    DeterministicAead deterministicAead() {
        return new DeterministicAead() {
            @Override
            public byte[] encryptDeterministically(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
                KeyEntry primary = keys.keyset().primary;
                byte[] ad = associatedData == null ? AeadEngine.EMPTY : associatedData;
                byte[] out = new byte[Envelope.deterministicBytes(plaintext.length)];
                Envelope.header(out, Envelope.AES_SIV, primary.id);
                context.primaryKeys(primary).siv(Purpose.RING_SIV).seal(plaintext, 0, plaintext.length, out, Envelope.HEADER,
                        out, 0, Envelope.HEADER, ad);
                return out;
            }

            @Override
            public byte[] decryptDeterministically(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
                FieldKeys k = decryptionKey(ciphertext);
                if (ciphertext[1] != Envelope.AES_SIV || ciphertext.length < Envelope.deterministicBytes(0)) {
                    throw new AEADBadTagException("algorithm mismatch or ciphertext too short");
                }
                byte[] ad = associatedData == null ? AeadEngine.EMPTY : associatedData;
                byte[] out = new byte[ciphertext.length - Envelope.deterministicBytes(0)];
                k.siv(Purpose.RING_SIV).open(ciphertext, Envelope.HEADER, ciphertext.length - Envelope.HEADER, out, 0,
                        ciphertext, 0, Envelope.HEADER, ad);
                return out;
            }

            @Override
            public String toString() {
                return "DeterministicAead[key ring, " + context.name + "]";
            }
        };
    }

    Mac mac() {
        return new Mac() {
            @Override
            public byte[] computeMac(byte[] data) throws GeneralSecurityException {
                KeyEntry primary = keys.keyset().primary;
                byte[] tag = context.primaryKeys(primary).mac(Purpose.RING_MAC).computeMac(data);
                byte[] out = new byte[MAC_PREFIX + tag.length];
                out[0] = Envelope.VERSION;
                out[1] = (byte) (primary.id >>> 24);
                out[2] = (byte) (primary.id >>> 16);
                out[3] = (byte) (primary.id >>> 8);
                out[4] = (byte) primary.id;
                System.arraycopy(tag, 0, out, MAC_PREFIX, tag.length);
                return out;
            }

            @Override
            public void verifyMac(byte[] tag, byte[] data) throws GeneralSecurityException {
                if (tag == null || tag.length != MAC_PREFIX + HmacSha256.FULL_TAG || tag[0] != Envelope.VERSION) {
                    throw new GeneralSecurityException("invalid MAC");
                }
                int id = (tag[1] & 0xff) << 24 | (tag[2] & 0xff) << 16 | (tag[3] & 0xff) << 8 | (tag[4] & 0xff);
                FieldKeys k;
                try {
                    k = enabledKey(id);
                } catch (GeneralSecurityException e) {
                    throw new GeneralSecurityException("invalid MAC: " + e.getMessage(), e);
                }
                k.mac(Purpose.RING_MAC).verifyMac(Arrays.copyOfRange(tag, MAC_PREFIX, tag.length), data);
            }

            @Override
            public String toString() {
                return "Mac[key ring, HMAC-SHA256, " + context.name + "]";
            }
        };
    }

    FormatPreservingCipher formatPreserving(Alphabet alphabet) {
        Objects.requireNonNull(alphabet, "alphabet");
        return new FormatPreservingCipher() {
            private Ff1Cipher cipher() throws GeneralSecurityException {
                return new Ff1Cipher(context.primaryKeys(keys.keyset().primary).ff1(Purpose.RING_FF1), alphabet);
            }

            @Override
            public String encrypt(String value, byte[] tweak) throws GeneralSecurityException {
                return cipher().encrypt(value, tweak == null ? context.nameBytes : tweak);
            }

            @Override
            public String decrypt(String value, byte[] tweak) throws GeneralSecurityException {
                return cipher().decrypt(value, tweak == null ? context.nameBytes : tweak);
            }

            @Override
            public Alphabet alphabet() {
                return alphabet;
            }

            @Override
            public String toString() {
                return "FormatPreservingCipher[key ring, FF1, " + context.name + "]";
            }
        };
    }
}
