package org.privacykit.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.privacykit.annotation.LegalBasis;
import org.privacykit.audit.AuditAction;
import org.privacykit.audit.InMemoryAuditSink;
import org.privacykit.consent.ConsentFixtures.Customer;

/**
 * Random sequences of consent, withdrawal, objection, restriction and processing calls: processing
 * goes ahead exactly when a simple model of GDPR's rules says a legal basis holds, every refusal is
 * one audit event, and a decision takes effect on the very next call.
 */
class PurposeCheckPropertyTest {
    private static final List<String> PURPOSES = List.of("marketing", "support", "shipping", "fraud", "analytics",
            ConsentRecord.ALL_PURPOSES);
    private static final List<String> FIELDS = List.of("email", "address", "phone", "birthDate");
    private static final Map<String, Set<String>> DECLARED = Map.of("email", Set.of("marketing", "support"),
            "address", Set.of("shipping"), "phone", Set.of("fraud", "marketing"), "birthDate", Set.of("analytics"));
    private static final Map<String, LegalBasis> BASIS = Map.of("email", LegalBasis.CONSENT,
            "address", LegalBasis.CONTRACT, "phone", LegalBasis.LEGITIMATE_INTERESTS, "birthDate", LegalBasis.CONSENT);
    private static final int OPS = 6;

    @Test
    void processingHappensOnlyOnAValidBasis_inMemory() {
        qt().withExamples(300).forAll(lists().of(integers().between(0, 10_000)).ofSizeBetween(1, 60))
                .checkAssert(ops -> run(ops, ConsentStore::inMemory));
    }

    @Test
    void processingHappensOnlyOnAValidBasis_jdbc() {
        int[] n = {0};
        qt().withExamples(25).forAll(lists().of(integers().between(0, 10_000)).ofSizeBetween(1, 40))
                .checkAssert(ops -> run(ops, () -> {
                    return ConsentStore.jdbc(new UrlDataSource("jdbc:h2:mem:consent_prop_" + n[0]++ + ";DB_CLOSE_DELAY=-1"));
                }));
    }

    private static void run(List<Integer> ops, Supplier<ConsentStore> stores) {
        ConsentStore store = stores.get();
        InMemoryAuditSink audit = new InMemoryAuditSink();
        PurposeCheck check = PurposeCheck.builder(store).auditSink(audit).build();
        Model model = new Model();
        int refusals = 0;
        for (int op : ops) {
            int kind = op % OPS;
            String purpose = PURPOSES.get(op / OPS % PURPOSES.size());
            String field = FIELDS.get(op / OPS / PURPOSES.size() % FIELDS.size());
            ConsentDecision decision = switch (kind) {
                case 0 -> ConsentDecision.GRANTED;
                case 1 -> ConsentDecision.WITHDRAWN;
                case 2 -> ConsentDecision.OBJECTED;
                case 3 -> ConsentDecision.RESTRICTED;
                case 4 -> ConsentDecision.RESTRICTION_LIFTED;
                default -> null;
            };
            if (decision != null) {
                if (decision.isRestriction()) {
                    purpose = ConsentRecord.ALL_PURPOSES;
                } else if (decision == ConsentDecision.GRANTED && purpose.equals(ConsentRecord.ALL_PURPOSES)) {
                    continue;
                }
                store.record(ConsentRecord.of("s-1", purpose, decision, Instant.now(), "v1", "property-test"));
                model.decide(purpose, decision);
                continue;
            }
            if (purpose.equals(ConsentRecord.ALL_PURPOSES)) {
                continue;
            }
            boolean processed;
            try {
                check.require(Processing.REVEAL, Customer.class, field, "s-1", purpose);
                processed = true;
            } catch (PurposeRefusedException e) {
                processed = false;
                refusals++;
            }
            assertThat(processed).as("%s for %s after %s", field, purpose, ops).isEqualTo(model.allows(field, purpose));
        }
        assertThat(audit.events(AuditAction.PROCESSING_REFUSED)).hasSize(refusals);
    }

    /** The rules, written out for one subject with nothing shared with the code under test. */
    private static final class Model {
        private final Map<String, ConsentDecision> latest = new HashMap<>();
        private boolean restricted;

        void decide(String purpose, ConsentDecision decision) {
            switch (decision) {
                case RESTRICTED -> restricted = true;
                case RESTRICTION_LIFTED -> restricted = false;
                default -> {
                    if (purpose.equals(ConsentRecord.ALL_PURPOSES)) {
                        for (String p : PURPOSES) {
                            latest.put(p, decision);
                        }
                    } else {
                        latest.put(purpose, decision);
                    }
                }
            }
        }

        boolean allows(String field, String purpose) {
            if (!DECLARED.get(field).contains(purpose) || restricted) {
                return false;
            }
            ConsentDecision d = latest.get(purpose);
            return switch (BASIS.get(field)) {
                case CONSENT -> d == ConsentDecision.GRANTED;
                case LEGITIMATE_INTERESTS, PUBLIC_TASK -> d != ConsentDecision.OBJECTED;
                default -> true;
            };
        }
    }
}
