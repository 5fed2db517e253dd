package org.privacykit.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.privacykit.annotation.LegalBasis;
import org.privacykit.annotation.PersonalDataType;

class PrivacyNoticeTest {

    @Test
    void builder_listsThePersonalDataOfTheInventory_withoutSecrets() {
        PrivacyNotice notice = Shop.notice();

        assertThat(notice.items()).extracting(NoticeItem::field, NoticeItem::type, NoticeItem::legalBasis,
                NoticeItem::retention).containsExactly(
                tuple("Shop.Customer.address.postcode", PersonalDataType.POSTCODE, LegalBasis.CONTRACT, "P6Y"),
                tuple("Shop.Customer.allergies", PersonalDataType.HEALTH, LegalBasis.CONSENT, "P1Y6M"),
                tuple("Shop.Customer.email", PersonalDataType.EMAIL, LegalBasis.CONSENT, "P2Y"),
                tuple("Shop.Customer.lastIp", PersonalDataType.IP_ADDRESS, LegalBasis.LEGITIMATE_INTERESTS, "P30D"),
                tuple("Shop.Customer.name", PersonalDataType.NAME, LegalBasis.CONTRACT, "P10Y"),
                tuple("Shop.Customer.nickname", PersonalDataType.NAME, null, null));
        assertThat(notice.purposes()).containsExactly("billing", "care", "fraud_prevention", "newsletter", "shipping",
                "support");
        assertThat(notice.basesByPurpose()).containsEntry("shipping", Set.of(LegalBasis.CONTRACT))
                .containsEntry("newsletter", Set.of(LegalBasis.CONSENT));
        assertThat(notice.specialCategories()).extracting(NoticeItem::field).containsExactly("Shop.Customer.allergies");
    }

    @Test
    void gaps_nameWhatTheDeclarationsLack() {
        PrivacyNotice notice = PrivacyNotice.builder(Shop.inventory()).controller("Shop", "privacy@shop.example")
                .purpose("billing", "To charge you.").build();

        assertThat(notice.gaps()).contains(
                "Shop.Customer.nickname declares no purpose",
                "Shop.Customer.nickname declares no legal basis",
                "Shop.Customer.nickname declares no retention period",
                "purpose 'care' has no description")
                .doesNotContain("purpose 'billing' has no description")
                .noneMatch(gap -> gap.startsWith("Shop.Customer.allergies")); // special category held on consent
        assertThat(Shop.notice().gaps()).containsExactly("Shop.Customer.nickname declares no purpose",
                "Shop.Customer.nickname declares no legal basis", "Shop.Customer.nickname declares no retention period");
    }

    @Test
    void markdown_saysWhatWhyHowLongAndTheRights() {
        String md = Shop.notice().toMarkdown();

        assertThat(md).startsWith("# Privacy notice\n\n_Version 2026-12, effective 2026-12-01._\n")
                .contains("**Example Shop Ltd** is the controller of your personal data. Contact: privacy@shop.example.")
                .contains("Data protection officer: dpo@shop.example.")
                .contains("| E-mail address (`Shop.Customer.email`) | Contact data | Newsletter, Support | "
                        + "Consent (Art. 6(1)(a) GDPR) | 2 years |")
                .contains("| Health information (`Shop.Customer.allergies`) | Health data (Art. 9(1)) | Care | "
                        + "Consent (Art. 6(1)(a) GDPR) | 1 year and 6 months |")
                .contains("| Name (`Shop.Customer.nickname`) | Identity data | not declared | not declared | not declared |")
                .contains("- **Fraud prevention**: Our legitimate interest in stopping fraudulent orders. Legal basis: "
                        + "Legitimate interests (Art. 6(1)(f) GDPR). Data: IP address.")
                .contains("- **Shipping**: To deliver your orders. Legal basis: Performance of a contract "
                        + "(Art. 6(1)(b) GDPR). Data: Name, Postcode.")
                .contains("## Special categories of data", "- Health information (Health data, Art. 9(1))")
                .contains("## Who receives your data\n\n- payment processors\n")
                .contains("- **Access** (Art. 15)", "- **Erasure** (Art. 17)", "- **Data portability** (Art. 20)",
                        "- **Objection** (Art. 21)", "- **Withdrawal of consent** (Art. 7(3))",
                        "supervisory authority: the Information Commissioner\\'s Office.".replace("\\'", "'"))
                .doesNotContain("password", "Credentials", "## Where your data comes from");
    }

    @Test
    void rights_followTheLegalBases() {
        PrivacyNotice contractOnly = PrivacyNotice.builder(java.util.List.of(new NoticeItem("a.B", "name",
                PersonalDataType.NAME, PersonalDataType.NAME.defaultCategory(), java.util.List.of("billing"),
                LegalBasis.CONTRACT, "P1Y", ""))).controller("B", "b@b.example").build();

        assertThat(contractOnly.toMarkdown()).contains("**Data portability**")
                .doesNotContain("**Objection**", "**Withdrawal of consent**");
        PrivacyNotice obligation = PrivacyNotice.builder(java.util.List.of(new NoticeItem("a.B", "name",
                PersonalDataType.NAME, PersonalDataType.NAME.defaultCategory(), java.util.List.of("tax"),
                LegalBasis.LEGAL_OBLIGATION, "P1Y", ""))).controller("B", "b@b.example").build();
        assertThat(obligation.toMarkdown()).contains("**Access**", "**Complaint**")
                .doesNotContain("**Data portability**", "**Objection**", "**Withdrawal of consent**");
    }

    @Test
    void markdown_escapesEveryDeclaredText() {
        PrivacyNotice notice = PrivacyNotice.builder(Shop.inventory())
                .controller("Evil *Corp* <img src=x onerror=alert(1)>", "[click](javascript:alert(1))")
                .purpose("billing", "line one\n# not a heading | not a cell `code`")
                .build();

        String md = notice.toMarkdown();

        assertThat(md).contains("**Evil \\*Corp\\* &lt;img src=x onerror=alert(1)&gt;**")
                .contains("Contact: \\[click\\](javascript:alert(1))")
                .contains("line one \\# not a heading \\| not a cell \\`code\\`")
                .doesNotContain("<img", "\n# not a heading");
    }

    @Test
    void builder_refusesANoticeWithoutController_andBlankTexts() {
        assertThatThrownBy(() -> PrivacyNotice.builder(Shop.inventory()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Art. 13(1)(a)");
        assertThatThrownBy(() -> PrivacyNotice.builder(Shop.inventory()).controller(" ", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("controller name is blank");
        assertThatThrownBy(() -> PrivacyNotice.builder(Shop.inventory()).purpose("a", "x").purpose("a", "y"))
                .isInstanceOf(IllegalStateException.class).hasMessage("purpose 'a' was already described");
    }

    @Test
    void emptyInventory_saysSo() {
        PrivacyNotice notice = PrivacyNotice.builder(org.privacykit.inventory.DataInventory.scan(String.class))
                .controller("Shop", "privacy@shop.example").build();

        assertThat(notice.toMarkdown()).contains("The declarations list no personal data.");
        assertThat(notice.toHtml()).contains("<p>The declarations list no personal data.</p>");
        assertThat(notice.toString()).isEqualTo("PrivacyNotice[unversioned, 0 items, 0 purposes]");
    }

    @Test
    void retention_inWords() {
        assertThat(NoticeText.retention("P10Y")).isEqualTo("10 years");
        assertThat(NoticeText.retention("P1Y6M")).isEqualTo("1 year and 6 months");
        assertThat(NoticeText.retention("P1Y2M3D")).isEqualTo("1 year, 2 months and 3 days");
        assertThat(NoticeText.retention("PT12H")).isEqualTo("12 hours");
        assertThat(NoticeText.retention("PT36H")).isEqualTo("1 day and 12 hours");
        assertThat(NoticeText.retention(null)).isEqualTo("not declared");
        assertThat(NoticeText.approximateDays("P1Y")).isGreaterThan(NoticeText.approximateDays("P11M"));
        assertThat(NoticeText.approximateDays("P2D")).isGreaterThan(NoticeText.approximateDays("PT36H"));
    }
}
