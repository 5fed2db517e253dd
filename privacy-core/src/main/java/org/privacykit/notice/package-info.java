/**
 * The privacy notice (GDPR Art. 13 and 14) generated from the code's declarations:
 * {@link org.privacykit.notice.PrivacyNotice} renders what is collected, why, on which legal basis, for
 * how long, which data is of a special category and the subject's rights, as Markdown and as one
 * self-contained HTML page; {@link org.privacykit.notice.NoticeDiff} shows what changed between two
 * versions, so that a new purpose is visible in review.
 */
@NullMarked
package org.privacykit.notice;

import org.jspecify.annotations.NullMarked;
