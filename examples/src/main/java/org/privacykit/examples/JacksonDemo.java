package org.privacykit.examples;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.privacykit.audit.AuditEvent;
import org.privacykit.audit.InMemoryAuditSink;
import org.privacykit.jackson.PrivacyModule;
import org.privacykit.jackson.Reveal;
import org.privacykit.json.JsonMasker;
import org.privacykit.mask.Maskers;
import org.privacykit.pseudonym.Pseudonymizer;
import org.privacykit.spi.FieldCipher;

/** The Jackson module and the streaming JSON masker, as an application uses them. */
public final class JacksonDemo {
    private JacksonDemo() {
    }

    /**
     * Runs the demo.
     *
     * @param out where to print
     * @param cipher the field cipher for stored JSON (privacy-crypto's {@code FieldEncryptor}), or
     *        {@code null} to skip that part
     */
    static void run(PrintStream out, FieldCipher cipher) {
        try {
            Customer ada = SampleData.ada();
            InMemoryAuditSink audit = new InMemoryAuditSink();
            ObjectMapper api = mapper(PrivacyModule.masking(audit));

            out.println("API response (PrivacyModule.masking()):");
            out.println(api.writerWithDefaultPrettyPrinter().writeValueAsString(ada));

            out.println();
            out.println("Support agent's view (Reveal.forPurposes(\"support\").by(\"agent-17\")):");
            out.println(Reveal.forPurposes("support").by("agent-17")
                    .applyTo(api.writerWithDefaultPrettyPrinter()).writeValueAsString(ada));
            for (AuditEvent event : audit.events()) {
                out.println("audit: " + event);
            }

            out.println();
            if (cipher == null) {
                out.println("Stored JSON (PrivacyModule.encrypting(fieldCipher)): skipped, no FieldCipher given"
                        + " (privacy-crypto's FieldEncryptor plugs in here).");
            } else {
                ObjectMapper store = mapper(PrivacyModule.encrypting(cipher, audit));
                String stored = store.writerWithDefaultPrettyPrinter().writeValueAsString(ada);
                out.println("Stored JSON (PrivacyModule.encrypting(fieldCipher)):");
                out.println(stored);
                out.println("read back equal: " + store.readValue(stored, Customer.class).equals(ada));
            }

            out.println();
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            ObjectMapper analytics = mapper(PrivacyModule.pseudonymizing(Pseudonymizer.hmacSha256(key)));
            out.println("Analytics export (PrivacyModule.pseudonymizing(pseudonymizer), a fresh key):");
            out.println(analytics.writeValueAsString(ada));

            out.println();
            JsonMasker logs = JsonMasker.builder()
                    .maskKey("email", Maskers.email())
                    .maskKeys("password", "authorization")
                    .maskPath("$.payment.card", Maskers.paymentCard())
                    .build();
            String request = "{\"email\":\"ada.lovelace@example.com\",\"password\":\"hunter2\","
                    + "\"payment\":{\"card\":\"4111 1111 1111 1111\",\"amount\":42.50},\"headers\":{\"Authorization\":\"Bearer abc\"}}";
            out.println("A request body for the logs (JsonMasker, no class needed):");
            out.println("  in:  " + request);
            out.println("  out: " + logs.mask(request));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectMapper mapper(PrivacyModule module) {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .addModule(module)
                .build();
    }
}
