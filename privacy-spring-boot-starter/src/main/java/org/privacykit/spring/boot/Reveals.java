package org.privacykit.spring.boot;

import org.privacykit.jackson3.Reveal;
import org.privacykit.spring.RevealGrant;

/** Turns a grant into privacy-jackson3's {@link Reveal}, which one writer carries. */
final class Reveals {
    private Reveals() {
    }

    static Reveal of(RevealGrant grant) {
        return Reveal.forPurposes(grant.purposes().toArray(String[]::new)).by(grant.actor());
    }
}
