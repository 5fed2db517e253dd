package org.privacykit.shop;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.boot.actuate.audit.InMemoryAuditEventRepository;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The shop: customers in PostgreSQL behind a REST API, protected by privacy-kit's starter,
 * privacy-jpa and privacy-logback with nothing privacy-specific coded but the annotations on
 * {@link Customer}. See README.md for running it.
 *
 * <p>Besides serving ({@code java -jar shop.jar}), the jar manages its key ring offline:
 * {@code java -jar shop.jar create-key-ring} and {@code java -jar shop.jar rotate-key-ring}
 * ({@link KeyRingCommand}).
 */
@SpringBootApplication
public class ShopApplication {

    /**
     * Serves the shop, or runs a key-ring command.
     *
     * @param args Spring Boot arguments, or a {@link KeyRingCommand} name
     * @throws Exception when a key-ring command fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && KeyRingCommand.isCommand(args[0])) {
            KeyRingCommand.run(args[0], Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        SpringApplication.run(ShopApplication.class, args);
    }

    /** Keeps the last audit events for {@code /actuator/auditevents}; the starter adds privacy-kit's. */
    @Bean
    AuditEventRepository auditEvents() {
        return new InMemoryAuditEventRepository();
    }
}
