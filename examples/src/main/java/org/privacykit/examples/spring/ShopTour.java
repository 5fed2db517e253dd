package org.privacykit.examples.spring;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.privacykit.annotation.EncryptionMode;
import org.privacykit.crypto.FieldEncryptor;
import org.privacykit.crypto.KeyEncryptionKey;
import org.privacykit.crypto.KeyRing;
import org.privacykit.spi.FieldContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Spring Boot demo: starts {@link ShopApplication} on a random port with a key ring, asks for
 * the same customer as an anonymous caller, a support agent and a billing clerk, shows the
 * {@code FieldEncryptor} the starter made from the key ring, and stops. Run with
 * {@code ./mvnw -q -B -Pspring-demo -pl examples -am verify -DskipTests}. The audit events of the
 * reveals go to the SLF4J audit sink (standard error).
 */
public final class ShopTour {
    private ShopTour() {
    }

    /**
     * Runs the tour.
     *
     * @param args ignored
     * @throws Exception when the shop cannot start or answer
     */
    public static void main(String[] args) throws Exception {
        run(System.out);
    }

    static void run(PrintStream out) throws Exception {
        // A real deployment loads its existing ring and reads the passphrase from the environment
        // (SHOP_KEYRING_PASSPHRASE); the tour makes a ring and a random passphrase for itself.
        Path dir = Files.createTempDirectory("privacykit-shop");
        Path ringFile = dir.resolve("keys.pkkr");
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String passphrase = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        KeyRing.create(ringFile, KeyEncryptionKey.passphrase(passphrase.toCharArray()));

        try (ConfigurableApplicationContext shop = new SpringApplicationBuilder(ShopApplication.class)
                .properties(Map.of(
                        "server.port", "0",
                        "spring.main.log-startup-info", "false",
                        "privacykit.encryption.required", "true",
                        "privacykit.key-ring.file", ringFile.toString(),
                        "privacykit.key-ring.passphrase", "${SHOP_KEYRING_PASSPHRASE}",
                        "SHOP_KEYRING_PASSPHRASE", passphrase))
                .run()) {
            int port = ((WebServerApplicationContext) shop).getWebServer().getPort();
            HttpClient http = HttpClient.newHttpClient();

            out.println("GET /customers/c-1001, anonymous (everything personal masked or redacted):");
            out.println(get(http, port, null, null));
            out.println();
            out.println("GET /customers/c-1001 as agent-17 (ROLE_SUPPORT -> purpose support):");
            out.println(get(http, port, "agent-17", "support-demo"));
            out.println();
            out.println("GET /customers/c-1001 as biller-3 (ROLE_BILLING -> purpose billing):");
            out.println(get(http, port, "biller-3", "billing-demo"));
            out.println();

            FieldEncryptor encryptor = shop.getBean(FieldEncryptor.class);
            FieldContext email = FieldContext.of("Customer.email", EncryptionMode.DETERMINISTIC);
            out.println("FieldEncryptor bean from privacykit.key-ring.file: " + encryptor);
            out.println("Customer.email as stored: " + encryptor.encrypt(email, "ada.lovelace@example.com"));
        } finally {
            Files.deleteIfExists(ringFile);
            Files.deleteIfExists(dir);
        }
    }

    private static String get(HttpClient http, int port, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/customers/c-1001"));
        if (user != null) {
            String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + basic);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
