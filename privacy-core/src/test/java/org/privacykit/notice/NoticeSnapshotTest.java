package org.privacykit.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;

class NoticeSnapshotTest {

    @Test
    void snapshot_isOneSortedLinePerFact() {
        String snapshot = Shop.notice().toSnapshot();

        assertThat(snapshot).startsWith("privacy-notice-snapshot\t1\ncontroller\tExample Shop Ltd\tprivacy@shop.example\n"
                + "dpo\tdpo@shop.example\nversion\t2026-12\neffective\t2026-12-01\n")
                .contains("\npurpose\tbilling\tTo charge you for your orders.\n")
                .contains("\nitem\torg.privacykit.notice.Shop$Customer\temail\tEMAIL\tCONTACT\tCONSENT\tP2Y\t\tnewsletter\tsupport\n")
                .contains("\nitem\torg.privacykit.notice.Shop$Customer\tnickname\tNAME\tIDENTITY\t-\t-\t\n")
                .endsWith("\n");
    }

    @Test
    void readSnapshot_givesBackTheSameNotice() {
        PrivacyNotice notice = Shop.notice();

        PrivacyNotice read = PrivacyNotice.readSnapshot(notice.toSnapshot());

        assertThat(read.items()).isEqualTo(notice.items());
        assertThat(read.toSnapshot()).isEqualTo(notice.toSnapshot());
        assertThat(read.toMarkdown()).isEqualTo(notice.toMarkdown());
        assertThat(read.toHtml()).isEqualTo(notice.toHtml());
    }

    @Test
    void anyText_survivesTheSnapshot() {
        qt().forAll(strings().allPossible().ofLengthBetween(1, 40), strings().allPossible().ofLengthBetween(1, 40))
                .assuming((a, b) -> !a.isBlank() && !b.isBlank())
                .checkAssert((a, b) -> {
                    PrivacyNotice notice = PrivacyNotice.builder(Shop.inventory()).controller(a, b).purpose(a, b)
                            .recipient(b).source(a).version(b).build();
                    PrivacyNotice read = PrivacyNotice.readSnapshot(notice.toSnapshot());
                    assertThat(read.controller()).isEqualTo(a.strip());
                    assertThat(read.contact()).isEqualTo(b.strip());
                    assertThat(read.describe(a.strip())).contains(b.strip());
                    assertThat(read.recipients()).containsExactly(b.strip());
                    assertThat(read.toSnapshot()).isEqualTo(notice.toSnapshot());
                });
    }

    @Test
    void malformedSnapshots_areRefused_namingTheLine() {
        String good = Shop.notice().toSnapshot();

        assertThatThrownBy(() -> PrivacyNotice.readSnapshot("not a snapshot"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("notice snapshot line 1: expected the header");
        assertThatThrownBy(() -> PrivacyNotice.readSnapshot(good.replace("\tEMAIL\t", "\tE_MAIL\t")))
                .hasMessageMatching("notice snapshot line \\d+: has an unknown personal data type");
        assertThatThrownBy(() -> PrivacyNotice.readSnapshot(good.replace("\tP2Y\t", "\tforever\t")))
                .hasMessageMatching("notice snapshot line \\d+: has a retention that is not a positive ISO-8601 duration");
        assertThatThrownBy(() -> PrivacyNotice.readSnapshot(good.replace("effective\t2026-12-01", "effective\t1 Dec")))
                .hasMessage("notice snapshot line 5: has an effective date that is not an ISO date (yyyy-mm-dd)");
        assertThatThrownBy(() -> PrivacyNotice.readSnapshot(good.replace("dpo\tdpo@shop.example", "dpo\ta\\qb")))
                .hasMessage("notice snapshot line 3: has an unknown escape \\q");
        assertThatThrownBy(() -> PrivacyNotice.readSnapshot(good.replace("dpo\tdpo@shop.example", "dpo\ta\tb")))
                .hasMessage("notice snapshot line 3: has 3 fields, 2 expected");
        assertThatThrownBy(() -> PrivacyNotice.readSnapshot(good.replace("dpo\t", "dpx\t")))
                .hasMessage("notice snapshot line 3: has an unknown kind of fact");
        assertThatThrownBy(() -> PrivacyNotice.readSnapshot(good.replace("dpo\tdpo@shop.example\n", "\n")))
                .hasMessage("notice snapshot line 3: is empty");
        assertThatThrownBy(() -> PrivacyNotice.readSnapshot(good.replaceAll("controller\t[^\n]*\n", "")))
                .hasMessage("notice snapshot: has no controller line");
        assertThatThrownBy(() -> PrivacyNotice.readSnapshot(good + "item\ta.B\tx\tNAME\n"))
                .hasMessageMatching("notice snapshot line \\d+: is an item with 4 fields, at least 8 expected");
    }
}
