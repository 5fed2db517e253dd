/**
 * The annotations that classify personal data where it is declared ({@link
 * org.privacykit.annotation.PersonalData}, {@link org.privacykit.annotation.Sensitive}, {@link
 * org.privacykit.annotation.SubjectId}, {@link org.privacykit.annotation.Encrypted}, {@link
 * org.privacykit.annotation.Mask}, {@link org.privacykit.annotation.Anonymize}, {@link
 * org.privacykit.annotation.NotPersonalData}, {@link org.privacykit.annotation.QuasiIdentifier}) and the enums
 * of the classification model.
 */
@NullMarked
package org.privacykit.annotation;

import org.jspecify.annotations.NullMarked;
