package org.privacykit.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/**
 * The older notice is the committed snapshot of the current one, edited as the code was before:
 * exactly the workflow of a review, where the snapshot in the repository is the published version.
 */
class NoticeDiffTest {
    private static final String EMAIL = "org.privacykit.notice.Shop$Customer\temail\tEMAIL\tCONTACT\t";

    @Test
    void sameNotice_hasNoChange() {
        PrivacyNotice notice = Shop.notice();

        NoticeDiff diff = NoticeDiff.between(PrivacyNotice.readSnapshot(notice.toSnapshot()), notice);

        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.widensProcessing()).isFalse();
        assertThat(diff.toMarkdown()).isEqualTo("# Privacy notice changes: 2026-12 to 2026-12\n\nNo change.\n");
    }

    @Test
    void newPurposeOnConsent_widens_andAsksForConsentAgain() {
        PrivacyNotice current = Shop.notice();
        String before = current.toSnapshot()
                .replace(EMAIL + "CONSENT\tP2Y\t\tnewsletter\tsupport\n", EMAIL + "CONSENT\tP2Y\t\tsupport\n")
                .replace("version\t2026-12", "version\t2026-06");

        NoticeDiff diff = PrivacyNotice.readSnapshot(before).diff(current);

        assertThat(diff.changes()).extracting(NoticeChange::kind, NoticeChange::subject, NoticeChange::before,
                NoticeChange::after).containsExactly(
                tuple(NoticeChange.Kind.PURPOSE_ADDED, "Shop.Customer.email", null, "newsletter"));
        assertThat(diff.widensProcessing()).isTrue();
        assertThat(diff.fieldsNeedingFreshConsent()).containsExactly("Shop.Customer.email");
        assertThat(diff.toMarkdown()).isEqualTo("""
                # Privacy notice changes: 2026-06 to 2026-12

                1 change, 1 widening processing (marked **widens**).

                Consent must be asked for again for: `Shop.Customer.email`.

                ## Purpose added (**widens**)

                - Shop.Customer.email: newsletter
                """);
    }

    @Test
    void everyKindOfChange_isReported() {
        PrivacyNotice current = Shop.notice();
        String before = current.toSnapshot()
                .replace("recipient\tpayment processors\n", "recipient\tadvertisers\nsource\tdata brokers\n")
                .replace("purpose\tbilling\tTo charge you for your orders.", "purpose\tbilling\tTo bill you.")
                .replace("dpo\tdpo@shop.example\n", "")
                // name: contract -> legitimate interests; postcode: kept 1 year, not 6; ip: kept 1 year, not 30 days
                .replace("CONTRACT\tP10Y\t\tbilling\tshipping", "LEGITIMATE_INTERESTS\tP10Y\t\tbilling\tshipping\tprofiling")
                .replace("CONTRACT\tP6Y\t\tshipping", "CONTRACT\tP1Y\t\tshipping")
                .replace("LEGITIMATE_INTERESTS\tP30D", "LEGITIMATE_INTERESTS\tP1Y")
                // allergies were not collected; a removed field held an IBAN
                .replaceAll("item\t[^\n]*\tallergies\t[^\n]*\n", "")
                + "item\torg.privacykit.notice.Shop$Customer\tiban\tIBAN\tFINANCIAL\tCONTRACT\tP10Y\t\tbilling\n";

        NoticeDiff diff = NoticeDiff.between(PrivacyNotice.readSnapshot(before), current);

        assertThat(diff.changes()).extracting(NoticeChange::kind, NoticeChange::subject, NoticeChange::before,
                NoticeChange::after).containsExactly(
                tuple(NoticeChange.Kind.CONTACT_CHANGED, "data protection officer", null, "dpo@shop.example"),
                tuple(NoticeChange.Kind.RETENTION_LONGER, "Shop.Customer.address.postcode", "P1Y", "P6Y"),
                tuple(NoticeChange.Kind.DATA_ADDED, "Shop.Customer.allergies", null, "HEALTH, care, CONSENT, P1Y6M"),
                tuple(NoticeChange.Kind.DATA_REMOVED, "Shop.Customer.iban", "IBAN, billing, CONTRACT, P10Y", null),
                tuple(NoticeChange.Kind.RETENTION_SHORTER, "Shop.Customer.lastIp", "P1Y", "P30D"),
                tuple(NoticeChange.Kind.PURPOSE_REMOVED, "Shop.Customer.name", "profiling", null),
                tuple(NoticeChange.Kind.LEGAL_BASIS_CHANGED, "Shop.Customer.name", "LEGITIMATE_INTERESTS", "CONTRACT"),
                tuple(NoticeChange.Kind.PURPOSE_DESCRIPTION_CHANGED, "billing", "To bill you.",
                        "To charge you for your orders."),
                tuple(NoticeChange.Kind.RECIPIENT_ADDED, "payment processors", null, "payment processors"),
                tuple(NoticeChange.Kind.RECIPIENT_REMOVED, "advertisers", "advertisers", null),
                tuple(NoticeChange.Kind.SOURCE_REMOVED, "data brokers", "data brokers", null));
        assertThat(diff.fieldsNeedingFreshConsent()).containsExactly("Shop.Customer.allergies");
        assertThat(diff.toMarkdown())
                .contains("11 changes, 4 widening processing (marked **widens**).")
                .contains("## Data added (**widens**)\n\n- Shop.Customer.allergies: HEALTH, care, CONSENT, P1Y6M\n")
                .contains("## Legal basis changed (**widens**)\n\n- Shop.Customer.name: LEGITIMATE\\_INTERESTS -> CONTRACT\n")
                .contains("## Kept longer (**widens**)\n\n- Shop.Customer.address.postcode: P1Y -> P6Y\n")
                .contains("## Kept shorter\n\n- Shop.Customer.lastIp: P1Y -> P30D\n")
                .contains("## Recipient removed\n\n- advertisers\n");
    }

    @Test
    void categoryChange_andNewRetentionLimit_areSeen() {
        PrivacyNotice current = Shop.notice();
        String before = current.toSnapshot()
                .replace(EMAIL + "CONSENT\tP2Y", "org.privacykit.notice.Shop$Customer\temail\tOTHER\tOTHER\tCONSENT\t-");

        NoticeDiff diff = NoticeDiff.between(PrivacyNotice.readSnapshot(before), current);

        assertThat(diff.changes()).extracting(NoticeChange::kind, NoticeChange::before, NoticeChange::after)
                .containsExactly(
                        tuple(NoticeChange.Kind.CATEGORY_CHANGED, "OTHER (Other personal data)", "EMAIL (Contact data)"),
                        tuple(NoticeChange.Kind.RETENTION_SHORTER, "no retention limit", "P2Y"));
    }
}
