package org.privacykit.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;

/** The primitives a {@link KeyRing} hands out for one context: primary key to encrypt, any enabled key to decrypt. */
final class RingPrimitives {
    private final DerivedKeys keys;
    private final DerivedKeys.PerContext context;

    RingPrimitives(KeyRing ring, String context) {
        if (context == null || context.isEmpty()) {
            throw new IllegalArgumentException("a context name is required");
        }
        this.keys = new DerivedKeys(ring);
        this.context = keys.context(context);
    }

    private DerivedKeys.Engines decryptionKey(byte[] in) throws GeneralSecurityException {
        if (in == null || in.length < Envelope.HEADER || in[0] != Envelope.VERSION) {
            throw new GeneralSecurityException("not a ciphertext of this format");
        }
        KeyEntry e = keys.keyset().find(Envelope.keyId(in));
        if (e == null || e.status != KeyStatus.ENABLED) {
            throw new GeneralSecurityException("the ciphertext's key is unknown, disabled or destroyed");
        }
        return context.engines(e);
    }

    Aead aead() {
        return new Aead() {
            @Override
            public byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
                KeyEntry primary = keys.keyset().primary;
                byte[] ad = associatedData == null ? AeadEngine.EMPTY : associatedData;
                byte[] out = new byte[Envelope.randomizedBytes(plaintext.length)];
                Envelope.header(out, primary.algorithm.code(), primary.id);
                context.primaryEngines(primary).aead().seal(plaintext, 0, plaintext.length, out, Envelope.HEADER,
                        out, 0, Envelope.HEADER, ad);
                return out;
            }

            @Override
            public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
                DerivedKeys.Engines e = decryptionKey(ciphertext);
                if (ciphertext[1] != e.entry.algorithm.code() || ciphertext.length < Envelope.randomizedBytes(0)) {
                    throw new AEADBadTagException("algorithm mismatch or ciphertext too short");
                }
                byte[] ad = associatedData == null ? AeadEngine.EMPTY : associatedData;
                byte[] out = new byte[ciphertext.length - Envelope.randomizedBytes(0)];
                e.aead().open(ciphertext, Envelope.HEADER, ciphertext.length - Envelope.HEADER, out, 0, ciphertext, 0, Envelope.HEADER, ad);
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
                context.primaryEngines(primary).siv().seal(plaintext, 0, plaintext.length, out, Envelope.HEADER, out, 0, Envelope.HEADER, ad);
                return out;
            }

            @Override
            public byte[] decryptDeterministically(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
                DerivedKeys.Engines e = decryptionKey(ciphertext);
                if (ciphertext[1] != Envelope.AES_SIV || ciphertext.length < Envelope.deterministicBytes(0)) {
                    throw new AEADBadTagException("algorithm mismatch or ciphertext too short");
                }
                byte[] ad = associatedData == null ? AeadEngine.EMPTY : associatedData;
                byte[] out = new byte[ciphertext.length - Envelope.deterministicBytes(0)];
                e.siv().open(ciphertext, Envelope.HEADER, ciphertext.length - Envelope.HEADER, out, 0, ciphertext, 0, Envelope.HEADER, ad);
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
                byte[] tag = context.primaryEngines(primary).mac("mac").computeMac(data);
                byte[] out = new byte[5 + tag.length];
                out[0] = Envelope.VERSION;
                out[1] = (byte) (primary.id >>> 24);
                out[2] = (byte) (primary.id >>> 16);
                out[3] = (byte) (primary.id >>> 8);
                out[4] = (byte) primary.id;
                System.arraycopy(tag, 0, out, 5, tag.length);
                return out;
            }

            @Override
            public void verifyMac(byte[] tag, byte[] data) throws GeneralSecurityException {
                if (tag == null || tag.length < 5 + HmacSha256.MIN_TAG || tag[0] != Envelope.VERSION) {
                    throw new GeneralSecurityException("invalid MAC");
                }
                int id = (tag[1] & 0xff) << 24 | (tag[2] & 0xff) << 16 | (tag[3] & 0xff) << 8 | (tag[4] & 0xff);
                KeyEntry e = keys.keyset().find(id);
                if (e == null || e.status != KeyStatus.ENABLED) {
                    throw new GeneralSecurityException("invalid MAC: unknown, disabled or destroyed key");
                }
                context.engines(e).mac("mac").verifyMac(Arrays.copyOfRange(tag, 5, tag.length), data);
            }

            @Override
            public String toString() {
                return "Mac[key ring, HMAC-SHA256, " + context.name + "]";
            }
        };
    }

    FormatPreservingCipher formatPreserving(Alphabet alphabet) {
        java.util.Objects.requireNonNull(alphabet, "alphabet");
        return new FormatPreservingCipher() {
            private Ff1Cipher cipher() throws GeneralSecurityException {
                return new Ff1Cipher(context.primaryEngines(keys.keyset().primary).ff1(), alphabet);
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
