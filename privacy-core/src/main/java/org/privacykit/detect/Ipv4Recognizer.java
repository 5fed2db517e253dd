package org.privacykit.detect;

import org.privacykit.annotation.PersonalDataType;

/**
 * IPv4 addresses among the digit groups of a number: {@code 192.168.1.42}, also before a port, a
 * path or an interface ({@code 10.0.0.5@eth0}), and inside parentheses or brackets.
 */
final class Ipv4Recognizer {
    /** Four dotted octets in range, each without a leading zero: version numbers share the form, little else. */
    private static final int CONFIDENCE = 850;

    private final ScanText text;
    private final NumberTokens token;
    private final Candidates candidates;

    Ipv4Recognizer(ScanText text, NumberTokens token, Candidates candidates) {
        this.text = text;
        this.token = token;
        this.candidates = candidates;
    }

    /** Looks for an address whose first octet is group {@code k}. */
    void window(int k, boolean done) {
        if (k + 3 >= token.groups() || (token.first(k) && token.plus())) {
            return;
        }
        if (!token.first(k) && token.separatorIs(k, '.')) {
            return; // the fifth part of 1.2.3.4.5 does not start an address
        }
        for (int j = k + 1; j <= k + 3; j++) {
            if (!token.separatorIs(j, '.')) {
                return;
            }
        }
        int last = k + 3;
        if (last + 1 < token.groups()) {
            if (token.separatorIs(last + 1, '.')) {
                return;
            }
        } else if (!done || !text.endsAddress(token.end(last))) {
            return;
        }
        int first = 0;
        int second = 0;
        for (int j = 0; j < 4; j++) {
            int g = k + j;
            int length = token.length(g);
            if (length > 3 || (length > 1 && text.at(token.start(g)) == '0')) {
                return;
            }
            int octet = token.value(g);
            if (octet > 255) {
                return;
            }
            if (j == 0) {
                first = octet;
            } else if (j == 1) {
                second = octet;
            }
        }
        if (first == 0 || first == 127 || (first == 255 && second == 255)) {
            return; // unspecified, loopback and broadcast addresses name no one
        }
        candidates.add(token.start(k), token.end(last), PersonalDataType.IP_ADDRESS, CONFIDENCE);
    }
}
