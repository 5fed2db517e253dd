package org.privacykit.spring.boot3;

import org.privacykit.jackson.Reveal;
import org.privacykit.spring.RevealGrant;

/** Turns a grant into privacy-jackson's {@link Reveal}, which one writer carries. */
final class Reveals {
    private Reveals() {
    }

    static Reveal of(RevealGrant grant) {
        return Reveal.forPurposes(grant.purposes().toArray(String[]::new)).by(grant.actor());
    }
}
