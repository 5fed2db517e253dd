package org.privacykit.examples;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;
import static org.privacykit.annotation.EncryptionMode.DETERMINISTIC;
import static org.privacykit.annotation.PersonalDataType.EMAIL;
import static org.privacykit.annotation.PersonalDataType.HEALTH;
import static org.privacykit.annotation.PersonalDataType.NAME;
import static org.privacykit.annotation.PersonalDataType.PHONE;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.privacykit.annotation.Encrypted;
import org.privacykit.annotation.PersonalData;
import org.privacykit.annotation.QuasiIdentifier;
import org.privacykit.annotation.SubjectId;
import org.privacykit.anonymize.Anonymizer;
import org.privacykit.audit.AuditSink;
import org.privacykit.crypto.FieldEncryptor;
import org.privacykit.crypto.KeyEncryptionKey;
import org.privacykit.crypto.KeyRing;
import org.privacykit.crypto.KeyRingStorageException;
import org.privacykit.crypto.SubjectKeyStore;
import org.privacykit.dataset.AnonymizedDataset;
import org.privacykit.dataset.Dataset;
import org.privacykit.dataset.Mondrian;
import org.privacykit.detect.PiiDetector;
import org.privacykit.json.JsonMasker;
import org.privacykit.jackson.PrivacyModule;
import org.privacykit.jackson.Reveal;
import org.privacykit.mask.Maskers;
import org.privacykit.pseudonym.Pseudonymizer;
import org.privacykit.rights.SubjectRights;

/**
 * The Java snippets of the root README (other than the quickstart, which QuickstartTest holds and
 * runs): each region marked {@code snippet-start} is what the README shows, compiled by the build
 * (ReadmeSnippetsTest compares the two). The methods are compiled, not run: their parameters stand
 * for what the README's prose introduces (an audit sink, a customer, a request body).
 */
@SuppressWarnings({"unused", "ResultOfMethodCallIgnored"})
final class RootReadmeSnippets {

    /** A row of a data set, as the README's dataset line reads it. */
    record Patient(@QuasiIdentifier int age, @QuasiIdentifier String sex, @QuasiIdentifier String zip,
            @PersonalData(HEALTH) String diagnosis) {
    }

    // snippet-start meta-annotation
    @PersonalData(EMAIL) @Encrypted(mode = DETERMINISTIC)
    @Retention(RUNTIME) @Target({FIELD, RECORD_COMPONENT, METHOD})
    public @interface SearchableEmail {}
    // snippet-end meta-annotation

    void json(AuditSink auditSink, FieldEncryptor fieldEncryptor, byte[] key, Customer customer, String requestBody)
            throws IOException {
        // snippet-start json
        ObjectMapper api = JsonMapper.builder().addModule(new JavaTimeModule())
                .addModule(PrivacyModule.masking(auditSink)).build();
        api.writeValueAsString(customer);                                   // the API response: masked
        Reveal.forPurposes("support").by("agent-17").writer(api).writeValueAsString(customer);
        // fullName, email and diagnosis (purposes include "support") in clear; one REVEAL audit event each

        ObjectMapper store = JsonMapper.builder().addModule(new JavaTimeModule())
                .addModule(PrivacyModule.encrypting(fieldEncryptor)).build();   // @Encrypted -> ciphertext
        ObjectMapper export = JsonMapper.builder()
                .addModule(PrivacyModule.pseudonymizing(Pseudonymizer.hmacSha256(key))).build();

        JsonMasker masker = JsonMasker.builder()
                .maskKeys("password", "authorization")                   // "****"
                .maskKey("email", Maskers.email())                       // "a***@example.com"
                .maskPath("$.orders[*].iban", Maskers.iban())                // RFC 9535 JSONPath
                .build();
        masker.mask(requestBody);                                         // String, byte[], or stream to stream
        // snippet-end json
    }

    /** Personal map keys, declared on the key's type argument. */
    static final class MapKeys {
        // snippet-start map-keys
        Map<@PersonalData(EMAIL) String, Order> ordersByEmail;
        @PersonalData(PHONE) Map<@PersonalData(NAME) String, String> phonesByName;
        // snippet-end map-keys
    }

    /** privacy-core/README-json.md's first snippet. */
    void jsonMasker(String json, byte[] bytes, InputStream inputStream, OutputStream outputStream) throws IOException {
        // snippet-start json-masker
        JsonMasker masker = JsonMasker.builder()
                .maskKeys("password", "authorization")                   // "****"
                .maskKey("email", Maskers.email())                       // "a***@example.com"
                .maskPath("$.payment.card", Maskers.paymentCard())       // "**** **** **** 1111"
                .maskPath("$.orders[*].iban", Maskers.iban())
                .maskPath("$..ssn")                                      // at any depth
                .keepValueTypes(true)                                     // masked numbers 0, booleans false
                .build();
        String safe = masker.mask(json);              // String -> String
        byte[] out = masker.mask(bytes);              // byte[] -> byte[]
        masker.mask(inputStream, outputStream);       // bounded memory
        // snippet-end json-masker
    }

    // snippet-start crypto
    FieldEncryptor fieldEncryptor(AuditSink sink) throws IOException, KeyRingStorageException {
        KeyEncryptionKey kek = KeyEncryptionKey.passphrase(System.getenv("KEYRING_PASSPHRASE").toCharArray());
        KeyRing keys = KeyRing.builder().auditSink(sink).open(Path.of("/etc/app/keys.pkkr"), kek); // KeyRing.create once
        return FieldEncryptor.builder(keys)
                .subjectKeyStore(SubjectKeyStore.directory(Path.of("/var/lib/app/subject-keys")))
                .auditSink(sink)
                .build();
    }
    // snippet-end crypto

    // snippet-start crypto
    void protect(FieldEncryptor fields, Customer customer) throws IOException, GeneralSecurityException {
        Customer stored = fields.encrypt(customer);     // a copy with every @Encrypted String field encrypted
        Customer clear  = fields.decrypt(stored);       // FieldCryptoException on a wrong key or tampering
        fields.keyRing().rotate();                       // new primary, in the file before use; old data still decrypts
        Customer moved  = fields.reencrypt(stored);      // to the primary; the same instance when nothing changed
        fields.forget("c-1001");                         // crypto-shredding: that customer's data is gone
    }
    // snippet-end crypto

    void anonymize(byte[] secret, Customer customer, List<Patient> patients, String text, FieldEncryptor fieldEncryptor,
            SupportTicket ticket, List<Customer> customers) {
        // snippet-start anonymize
        Anonymizer anonymizer = Anonymizer.withKey(secret);          // immutable, thread-safe
        Customer copy = anonymizer.anonymize(customer);              // deep copy, original untouched, cycles safe

        Dataset.of(patients, "age", "sex", "zip").risk().assertKAnonymous(5);      // one-line check
        AnonymizedDataset release = Mondrian.builder().k(5).l(2).build()
                .anonymize(Dataset.builder(patients).sensitiveAttribute("diagnosis").build());

        PiiDetector detector = PiiDetector.defaults();
        detector.mask("card 4111 1111 1111 1111, mail ada@example.com");   // card **** **** **** 1111, mail a***@example.com
        detector.detect(text);                                              // type, offsets, confidence

        SubjectRights rights = SubjectRights.builder(anonymizer).cryptoShredder(fieldEncryptor).build();
        rights.export("c-1001", List.of(customer, ticket)).toJson();   // GDPR Art. 15: every field with purpose, basis, retention
        rights.erase("c-1001", customers);                              // anonymized copies, key deleted, audited
        // snippet-end anonymize
    }
}
