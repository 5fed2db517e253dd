package org.privacykit.detect;

import static org.privacykit.annotation.PersonalDataType.EMAIL;
import static org.privacykit.annotation.PersonalDataType.IP_ADDRESS;
import static org.privacykit.detect.DetectorAssertions.findsExactly;
import static org.privacykit.detect.DetectorAssertions.findsIn;
import static org.privacykit.detect.DetectorAssertions.findsNothing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Ipv4RecognizerTest {

    @ParameterizedTest
    @ValueSource(strings = {"(192.168.1.10)", "[10.0.0.1]", "{10.0.0.1}", "<10.0.0.1>", "'10.0.0.1'", "\"10.0.0.1\"",
        "ip=10.0.0.1;", "connect(10.0.0.1)", "host(10.0.0.1):8080", "10.0.0.5@eth0", "10.0.0.5@en0:", "src 10.0.0.5/24"})
    void address_betweenDelimitersOrBeforeAnInterface_found(String text) {
        findsIn("peer " + text + " up", IP_ADDRESS, text.replaceAll("^.*?(\\d+\\.\\d+\\.\\d+\\.\\d+).*$", "$1"));
    }

    @Test
    void address_asTheLocalPartOfAnEmail_isTheEmail() {
        findsIn("to 1.2.3.4@example.com now", EMAIL, "1.2.3.4@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"(1.2.3)", "[256.1.1.1]", "(1.2.3.4.5)", "+10.0.0.1", "x10.0.0.1", "10.0.0.1_b", "(127.0.0.1)",
        "[0.0.0.0]", "1.2.3.04", "mask 255.255.255.0"})
    void notAnAddress_notFound(String text) {
        findsNothing("value " + text + " end");
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.168.1.42", "8.8.8.8", "203.0.113.7", "1.0.0.1", "255.254.255.254"})
    void address_plain_found(String ip) {
        findsExactly(IP_ADDRESS, ip);
    }
}
