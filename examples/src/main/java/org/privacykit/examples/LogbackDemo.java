package org.privacykit.examples;

import java.io.PrintStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The application's logs through privacy-logback, configured in {@code src/main/resources/logback.xml}
 * only: the same SLF4J calls an application makes, with Logback's own encoder beside for contrast.
 */
public final class LogbackDemo {
    private static final Logger PLAIN = LoggerFactory.getLogger("demo.plain");
    private static final Logger LOG = LoggerFactory.getLogger(LogbackDemo.class);
    private static final Logger JSON = LoggerFactory.getLogger("demo.json");

    private LogbackDemo() {
    }

    /**
     * Runs the demo.
     *
     * @param out where to print the headings (Logback's console appenders print the lines)
     */
    static void run(PrintStream out) {
        Customer ada = SampleData.ada();
        MDC.put("requestId", "r-7f3a");
        MDC.put("email", ada.email());
        try {
            out.println("Logback's own PatternLayoutEncoder (what most applications write today):");
            out.flush();
            PLAIN.info("Signed up {}", SampleData.alan());
            out.println();
            out.println("privacy-logback's PrivacyPatternLayoutEncoder, same pattern:");
            out.flush();
            LOG.info("Signed up {}", SampleData.alan());
            LOG.atInfo().addKeyValue("orderId", "o-4711").addKeyValue("email", ada.email())
                    .log("Card {} declined; customer called from {}", ada.cardNumber(), "+44 20 7946 0958");
            LOG.warn("Payment failed", new IllegalStateException("card " + ada.cardNumber() + " declined for "
                    + ada.email()));
            out.println();
            out.println("privacy-logback's PrivacyJsonEncoder (JSON lines; an HTTP body logged as an argument):");
            out.flush();
            JSON.atInfo().addKeyValue("orderId", "o-4711")
                    .log("POST /signup {}", "{\"email\":\"" + ada.email() + "\",\"password\":\"hunter2\",\"plan\":\"gold\"}");
            System.out.flush();
        } finally {
            MDC.clear();
        }
    }
}
