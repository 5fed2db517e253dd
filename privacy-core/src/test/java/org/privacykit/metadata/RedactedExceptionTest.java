package org.privacykit.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.privacykit.annotation.PersonalDataType.EMAIL;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import org.privacykit.annotation.PersonalData;

class RedactedExceptionTest {
    private static final String VALUE = "zelda@example.com";

    private static String printed(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    @Test
    void of_keepsTypesAndStackTraces_dropsEveryMessage() {
        IllegalStateException inner = new IllegalStateException("inner " + VALUE);
        IllegalArgumentException original = new IllegalArgumentException("cannot read " + VALUE, inner);
        original.addSuppressed(new RuntimeException("suppressed " + VALUE));

        RedactedException redacted = RedactedException.of(original);

        assertThat(printed(redacted)).doesNotContain(VALUE).contains("java.lang.IllegalArgumentException")
                .contains("java.lang.IllegalStateException").contains("java.lang.RuntimeException");
        assertThat(redacted.getStackTrace()).isEqualTo(original.getStackTrace());
        assertThat(redacted.originalType()).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(RedactedException.typeOf(redacted)).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(RedactedException.of(redacted)).isSameAs(redacted);
        assertThat(RedactedException.of(null)).isNull();
    }

    @Test
    void of_cyclicCauseChain_ends() {
        RuntimeException a = new RuntimeException(VALUE);
        RuntimeException b = new RuntimeException(VALUE, a);
        a.initCause(b);

        assertThat(printed(RedactedException.of(a))).doesNotContain(VALUE);
    }

    static final class Account {
        @PersonalData(EMAIL)
        private final String email = VALUE;

        @PersonalData(EMAIL)
        public String getBackupEmail() {
            throw new IllegalArgumentException("cannot read " + VALUE);
        }
    }

    @Test
    void propertyGet_throwingGetter_namesTheFieldAndType_neverTheMessage() {
        PropertyMetadata backup = PrivacyMetadata.of(Account.class).property("backupEmail");

        assertThatThrownBy(() -> backup.get(new Account()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Account.backupEmail: getter threw java.lang.IllegalArgumentException")
                .satisfies(e -> assertThat(printed(e)).doesNotContain(VALUE))
                .hasCauseInstanceOf(RedactedException.class);
    }
}
