package org.privacykit.jackson3;

import org.junit.jupiter.api.Nested;

import org.privacykit.jackson.testsuite.EncryptingContract;
import org.privacykit.jackson.testsuite.FieldEncryptorContract;
import org.privacykit.jackson.testsuite.JacksonLine;
import org.privacykit.jackson.testsuite.LeakContract;
import org.privacykit.jackson.testsuite.MaskingContract;
import org.privacykit.jackson.testsuite.ModuleContract;
import org.privacykit.jackson.testsuite.PropertyContract;
import org.privacykit.jackson.testsuite.PseudonymizingContract;
import org.privacykit.jackson.testsuite.RevealContract;

/** The Jackson test suite privacy-jackson runs too, here against Jackson 3. */
class JacksonSuiteTest {
    private static final JacksonLine LINE = new Jackson3Line();

    @Nested
    class Masking extends MaskingContract {
        @Override
        protected JacksonLine line() {
            return LINE;
        }
    }

    @Nested
    class Revealing extends RevealContract {
        @Override
        protected JacksonLine line() {
            return LINE;
        }
    }

    @Nested
    class Encrypting extends EncryptingContract {
        @Override
        protected JacksonLine line() {
            return LINE;
        }
    }

    @Nested
    class EncryptingWithFieldEncryptor extends FieldEncryptorContract {
        @Override
        protected JacksonLine line() {
            return LINE;
        }
    }

    @Nested
    class Pseudonymizing extends PseudonymizingContract {
        @Override
        protected JacksonLine line() {
            return LINE;
        }
    }

    @Nested
    class Module extends ModuleContract {
        @Override
        protected JacksonLine line() {
            return LINE;
        }
    }

    @Nested
    class Leaks extends LeakContract {
        @Override
        protected JacksonLine line() {
            return LINE;
        }
    }

    @Nested
    class Properties extends PropertyContract {
        @Override
        protected JacksonLine line() {
            return LINE;
        }
    }
}
