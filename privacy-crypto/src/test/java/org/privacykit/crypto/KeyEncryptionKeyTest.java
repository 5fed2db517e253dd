package org.privacykit.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issues 13.7 and 13.10: the built-in key-encryption keys' parameters, caps and key separation. */
class KeyEncryptionKeyTest {
    private static final byte[] AD = "header".getBytes(StandardCharsets.UTF_8);
    private static final String PBKDF2 = "1.2.840.113549.1.5.12";
    private static final String HMAC_SHA256 = "1.2.840.113549.2.9";

    @Test
    void passphrase_defaultsToRfc9106SecondRecommendedParameters() throws Exception {
        byte[] wrapped = KeyEncryptionKey.passphrase("correct horse".toCharArray()).wrap(new byte[8], AD);
        ByteBuffer header = ByteBuffer.wrap(wrapped);
        assertThat(header.get()).isEqualTo((byte) 2);
        assertThat(header.getInt()).as("memory KiB").isEqualTo(64 * 1024);
        assertThat(header.get()).as("passes").isEqualTo((byte) 3);
        assertThat(header.get()).as("lanes").isEqualTo((byte) 4);
    }

    /** A file may not make the loader spend more than the KEK is configured for (here: cheap test parameters). */
    @Test
    void passphrase_fileDemandingMoreThanConfigured_isRefusedBeforeAnyDerivation() throws Exception {
        KeyEncryptionKey kek = KeyEncryptionKey.passphrase("pw".toCharArray(), 64, 1, 1);
        byte[] wrapped = kek.wrap(new byte[8], AD);
        ByteBuffer.wrap(wrapped).putInt(1, 1 << 20).put(5, (byte) 64); // 1 GiB and 64 passes
        assertThatThrownBy(() -> kek.unwrap(wrapped, AD)).isInstanceOfSatisfying(KeyRingStorageException.class,
                e -> assertThat(e.reason()).isEqualTo(KeyRingStorageException.Reason.CORRUPTED))
                .hasMessageContaining("more than this KEK allows");
        assertThatThrownBy(() -> KeyEncryptionKey.passphrase("pw".toCharArray(), 8 * 1024 * 1024, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The stored check value comes from its own key: it is not an oracle on the wrapping key. */
    @Test
    void passphrase_checkKeyAndWrappingKey_areDerivedSeparately() throws Exception {
        KeyEncryptionKey kek = KeyEncryptionKey.passphrase("pw".toCharArray(), 64, 1, 1);
        byte[] secret = "the key ring".getBytes(StandardCharsets.UTF_8);
        byte[] wrapped = kek.wrap(secret, AD);
        byte[] salt = Arrays.copyOfRange(wrapped, 7, 23);
        byte[] check = Arrays.copyOfRange(wrapped, 23, 39);
        byte[] master = new byte[32];
        Argon2BytesGenerator argon = new Argon2BytesGenerator();
        argon.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt).withMemoryAsKB(64).withIterations(1).withParallelism(1).build());
        argon.generateBytes("pw".getBytes(StandardCharsets.UTF_8), master);
        byte[] label = "privacykit passphrase check".getBytes(StandardCharsets.UTF_8);
        byte[] checkKey = Hkdf.sha256(master, salt, "privacykit/passphrase-kek/check".getBytes(StandardCharsets.UTF_8), 32);
        byte[] wrapKey = Hkdf.sha256(master, salt, "privacykit/passphrase-kek/wrap".getBytes(StandardCharsets.UTF_8), 32);

        assertThat(Arrays.copyOf(Mac.hmacSha256(checkKey).computeMac(label), 16)).isEqualTo(check);
        assertThat(Aead.aesGcm(wrapKey).decrypt(Arrays.copyOfRange(wrapped, 39, wrapped.length), AD)).isEqualTo(secret);
        assertThat(wrapKey).isNotEqualTo(checkKey).isNotEqualTo(master);
        assertThat(Arrays.copyOf(Mac.hmacSha256(wrapKey).computeMac(label), 16)).isNotEqualTo(check);
        assertThat(Arrays.copyOf(Mac.hmacSha256(master).computeMac(label), 16)).isNotEqualTo(check);
    }

    @Test
    void passphrase_keepsItsSalt_soAReloadNeedsNoNewDerivation_andAnotherInstanceReadsIt() throws Exception {
        KeyEncryptionKey kek = KeyEncryptionKey.passphrase("pw".toCharArray(), 64, 1, 1);
        byte[] first = kek.wrap(new byte[] {1}, AD);
        byte[] second = kek.wrap(new byte[] {2}, AD);
        assertThat(Arrays.copyOfRange(first, 7, 23)).isEqualTo(Arrays.copyOfRange(second, 7, 23));
        assertThat(KeyEncryptionKey.passphrase("pw".toCharArray(), 64, 1, 1).unwrap(second, AD)).containsExactly(2);
        assertThatThrownBy(() -> KeyEncryptionKey.passphrase("other".toCharArray(), 64, 1, 1).unwrap(second, AD))
                .isInstanceOfSatisfying(KeyRingStorageException.class,
                        e -> assertThat(e.reason()).isEqualTo(KeyRingStorageException.Reason.WRONG_KEY_ENCRYPTION_KEY));
    }

    /** Issue 13.7: owner-only, PBKDF2-HMAC-SHA256 at 600,000 iterations, and no cheaper MAC check. */
    @Test
    void pkcs12_isOwnerOnly_withStrongPbes2_andNoWeakMac(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("kek.p12");
        KeyEncryptionKey kek = KeyEncryptionKey.createPkcs12(store, "store-pass".toCharArray(), "privacykit");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(Files.getPosixFilePermissions(store)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
        ASN1Primitive pfx = ASN1Primitive.fromByteArray(Files.readAllBytes(store));
        assertThat(ASN1Sequence.getInstance(pfx).size()).as("version and content, no MacData").isEqualTo(2);
        List<ASN1Sequence> kdfs = new ArrayList<>();
        find(pfx, PBKDF2, kdfs);
        assertThat(kdfs).isNotEmpty().allSatisfy(kdf -> {
            ASN1Sequence params = ASN1Sequence.getInstance(kdf.getObjectAt(1));
            assertThat(ASN1Integer.getInstance(params.getObjectAt(1)).intValueExact()).isGreaterThanOrEqualTo(600_000);
            ASN1Sequence prf = ASN1Sequence.getInstance(params.getObjectAt(params.size() - 1));
            assertThat(prf.getObjectAt(0).toString()).isEqualTo(HMAC_SHA256);
        });
        byte[] ring = kek.wrap(new byte[] {7}, AD);
        assertThat(KeyEncryptionKey.pkcs12(store, "store-pass".toCharArray(), "privacykit").unwrap(ring, AD)).containsExactly(7);
        assertThatThrownBy(() -> KeyEncryptionKey.pkcs12(store, "wrong".toCharArray(), "privacykit"))
                .isInstanceOfSatisfying(KeyRingStorageException.class,
                        e -> assertThat(e.reason()).isEqualTo(KeyRingStorageException.Reason.WRONG_KEY_ENCRYPTION_KEY));
        assertThatThrownBy(() -> KeyEncryptionKey.createPkcs12(store, "x".toCharArray(), "y"))
                .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
    }

    @Test
    void pkcs12_creationIsDurable(@TempDir Path dir) throws Exception {
        FsyncChecker fs = FsyncChecker.standard();
        Pkcs12Kek.create(dir.resolve("kek.p12"), "pw".toCharArray(), "a", 1_000, fs);
        fs.acknowledged("createPkcs12");
        assertThat(fs.violations()).isEmpty();
        Assumptions.assumeTrue(fs.forces() > 0);
    }

    /** Collects every AlgorithmIdentifier with the OID, looking inside octet strings that hold DER too. */
    private static void find(ASN1Primitive node, String oid, List<ASN1Sequence> out) {
        if (node instanceof ASN1Sequence seq) {
            if (seq.size() > 0 && seq.getObjectAt(0) instanceof ASN1ObjectIdentifier id && id.getId().equals(oid)) {
                out.add(seq);
            }
            for (ASN1Encodable child : seq) {
                find(child.toASN1Primitive(), oid, out);
            }
        } else if (node instanceof ASN1TaggedObject tagged) {
            find(tagged.getBaseObject().toASN1Primitive(), oid, out);
        } else if (node instanceof ASN1OctetString octets) {
            try (ASN1InputStream in = new ASN1InputStream(new ByteArrayInputStream(octets.getOctets()))) {
                ASN1Primitive inner = in.readObject();
                if (inner != null && in.readObject() == null) {
                    find(inner, oid, out);
                }
            } catch (java.io.IOException | RuntimeException notDer) {
                // plain bytes
            }
        }
    }
}
