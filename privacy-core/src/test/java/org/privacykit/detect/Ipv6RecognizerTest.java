package org.privacykit.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacykit.annotation.PersonalDataType.IP_ADDRESS;
import static org.privacykit.detect.DetectorAssertions.findsExactly;
import static org.privacykit.detect.DetectorAssertions.findsIn;
import static org.privacykit.detect.DetectorAssertions.findsNothing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Ipv6RecognizerTest {

    @ParameterizedTest
    @ValueSource(strings = {"2001:db8:85a3::8a2e:370:7334", "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
        "fe80::1ff:fe23:4567:890a", "2001:db8::1", "1080::8:800:200C:417A"})
    void address_threeGroupsOrMore_found(String ip) {
        findsExactly(IP_ADDRESS, ip);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fe80::1", "ff02::1", "fd00::1", "2001:db8::", "2001::1", "FF01::101", "fe80::a1b2", "64:ff9b::"})
    void address_oneOrTwoGroups_writtenAsAddressesAre_found(String ip) {
        findsExactly(IP_ADDRESS, ip);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fe80::1%eth0", "fe80::1%en0", "fe80::a%25eth0", "fe80::1%12", "fe80::1ff:fe23:4567:890a%wlan0"})
    void address_withAZone_foundWithItsZone(String ip) {
        findsExactly(IP_ADDRESS, ip);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2001:db8::/32", "fe80::/10", "2001:db8:85a3::/48", "ff00::/8"})
    void network_withAPrefixLength_foundWithoutIt(String network) {
        findsIn("route " + network + " via x", IP_ADDRESS, network.substring(0, network.indexOf('/')));
    }

    @ParameterizedTest
    @ValueSource(strings = {"::ffff:192.0.2.128", "::13.1.68.3", "64:ff9b::192.0.2.33", "::ffff:0:10.0.0.1",
        "::FFFF:129.144.52.38", "0:0:0:0:0:ffff:192.0.2.1", "2001:db8:3333:4444:5555:6666:1.2.3.4"})
    void address_withEmbeddedIpv4_foundWhole(String ip) {
        findsExactly(IP_ADDRESS, ip);
        findsIn("[" + ip + "]:8080", IP_ADDRESS, ip);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dead::beef", "Foo::Bar", "std::vector", "a[1::2]", "x[10::20]", "f64::MAX", "10:30::",
        "12:30:45", "00:1a:2b:3c:4d:5e", "::1", "::1%lo0", "::", "::/0", "fe80::1::2", "2001:db8::12345",
        "ab::cd", "::ffff"})
    void notAnAddress_notFound(String text) {
        findsNothing("value " + text + " end");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fe80::1%", "fe80::1%eth0x_far_too_long_for_an_interface_name", "fe80::1/129"})
    void address_beforeSomethingThatIsNoZoneOrPrefix_foundAlone(String text) {
        findsIn("value " + text + " end", IP_ADDRESS, "fe80::1");
    }

    @Test
    void shortForms_underTheThreshold_areStillThereForALooseDetector() {
        PiiDetector loose = PiiDetector.builder().minConfidence(0.4).build();
        assertThat(loose.detect("ratio 1::2 and dead::beef")).hasSize(2).allMatch(f -> f.type() == IP_ADDRESS);
    }
}
