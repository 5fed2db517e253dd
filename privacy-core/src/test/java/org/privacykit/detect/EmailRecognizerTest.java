package org.privacykit.detect;

import static org.privacykit.annotation.PersonalDataType.EMAIL;
import static org.privacykit.detect.DetectorAssertions.findsExactly;
import static org.privacykit.detect.DetectorAssertions.findsIn;
import static org.privacykit.detect.DetectorAssertions.findsNo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailRecognizerTest {

    @ParameterizedTest
    @ValueSource(strings = {"ada@example.com", "ada.lovelace+news@mail.example.co.uk", "A_B-c%d@EXAMPLE.ORG",
        "x@sub-domain.example.io"})
    void ascii_found(String email) {
        findsExactly(EMAIL, email);
    }

    @Test
    void endOfSentence_excludesTheDot() {
        findsIn("Write to ada@example.com.", EMAIL, "ada@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada@example.xn--p1ai", "x@xn--80akhbyknj4f.xn--p1ai", "ada@EXAMPLE.XN--P1AI",
        "ada@example.xn--fiqs8s", "ada@example.рф", "ada@пример.рф", "zoë.müller@exämple.de", "用户@例子.广告",
        "user@उदाहरण.परीक्षा", "δοκιμή@παράδειγμα.δοκιμή", "θσερ@εχαμπλε.ψομ", "ñandú@correo.es", "support@bücher.de"})
    void internationalized_found(String email) {
        findsExactly(EMAIL, email);
    }

    /** Chinese, Japanese and Thai are written without spaces: an address touches the words around it. */
    @ParameterizedTest
    @CsvSource({"请联系ada@example.com谢谢, ada@example.com", "メールはada@example.jpまで, ada@example.jp",
        "ติดต่อada@example.co.thครับ, ada@example.co.th"})
    void inTextWithoutSpaces_foundWithoutTheWordsAround(String text, String email) {
        findsIn(text, EMAIL, email);
    }

    @ParameterizedTest
    @ValueSource(strings = {"@example.com", "ada@", "ada@localhost", "ada@example.c", "ada@-example.com",
        ".ada@example.com", "ada..l@example.com", "user@123.456", "a@b@c", "ada@example.c0m", "ada@xn--",
        "ada@example.comрф", "ada@example.рф1", "ada@пример.р", "@app.route", "npm i pkg@1.2.3", "ada@example.com_x",
        "ada@example.x-n", "ada@exam ple"})
    void invalid_notFound(String text) {
        findsNo(EMAIL, text);
    }
}
