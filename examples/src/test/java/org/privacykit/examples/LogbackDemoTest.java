package org.privacykit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.privacykit.test.PrivacyLogGuard;

/** The demo's logging, through the application's logback.xml: what the console appender writes holds no personal data. */
class LogbackDemoTest {
    @RegisterExtension
    final PrivacyLogGuard logs = PrivacyLogGuard.create().checkingAppender("CONSOLE");

    @Test
    void demoLogging_throughTheConfiguredConsoleAppender_isMasked() {
        logs.watch(SampleData.ada(), SampleData.alan());
        LogbackDemo.run(new PrintStream(OutputStream.nullOutputStream()));
        assertThat(logs.lines()).hasSize(3);
        assertThat(String.join("\n", logs.lines()))
                .contains("Signed up Customer[id=c-1002, fullName=A. T., email=a***@example.org")
                .contains("Card **** **** **** 1111 declined")
                .contains("email=\"a***@example.com\"")
                .contains("java.lang.IllegalStateException: card **** **** **** 1111 declined for a***@example.com")
                .doesNotContain("Lovelace", "Turing", "4111 1111 1111 1111", "ada.lovelace@");
    }
}
