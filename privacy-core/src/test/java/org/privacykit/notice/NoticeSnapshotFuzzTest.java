package org.privacykit.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any text either reads as a notice whose snapshot reads back the same, or is refused with an
 * {@link IllegalArgumentException} that names a line; nothing else escapes the reader.
 */
class NoticeSnapshotFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void readSnapshot_anyText_readsOrIsRefusedClearly(FuzzedDataProvider data) {
        boolean withHeader = data.consumeBoolean();
        String text = (withHeader ? NoticeSnapshot.HEADER + "\n" : "") + data.consumeRemainingAsString();
        PrivacyNotice notice;
        try {
            notice = PrivacyNotice.readSnapshot(text);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).startsWith("notice snapshot");
            return;
        }
        String again = notice.toSnapshot();
        assertThat(PrivacyNotice.readSnapshot(again).toSnapshot()).isEqualTo(again);
        assertThat(notice.toHtml()).doesNotContain("<script");
    }
}
