/** Helpers shared by the tests of every privacy-kit module; not part of any published artifact. */
@NullMarked
package org.privacykit.testsupport;

import org.jspecify.annotations.NullMarked;
