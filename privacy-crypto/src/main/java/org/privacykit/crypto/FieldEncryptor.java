package org.privacykit.crypto;

import com.google.errorprone.annotations.CheckReturnValue;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.crypto.AEADBadTagException;

import org.privacykit.annotation.EncryptionMode;
import org.privacykit.annotation.PersonalDataType;
import org.privacykit.annotation.Sensitivity;
import org.privacykit.audit.AuditAction;
import org.privacykit.audit.AuditEvent;
import org.privacykit.audit.AuditSink;
import org.privacykit.crypto.FieldKeys.Purpose;
import org.privacykit.spi.CryptoShredder;
import org.privacykit.spi.FieldCipher;
import org.privacykit.spi.FieldContext;
import org.privacykit.spi.FieldCryptoException;
import org.privacykit.spi.MalformedCiphertextException;
import org.privacykit.spi.SubjectErasedException;
import org.privacykit.spi.TamperedCiphertextException;
import org.privacykit.spi.UnknownKeyException;
import org.privacykit.spi.engine.GraphCopy;

/**
 * Encrypts and decrypts field values bound to their place, and whole objects. It implements core's
 * {@link FieldCipher} and {@link CryptoShredder}, so privacy-jackson and privacy-jpa use it without
 * depending on this module.
 *
 * <pre>{@code
 * FieldEncryptor fields = FieldEncryptor.of(KeyRing.generate());
 * Customer stored = fields.encrypt(customer);      // a copy, every @Encrypted value reachable from it encrypted
 * Customer clear = fields.decrypt(stored);
 *
 * FieldEncryptor shredding = FieldEncryptor.builder(keys)
 *         .subjectKeyStore(SubjectKeyStore.directory(path))   // per-subject keys: forget() erases
 *         .auditSink(sink)
 *         .build();
 * shredding.forget("c-1001");                      // every ciphertext of c-1001 is now unreadable
 * }</pre>
 *
 * <p>Modes, from {@code @Encrypted}: randomized (the key's AEAD, AES-256-GCM by default),
 * deterministic (AES-SIV, equal values give equal ciphertexts) and format-preserving (FF1, same
 * length and alphabet, not authenticated). Ciphertexts are base64url text with an authenticated
 * header (format version, algorithm, key id); the header, the context name and, for randomized
 * values, the subject id are bound as associated data, so a ciphertext moved to another field or
 * subject fails to decrypt. With a {@link SubjectKeyStore}, randomized values that have a subject are
 * encrypted under that subject's own data key, and {@link #forget} erases them at once.
 *
 * <p>Thread-safe; built once and shared. Errors name the field and the reason, never a value, a
 * key or a subject id.
 */
public final class FieldEncryptor implements FieldCipher, CryptoShredder {
    /** The largest plaintext accepted, in UTF-8 bytes (16 MiB). */
    public static final int MAX_PLAINTEXT_BYTES = 16 * 1024 * 1024;
    private static final int MAX_CIPHERTEXT_CHARS = Base64Url.encodedLength(Envelope.randomizedBytes(MAX_PLAINTEXT_BYTES));

    private final DerivedKeys keys;
    private final SubjectKeys subjects;
    private final AuditSink audit;
    private final Clock clock;
    private final java.util.concurrent.ConcurrentHashMap<String, Alphabet> alphabets = new java.util.concurrent.ConcurrentHashMap<>();

    private FieldEncryptor(Builder b) {
        this.keys = new DerivedKeys(b.keys);
        this.subjects = b.store == null ? null : new SubjectKeys(keys, b.store);
        this.audit = b.audit;
        this.clock = b.clock;
    }

    /**
     * Returns an encryptor over a key ring, auditing to SLF4J, without a subject key store (so
     * randomized values are bound to their subject but encrypted under the ring's keys, and
     * {@link #forget} is unavailable; use {@link #builder} to add a store).
     *
     * @param keys the key ring
     * @return the encryptor
     */
    public static FieldEncryptor of(KeyRing keys) {
        return builder(keys).build();
    }

    /**
     * Starts an encryptor with a chosen subject key store, audit sink and clock.
     *
     * @param keys the key ring
     * @return a builder
     */
    public static Builder builder(KeyRing keys) {
        return new Builder(keys);
    }

    /**
     * Returns the length of a ciphertext, in characters, for a plaintext of {@code utf8Bytes} UTF-8
     * bytes: {@code ceil(4 * (34 + n) / 3)} randomized, {@code ceil(4 * (22 + n) / 3)} deterministic,
     * and the plaintext's own length (in characters) format-preserving. Size columns with it.
     *
     * @param mode the encryption mode
     * @param utf8Bytes the plaintext length in UTF-8 bytes (format-preserving: in characters)
     * @return the ciphertext length in characters
     */
    public static int ciphertextLength(EncryptionMode mode, int utf8Bytes) {
        switch (mode) {
            case RANDOMIZED:
                return Base64Url.encodedLength(Envelope.randomizedBytes(utf8Bytes));
            case DETERMINISTIC:
                return Base64Url.encodedLength(Envelope.deterministicBytes(utf8Bytes));
            default:
                return utf8Bytes;
        }
    }

    /**
     * Returns the key ring.
     *
     * @return the key ring
     */
    public KeyRing keyRing() {
        return keys.ring();
    }

    @Override
    @CheckReturnValue
    public String encrypt(FieldContext field, String plaintext) throws FieldCryptoException {
        Objects.requireNonNull(field, "field");
        if (plaintext == null) {
            throw new NullPointerException(field.name() + ": the value to encrypt is null");
        }
        try {
            switch (field.mode()) {
                case DETERMINISTIC:
                    requireNotForgotten(field, false);
                    return encryptDeterministic(field, plaintext, keys.keyset().primary);
                case FORMAT_PRESERVING:
                    requireNotForgotten(field, false);
                    return formatPreserving(field, keys.keyset().primary, true, plaintext);
                default:
                    return encryptRandomized(field, plaintext);
            }
        } catch (FieldCryptoException e) {
            throw e;
        } catch (SubjectKeys.UnavailableException e) {
            throw new UnknownKeyException(field.name(), "the subject's data key is unavailable: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new FieldCryptoException(field.name(), "the subject key store failed", e);
        } catch (GeneralSecurityException e) {
            throw new FieldCryptoException(field.name(), "encryption failed (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private byte[] utf8(FieldContext field, String plaintext) throws FieldCryptoException {
        int n;
        try {
            n = Utf8.length(plaintext);
        } catch (Utf8.InvalidUtf16Exception e) {
            throw new FieldCryptoException(field.name(), "the value is not valid text: " + e.getMessage());
        }
        if (n > MAX_PLAINTEXT_BYTES) {
            throw new FieldCryptoException(field.name(), "the value is too large: " + n + " UTF-8 bytes, at most " + MAX_PLAINTEXT_BYTES);
        }
        byte[] out = new byte[n];
        Utf8.write(plaintext, out, 0);
        return out;
    }

    private String encryptRandomized(FieldContext field, String plaintext) throws GeneralSecurityException {
        byte[] pt = utf8(field, plaintext);
        DerivedKeys.PerContext context = keys.context(field.name());
        String subject = field.subjectId();
        byte[] out = new byte[Envelope.randomizedBytes(pt.length)];
        if (subject == null) {
            KeyEntry primary = keys.keyset().primary;
            Envelope.header(out, primary.algorithm.code(), primary.id);
            context.primaryKeys(primary).aead(Purpose.FIELD_AEAD).seal(pt, 0, pt.length, out, Envelope.HEADER, out, 0, Envelope.HEADER, context.binding);
        } else if (subjects == null) {
            KeyEntry primary = keys.keyset().primary;
            Envelope.header(out, primary.algorithm.code(), primary.id);
            context.primaryKeys(primary).aead(Purpose.FIELD_AEAD).seal(pt, 0, pt.length, out, Envelope.HEADER, out, 0, Envelope.HEADER,
                    context.binding(subject.getBytes(StandardCharsets.UTF_8)));
        } else {
            SubjectKeys.Entry key = subjects.get(subject, true);
            if (key.forgotten) {
                throw new SubjectErasedException(field.name());
            }
            Envelope.header(out, Envelope.SUBJECT_FLAG | key.algorithm.code(), key.keyId);
            key.aead.seal(pt, 0, pt.length, out, Envelope.HEADER, out, 0, Envelope.HEADER,
                    context.binding(subject.getBytes(StandardCharsets.UTF_8)));
        }
        return Base64Url.encode(out);
    }

    private String encryptDeterministic(FieldContext field, String plaintext, KeyEntry key) throws GeneralSecurityException {
        byte[] pt = utf8(field, plaintext);
        DerivedKeys.PerContext context = keys.context(field.name());
        byte[] out = new byte[Envelope.deterministicBytes(pt.length)];
        Envelope.header(out, Envelope.AES_SIV, key.id);
        FieldKeys k = key == keys.keyset().primary ? context.primaryKeys(key) : context.keys(key);
        k.siv(Purpose.FIELD_SIV).sealWithPrefix(k.sivPrefix(context.binding), pt, 0, pt.length, out, Envelope.HEADER);
        return Base64Url.encode(out);
    }

    private String formatPreserving(FieldContext field, KeyEntry key, boolean encrypt, String value) throws GeneralSecurityException {
        DerivedKeys.PerContext context = keys.context(field.name());
        Ff1Cipher cipher = new Ff1Cipher(context.keys(key).ff1(Purpose.FIELD_FF1), alphabet(field));
        try {
            return encrypt ? cipher.encrypt(value, context.nameBytes) : cipher.decrypt(value, context.nameBytes);
        } catch (IllegalArgumentException e) {
            throw new FieldCryptoException(field.name(), "format-preserving encryption refused the value: " + e.getMessage());
        }
    }

    private Alphabet alphabet(FieldContext field) throws FieldCryptoException {
        if (!field.alphabet().isEmpty()) {
            Alphabet cached = alphabets.get(field.alphabet());
            if (cached != null) {
                return cached;
            }
            try {
                Alphabet a = Alphabet.of(field.alphabet());
                alphabets.put(field.alphabet(), a);
                return a;
            } catch (IllegalArgumentException e) {
                throw new FieldCryptoException(field.name(), "invalid format-preserving alphabet: " + e.getMessage());
            }
        }
        PersonalDataType type = field.type();
        if (type == PersonalDataType.PAYMENT_CARD || type == PersonalDataType.PHONE || type == PersonalDataType.NATIONAL_ID) {
            return Alphabet.DIGITS;
        }
        return Alphabet.ALPHANUMERIC;
    }

    private void requireNotForgotten(FieldContext field, boolean reading) throws GeneralSecurityException {
        if (field.subjectId() != null && subjects != null && subjects.isForgotten(field.subjectId())) {
            if (reading) {
                audit(AuditAction.ERASED_READ, field, null);
            }
            throw new SubjectErasedException(field.name(), "the data subject was forgotten; its deterministic and "
                    + "format-preserving values are refused (they are under field keys, see the README)");
        }
    }

    @Override
    @CheckReturnValue
    public String decrypt(FieldContext field, String ciphertext) throws FieldCryptoException {
        Objects.requireNonNull(field, "field");
        if (ciphertext == null) {
            throw new NullPointerException(field.name() + ": the ciphertext is null");
        }
        try {
            if (field.mode() == EncryptionMode.FORMAT_PRESERVING) {
                requireNotForgotten(field, true);
                String clear = formatPreserving(field, keys.keyset().primary, false, ciphertext);
                auditDecrypt(field);
                return clear;
            }
            return decryptEnvelope(field, ciphertext);
        } catch (FieldCryptoException e) {
            throw e;
        } catch (SubjectKeys.UnavailableException e) {
            throw new UnknownKeyException(field.name(), "the subject's data key is unavailable: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new FieldCryptoException(field.name(), "the subject key store failed", e);
        } catch (AEADBadTagException e) {
            throw new TamperedCiphertextException(field.name());
        } catch (GeneralSecurityException e) {
            throw new FieldCryptoException(field.name(), "decryption failed (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private byte[] parse(FieldContext field, String ciphertext) throws MalformedCiphertextException {
        if (ciphertext.length() > MAX_CIPHERTEXT_CHARS) {
            throw new MalformedCiphertextException(field.name(), "the ciphertext is too long");
        }
        byte[] in = Base64Url.decode(ciphertext);
        if (in == null) {
            throw new MalformedCiphertextException(field.name(), "the ciphertext is not base64url text of this format");
        }
        if (in.length < Envelope.HEADER) {
            throw new MalformedCiphertextException(field.name(), "the ciphertext is too short");
        }
        if (in[0] != Envelope.VERSION) {
            throw new MalformedCiphertextException(field.name(), "unsupported ciphertext format version " + (in[0] & 0xff));
        }
        return in;
    }

    private String decryptEnvelope(FieldContext field, String ciphertext) throws GeneralSecurityException {
        byte[] in = parse(field, ciphertext);
        int algorithm = in[1] & 0xff;
        int keyId = Envelope.keyId(in);
        DerivedKeys.PerContext context = keys.context(field.name());
        String subject = field.subjectId();
        byte[] out;
        int n;
        if (algorithm == Envelope.AES_SIV) {
            requireNotForgotten(field, true);
            KeyEntry key = enabledKey(field, keyId);
            if (in.length < Envelope.deterministicBytes(0)) {
                throw new MalformedCiphertextException(field.name(), "the ciphertext is too short");
            }
            out = new byte[in.length - Envelope.deterministicBytes(0)];
            FieldKeys k = context.keys(key);
            n = k.siv(Purpose.FIELD_SIV).openWithPrefix(k.sivPrefix(context.binding), in, Envelope.HEADER, in.length - Envelope.HEADER, out, 0);
        } else if ((algorithm & Envelope.SUBJECT_FLAG) != 0) {
            if (AeadAlgorithm.ofCode(algorithm & ~Envelope.SUBJECT_FLAG) == null) {
                throw new MalformedCiphertextException(field.name(), "unknown algorithm " + algorithm);
            }
            if (subject == null) {
                throw new TamperedCiphertextException(field.name(),
                        "the ciphertext belongs to a data subject, but the field has none: it was moved or the context is wrong");
            }
            if (subjects == null) {
                throw new UnknownKeyException(field.name(), "the ciphertext is under a subject's data key, and this encryptor has no subject key store");
            }
            SubjectKeys.Entry key = subjects.get(subject, false);
            if (key.forgotten) {
                audit(AuditAction.ERASED_READ, field, null);
                throw new SubjectErasedException(field.name());
            }
            if (key.aead == null) {
                throw new UnknownKeyException(field.name(), "the subject key store holds no data key for this subject: "
                        + "the ciphertext was moved from another subject, or the store lost the key");
            }
            if (key.keyId != keyId || (key.algorithm.code() | Envelope.SUBJECT_FLAG) != algorithm) {
                throw new TamperedCiphertextException(field.name(), "the ciphertext was made under another subject's key: it was moved");
            }
            if (in.length < Envelope.randomizedBytes(0)) {
                throw new MalformedCiphertextException(field.name(), "the ciphertext is too short");
            }
            out = new byte[in.length - Envelope.randomizedBytes(0)];
            n = key.aead.open(in, Envelope.HEADER, in.length - Envelope.HEADER, out, 0, in, 0, Envelope.HEADER,
                    context.binding(subject.getBytes(StandardCharsets.UTF_8)));
        } else {
            if (AeadAlgorithm.ofCode(algorithm) == null) {
                throw new MalformedCiphertextException(field.name(), "unknown algorithm " + algorithm);
            }
            if (subject != null && subjects != null && subjects.isForgotten(subject)) {
                audit(AuditAction.ERASED_READ, field, null);
                throw new SubjectErasedException(field.name());
            }
            KeyEntry key = enabledKey(field, keyId);
            if (key.algorithm.code() != algorithm) {
                throw new TamperedCiphertextException(field.name(), "the header's algorithm does not match key " + KeyEntry.name(keyId));
            }
            if (in.length < Envelope.randomizedBytes(0)) {
                throw new MalformedCiphertextException(field.name(), "the ciphertext is too short");
            }
            out = new byte[in.length - Envelope.randomizedBytes(0)];
            n = context.keys(key).aead(Purpose.FIELD_AEAD).open(in, Envelope.HEADER, in.length - Envelope.HEADER, out, 0, in, 0, Envelope.HEADER,
                    subject == null ? context.binding : context.binding(subject.getBytes(StandardCharsets.UTF_8)));
        }
        auditDecrypt(field);
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    /**
     * The enabled ring key a ciphertext names. When this ring does not hold it enabled, the ring is
     * reloaded once if its file changed (another process rotated or enabled it) before failing.
     */
    private KeyEntry enabledKey(FieldContext field, int keyId) throws UnknownKeyException {
        KeyEntry key = keys.keyset().find(keyId);
        if (key == null || key.status != KeyStatus.ENABLED) {
            try {
                if (keys.ring().refreshForMissingKey()) {
                    key = keys.keyset().find(keyId);
                }
            } catch (java.io.IOException | KeyRingStorageException e) {
                throw new UnknownKeyException(field.name(), "the ciphertext names key " + KeyEntry.name(keyId)
                        + ", which this key ring does not hold enabled, and reloading the key ring failed ("
                        + (e instanceof KeyRingStorageException k ? k.reason().toString() : e.getClass().getSimpleName()) + ")");
            }
        }
        if (key == null) {
            throw new UnknownKeyException(field.name(), "the ciphertext names key " + KeyEntry.name(keyId) + ", which this key ring does not hold");
        }
        if (key.status != KeyStatus.ENABLED) {
            throw new UnknownKeyException(field.name(), "the ciphertext's key " + KeyEntry.name(keyId) + " is " + key.status);
        }
        return key;
    }

    private void auditDecrypt(FieldContext field) {
        if (field.sensitivity() == Sensitivity.RESTRICTED) {
            audit(AuditAction.DECRYPT, field, "RESTRICTED field decrypted");
        }
    }

    private void audit(AuditAction action, FieldContext field, String detail) {
        audit.record(AuditEvent.builder(action).time(clock.instant()).field(field.name()).subject(field.subjectId())
                .detail(detail).build());
    }

    /**
     * Tells whether a ciphertext should be re-encrypted to move it to the primary key: a ring-key
     * ciphertext under another key or algorithm, or a subject's value still under a ring key while
     * a subject key store is configured. Subject-key ciphertexts stay as they are (the subject key is
     * not tied to the ring's rotation). Format-preserving values cannot tell their key: see
     * {@link #reencryptFormatPreserving}.
     *
     * @param field the field context
     * @param ciphertext the ciphertext
     * @return {@code true} when {@link #reencrypt(FieldContext, String)} would change it
     * @throws MalformedCiphertextException when the input is not a ciphertext of this format
     */
    public boolean needsReencryption(FieldContext field, String ciphertext) throws MalformedCiphertextException {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(ciphertext, "ciphertext");
        if (field.mode() == EncryptionMode.FORMAT_PRESERVING) {
            return false;
        }
        byte[] in = parse(field, ciphertext);
        int algorithm = in[1] & 0xff;
        if ((algorithm & Envelope.SUBJECT_FLAG) != 0) {
            return false;
        }
        KeyEntry primary = keys.keyset().primary;
        if (algorithm == Envelope.AES_SIV) {
            return Envelope.keyId(in) != primary.id || field.mode() != EncryptionMode.DETERMINISTIC;
        }
        boolean movesToSubjectKey = field.mode() == EncryptionMode.RANDOMIZED && field.subjectId() != null && subjects != null;
        return movesToSubjectKey || Envelope.keyId(in) != primary.id || algorithm != primary.algorithm.code()
                || field.mode() != EncryptionMode.RANDOMIZED;
    }

    /**
     * Moves a ciphertext to the primary key (and to the field's current mode): decrypts and encrypts
     * again when {@link #needsReencryption} says so, otherwise returns the same string. So a batch
     * re-encryption can be interrupted, resumed and repeated safely.
     *
     * @param field the field context
     * @param ciphertext the ciphertext
     * @return the new ciphertext, or {@code ciphertext} itself when it is already current
     * @throws FieldCryptoException when the ciphertext cannot be decrypted
     */
    @CheckReturnValue
    public String reencrypt(FieldContext field, String ciphertext) throws FieldCryptoException {
        if (!needsReencryption(field, ciphertext)) {
            return ciphertext;
        }
        FieldContext asStored = field;
        return encrypt(field, decrypt(asStored, ciphertext));
    }

    /**
     * Moves a format-preserving value from an older key to the primary. A format-preserving value
     * carries no key id, so the caller says which key it was made under (the primary at the time,
     * recorded beside the data or known from the migration plan).
     *
     * @param field the field context, format-preserving
     * @param value the value under the old key
     * @param fromKeyId the key it was encrypted under
     * @return the value under the primary key
     * @throws FieldCryptoException when the key is unknown or disabled, or the value does not fit
     */
    @CheckReturnValue
    public String reencryptFormatPreserving(FieldContext field, String value, int fromKeyId) throws FieldCryptoException {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        if (field.mode() != EncryptionMode.FORMAT_PRESERVING) {
            throw new IllegalArgumentException(field.name() + " is not format-preserving");
        }
        try {
            requireNotForgotten(field, true);
            KeyEntry primary = keys.keyset().primary;
            if (fromKeyId == primary.id) {
                return value;
            }
            String clear = formatPreserving(field, enabledKey(field, fromKeyId), false, value);
            return formatPreserving(field, primary, true, clear);
        } catch (FieldCryptoException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new FieldCryptoException(field.name(), "re-encryption failed (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * Returns the ciphertexts a deterministic or format-preserving value has under each enabled key,
     * the primary's first, so an equality search keeps finding rows not yet re-encrypted after a
     * rotation ({@code WHERE email IN (...)}).
     *
     * @param field the field context, deterministic or format-preserving
     * @param value the clear value to look for
     * @return one search term per enabled key
     * @throws FieldCryptoException when the value cannot be encrypted
     * @throws IllegalArgumentException for a randomized field (use a {@link BlindIndex})
     */
    public List<String> searchTerms(FieldContext field, String value) throws FieldCryptoException {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        if (field.mode() == EncryptionMode.RANDOMIZED) {
            throw new IllegalArgumentException(field.name() + " is randomized and cannot be searched; add a BlindIndex");
        }
        try {
            requireNotForgotten(field, true);
            KeyEntry[] enabled = keys.keyset().enabled;
            DerivedKeys.PerContext context = keys.context(field.name());
            String[] terms = new String[enabled.length];
            if (field.mode() == EncryptionMode.DETERMINISTIC) {
                // the value is encoded once, and each key's S2V state over header and binding is cached
                byte[] pt = utf8(field, value);
                byte[] out = new byte[Envelope.deterministicBytes(pt.length)];
                for (int i = 0; i < enabled.length; i++) {
                    KeyEntry key = enabled[i];
                    FieldKeys k = i == 0 ? context.primaryKeys(key) : context.keys(key);
                    Envelope.header(out, Envelope.AES_SIV, key.id);
                    k.siv(Purpose.FIELD_SIV).sealWithPrefix(k.sivPrefix(context.binding), pt, 0, pt.length, out, Envelope.HEADER);
                    terms[i] = Base64Url.encode(out);
                }
            } else {
                Alphabet alphabet = alphabet(field);
                int[] x;
                try {
                    x = Ff1Cipher.toSymbols(alphabet, value);
                } catch (IllegalArgumentException e) {
                    throw new FieldCryptoException(field.name(), "format-preserving encryption refused the value: " + e.getMessage());
                }
                for (int i = 0; i < enabled.length; i++) {
                    try {
                        int[] y = context.keys(enabled[i]).ff1(Purpose.FIELD_FF1).encrypt(alphabet.radix(), x, context.nameBytes);
                        terms[i] = Ff1Cipher.fromSymbols(alphabet, y);
                    } catch (IllegalArgumentException e) {
                        throw new FieldCryptoException(field.name(), "format-preserving encryption refused the value: " + e.getMessage());
                    }
                }
            }
            return List.of(terms);
        } catch (FieldCryptoException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new FieldCryptoException(field.name(), "encryption failed (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * Returns a copy of an object with every {@code @Encrypted} value reachable from it encrypted:
     * its own properties, and those of nested objects, of the elements of its collections and
     * arrays, of map values and {@code Optional}s. Each value is bound to its field and to the data
     * subject of the innermost enclosing object that declares one. Objects in which nothing is
     * encrypted are shared with the original; null values stay null.
     *
     * <p>A copy keeps each property's declared type, so an {@code @Encrypted} property must hold
     * text (a {@code String}, or collections, arrays, map values or {@code Optional}s of text). One
     * that cannot ({@code @Encrypted int}, {@code LocalDate}, a nested object, a map with personal
     * keys, a getter without a field: see {@link org.privacykit.metadata.EncryptionPath#OBJECT_COPY})
     * fails the call before anything is encrypted, with a message that names the field and the fix;
     * nothing is ever left in clear silently.
     *
     * @param object an object with {@code @Encrypted} properties, or a collection, map or array of them
     * @param <T> its type
     * @return the encrypted copy; {@code object} itself when nothing in it is {@code @Encrypted}
     * @throws FieldCryptoException when a field cannot be encrypted, or a copy cannot hold it encrypted
     * @throws IllegalStateException when a class cannot be copied, or its constructor rejects a ciphertext
     */
    @CheckReturnValue
    public <T> T encrypt(T object) throws FieldCryptoException {
        return map(object, ObjectEncryption.Operation.ENCRYPT).copy;
    }

    /**
     * Returns a copy of an object with every {@code @Encrypted} value reachable from it decrypted, as
     * {@link #encrypt(Object)} encrypted them (an encrypted {@code @SubjectId} is decrypted first, to
     * bind the others).
     *
     * @param object an object {@link #encrypt(Object)} returned
     * @param <T> its type
     * @return the clear copy
     * @throws FieldCryptoException when a field cannot be decrypted, or a copy cannot hold it
     * @throws IllegalStateException when a class cannot be copied, or its constructor rejects a clear value
     */
    @CheckReturnValue
    public <T> T decrypt(T object) throws FieldCryptoException {
        return map(object, ObjectEncryption.Operation.DECRYPT).copy;
    }

    /**
     * Moves every encrypted value reachable from an object to the primary key. Returns the same
     * instance when nothing needed it, so a batch job writes back only what changed and a second run
     * is a no-op (an object that a reference cycle leads back to is copied all the same).
     * Format-preserving values are left as they are (see {@link #reencryptFormatPreserving}); the
     * subject keys met are re-wrapped under the primary ring key. Audited as {@code REENCRYPTED}
     * when something changed.
     *
     * @param object an encrypted object
     * @param <T> its type
     * @return a re-encrypted copy, or {@code object} itself
     * @throws FieldCryptoException when a field cannot be re-encrypted
     */
    @CheckReturnValue
    public <T> T reencrypt(T object) throws FieldCryptoException {
        Mapped<T> mapped = map(object, ObjectEncryption.Operation.REENCRYPT);
        if (mapped.changed > 0) {
            audit.record(AuditEvent.builder(AuditAction.REENCRYPTED).time(clock.instant())
                    .field(object.getClass().getSimpleName())
                    .detail(mapped.changed + " fields to key " + KeyEntry.name(keys.keyset().primary.id)).build());
        }
        return mapped.copy;
    }

    private record Mapped<T>(T copy, int changed) {
    }

    @SuppressWarnings("unchecked")
    private <T> Mapped<T> map(T object, ObjectEncryption.Operation operation) throws FieldCryptoException {
        Objects.requireNonNull(object, "object");
        ObjectEncryption walk = new ObjectEncryption(this, operation);
        T copy = (T) GraphCopy.copy(object, walk);
        return new Mapped<>(copy, walk.changed());
    }

    /**
     * Re-wraps a subject's data key under the key ring's primary key, if it is wrapped under an
     * older one (keys are also re-wrapped whenever they are loaded, and by {@link #reencrypt(Object)}).
     * Run it for every subject before disabling or destroying an old ring key: a subject key wrapped
     * only by a destroyed ring key is lost, which erases that subject.
     *
     * @param subjectId the subject id
     * @throws FieldCryptoException when the key cannot be unwrapped (its ring key is disabled or
     *         destroyed) or the store fails
     */
    public void rewrapSubjectKey(String subjectId) throws FieldCryptoException {
        Objects.requireNonNull(subjectId, "subjectId");
        if (subjects == null) {
            return;
        }
        try {
            subjects.get(subjectId, false);
        } catch (SubjectKeys.UnavailableException e) {
            throw new UnknownKeyException("subject key", "the subject's data key is unavailable: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new FieldCryptoException("subject key", "the subject key store failed", e);
        } catch (GeneralSecurityException e) {
            throw new FieldCryptoException("subject key", "re-wrapping failed (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * Forgets a subject: deletes its data key from the subject key store (crypto-shredding). From
     * this call on, in every encryptor that shares the store, its randomized values fail with
     * {@link SubjectErasedException}, and its deterministic and format-preserving values are refused
     * too. Audited as {@code ERASE}.
     *
     * @param subjectId the subject id
     * @throws IllegalStateException when the encryptor has no subject key store
     */
    @Override
    public void forget(String subjectId) {
        Objects.requireNonNull(subjectId, "subjectId");
        if (subjects == null) {
            throw new IllegalStateException("this FieldEncryptor has no SubjectKeyStore; build it with subjectKeyStore(...) to crypto-shred");
        }
        boolean deleted = subjects.store().forget(subjectId);
        subjects.evict(subjectId);
        audit.record(AuditEvent.builder(AuditAction.ERASE).time(clock.instant()).subject(subjectId)
                .detail(deleted ? "crypto-shredded: subject data key deleted" : "crypto-shredded: no data key existed; tombstone recorded").build());
    }

    @Override
    public boolean isForgotten(String subjectId) {
        Objects.requireNonNull(subjectId, "subjectId");
        return subjects != null && subjects.store().isForgotten(subjectId);
    }

    @Override
    public String toString() {
        return "FieldEncryptor[" + keys.ring() + (subjects == null ? ", no subject key store" : ", " + subjects.store()) + "]";
    }

    /** Builds a {@link FieldEncryptor}. */
    public static final class Builder {
        private final KeyRing keys;
        private SubjectKeyStore store;
        private AuditSink audit = AuditSink.slf4j();
        private Clock clock = Clock.systemUTC();

        private Builder(KeyRing keys) {
            this.keys = Objects.requireNonNull(keys, "keys");
        }

        /**
         * Sets the store of per-subject data keys, which turns on crypto-shredding: randomized values
         * with a subject are encrypted under the subject's own key.
         *
         * @param store the store
         * @return this builder
         */
        public Builder subjectKeyStore(SubjectKeyStore store) {
            if (this.store != null) {
                throw new IllegalStateException("the subject key store was already set to " + this.store);
            }
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Sets where decryptions of RESTRICTED fields, erasures and re-encryptions are audited; the
         * default is {@link AuditSink#slf4j()}.
         *
         * @param sink the audit sink
         * @return this builder
         */
        public Builder auditSink(AuditSink sink) {
            this.audit = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /**
         * Sets the clock of audit events.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the encryptor.
         *
         * @return the encryptor, immutable and thread-safe
         * @throws IllegalStateException when a durable subject key store is paired with a key ring
         *         that lives in memory only: every subject key would be wrapped by a key lost at exit
         */
        public FieldEncryptor build() {
            if (store != null && store.isDurable() && keys.isEphemeral()) {
                throw new IllegalStateException("the subject key store " + store + " keeps keys across restarts, but the key"
                        + " ring lives in memory only: every subject key would be wrapped by a ring key lost at exit. Open the"
                        + " ring from its file (KeyRing.open(path, kek), or KeyRing.create once), or use"
                        + " SubjectKeyStore.inMemory() in tests");
            }
            return new FieldEncryptor(this);
        }
    }
}
